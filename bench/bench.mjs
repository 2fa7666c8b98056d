// The benchmark. `./dev bench` builds the release site into dist/ first; this script then
// serves it on loopback and, in one headless Chromium, measures the app against baselines
// generated from the same minutes (bench/lib/baselines.mjs):
//   - first-load bytes: every file the first visit downloads (the page and the service
//     worker's offline copy), raw, gzip and brotli;
//   - time to content: navigation start → the closing sentence of the minutes is in a
//     text node of the document; app vs a plain static HTML page of the same minutes;
//   - search latency: input event → results painted; app vs a hand-written vanilla-JS
//     filter over the same paragraphs, on the seed minutes and on a synthetic meeting
//     100 times as long (the app is rebuilt with that data in a scratch copy of the
//     sources, bench/lib/build-app.mjs, and the build is cached under bench/.cache);
//   - memory after load: JS heap (CDP) and the WASM linear memory;
//   - keystroke to paint for the speaker filter.
// App and baseline runs are interleaved (app, baseline, app, baseline...) so that load from
// anything else on the machine falls on both alike; medians are compared.
//
// Budgets (issue #7) are checked at the end and decide the exit code:
//   time to content ≤ 1.3 × static page; search ≤ 1.0 × vanilla (seed and 100×);
//   first load ≤ 80 KB (80,000 bytes) brotli. A budget that could not be measured fails.
//
// Environment:
//   BENCH_RUNS=n        repetitions of each timed measurement (default 15)
//   BENCH_NO_BUDGET=1   exit 0 even when a budget is broken (verdicts are still printed)
//
// Prints the results as Markdown and writes them to bench/RESULTS.md, keeping that file's
// "Optimisations" section (written by hand) as it is.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { cpus, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic, launch, minutesData, ROOT } from '../e2e/lib/harness.mjs';
import { writeBaselines } from './lib/baselines.mjs';
import { scaleMinutes } from './lib/scale.mjs';
import { buildAppWithData } from './lib/build-app.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const NO_BUDGET = process.env.BENCH_NO_BUDGET === '1';
const SCALE = 100;
const QUERIES = ['ログ', 'IoT'];
const BUDGET = { ttcRatio: 1.3, searchRatio: 1.0, brotliBytes: 80_000 };

const log = (msg) => console.error(`bench: ${msg}`);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The last sentence of the minutes' last speech: when it is in the DOM, all text is. */
function closingSentence(minutes) {
  const last = minutes.sections.at(-1).blocks.at(-1);
  const p = (last.type === 'speech' ? last.paragraphs : [last]).at(-1);
  return p.text.split('。').filter(Boolean).at(-1);
}

/**
 * Every file a first visit downloads: the page's own requests and the service worker's
 * copy of the site for offline reading, which it makes on that same visit (waited for
 * here). A response counts when its body came over the network (Chromium's
 * `responseBodySize`), so a request the HTTP cache answered after a 304 costs nothing
 * and a file downloaded twice counts twice. The worker's bodies are not readable through
 * the browser, so they are fetched again here to be weighed.
 */
async function firstLoad(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pending = [];
  context.on('response', (res) => {
    if (res.status() !== 200) return;
    const worker = Boolean(res.request().serviceWorker());
    pending.push(
      res.request().sizes().then(async ({ responseBodySize }) => {
        if (responseBodySize === 0) return null;
        const body = worker ? Buffer.from(await (await fetch(res.url())).arrayBuffer()) : await res.body().catch(() => Buffer.alloc(0));
        return { url: res.url(), worker, body };
      }).catch(() => null),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle', timeout: 120000 });
  // A page that registers a worker (after its load event) gets its copy made now.
  await page.evaluate(async () => {
    if (await navigator.serviceWorker?.getRegistration()) await navigator.serviceWorker.ready;
  });
  await page.waitForLoadState('networkidle');
  // Read every body before the context goes: a large one may still be arriving.
  const bodies = (await Promise.all(pending)).filter(Boolean);
  await context.close();
  const rows = bodies.map(({ url: u, worker, body }) => ({
    file: new URL(u).pathname,
    worker,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }));
  return rows;
}

const totalOf = (files) =>
  files.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });

/**
 * Record in `window.__ttc` when `needle` is in `count` text nodes outside <script> (the
 * 100× document repeats the closing sentence, and only its last copy means "all text is
 * there"). Polls on every animation frame from the first script on. Also keeps the app's
 * WASM exports when Trunk's loader announces them, for the memory measurement.
 */
async function installProbe(page, needle, count) {
  await page.addInitScript(
    ([needle, count]) => {
      addEventListener('TrunkApplicationStarted', (e) => (window.__wasmExports = e.detail?.wasm));
      const found = () => {
        const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT, {
          acceptNode: (n) => (n.parentElement?.closest('script,noscript') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
        });
        let seen = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.data.includes(needle) && ++seen >= count) return true;
        return false;
      };
      const tick = () => {
        if (document.body && found()) window.__ttc = performance.now();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    [needle, count],
  );
}

async function timeToContent(browser, url, needle, count) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await installProbe(page, needle, count);
  await page.goto(url, { timeout: 120000 });
  await page.waitForFunction(() => window.__ttc !== undefined, null, { timeout: 120000 });
  const ms = await page.evaluate(() => window.__ttc);
  await context.close();
  return ms;
}

/** Time to content of each page in `pages` ({name: url}), runs interleaved across pages. */
async function ttcInterleaved(browser, pages, needle, count, runs) {
  const out = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, url] of Object.entries(pages)) out[name].push(await timeToContent(browser, url, needle, count));
  }
  return out;
}

/**
 * JS heap and WASM memory once the page shows all its text. The heap is read after a
 * forced garbage collection so that it is what the page keeps, not what loading left
 * behind. The WASM memory is the app's linear memory (its whole Rust heap, which only
 * grows); a page without WASM reports none.
 */
async function memoryAfterLoad(browser, url, needle, count) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await installProbe(page, needle, count);
  await page.goto(url, { timeout: 120000 });
  await page.waitForFunction(() => window.__ttc !== undefined, null, { timeout: 120000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasmExports?.memory?.buffer?.byteLength ?? null);
  await context.close();
  return { jsHeap: heap.usedSize, wasm };
}

/** A page ready to be searched: its search box and (for the app) its speeches are there. */
async function openSearchPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url, { timeout: 120000 });
  await page.locator('#search-input').waitFor({ timeout: 120000 });
  // The app's page is pre-rendered: wait until the app has taken it over.
  await page.waitForFunction(() => !document.querySelector('body > [data-prerendered]'), null, { timeout: 120000 });
  await page.locator('article[data-speaker]').first().waitFor({ state: 'attached', timeout: 120000 });
  return { page, close: () => context.close() };
}

/**
 * One search: set the query, dispatch `input`, and time until the frame after the DOM
 * update (requestAnimationFrame, then a task: the paint has happened). Then clear the
 * field the same way, so every run starts from the whole document. Also counts the hits
 * painted, to check that both implementations found the same thing.
 */
async function searchOnce(page, query) {
  await page.bringToFront();
  return page.evaluate(async (query) => {
    const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const input = document.getElementById('search-input');
    const type = (value) => {
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    };
    const t0 = performance.now();
    type(query);
    await nextPaint();
    const ms = performance.now() - t0;
    const hits = document.querySelectorAll('mark[data-hit]').length;
    type('');
    await nextPaint();
    return { ms, hits };
  }, query);
}

/** Search latency of the app and the vanilla page, alternating one search each. */
async function searchInterleaved(browser, urls, runs) {
  const pages = {};
  for (const [name, url] of Object.entries(urls)) pages[name] = await openSearchPage(browser, url);
  const ms = Object.fromEntries(Object.keys(urls).map((k) => [k, []]));
  const hits = Object.fromEntries(Object.keys(urls).map((k) => [k, {}]));
  try {
    for (let i = 0; i < runs; i++) {
      const query = QUERIES[i % QUERIES.length];
      for (const [name, { page }] of Object.entries(pages)) {
        const r = await searchOnce(page, query);
        ms[name].push(r.ms);
        hits[name][query] = r.hits;
      }
    }
  } finally {
    for (const { close } of Object.values(pages)) await close();
  }
  return { ms, hits };
}

/**
 * Until a search has settled: from the input event to the frame after the browser's next
 * idle period, when what a page leaves for idle time (the app's filter counts and history
 * entry) has been painted too. Measured apart from the search latency above, whose runs
 * follow each other without idle waits (as they always have, so the ratios stay
 * comparable between runs); here each run starts with the page idle.
 */
async function settledLatency(browser, url, runs) {
  const { page, close } = await openSearchPage(browser, url);
  const result = await page.evaluate(async ([runs, queries]) => {
    const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const idle = () => new Promise((r) => requestIdleCallback(r, { timeout: 1000 }));
    const input = document.getElementById('search-input');
    const type = (value) => {
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    };
    const out = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      type(queries[i % queries.length]);
      await nextPaint();
      await idle();
      await nextPaint();
      out.push(performance.now() - t0);
      type('');
      await nextPaint();
      await idle();
    }
    return out;
  }, [runs, QUERIES]);
  await close();
  return result;
}

/** Keystroke to paint for ticking a speaker in the app's filter (no baseline has one). */
async function filterLatency(browser, url, runs) {
  const { page, close } = await openSearchPage(browser, url);
  const result = await page.evaluate(async (runs) => {
    const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const box = document.querySelector('input[name="speaker"][value="murai-jun"]');
    const out = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      box.click();
      await nextPaint();
      out.push(performance.now() - t0);
      box.click();
      await nextPaint();
    }
    return out;
  }, runs);
  await close();
  return result;
}

// ---- formatting ---------------------------------------------------------------------

const fmt = (n) => n.toLocaleString('en-US');
const ms1 = (n) => n.toFixed(1);
const mib = (n) => (n == null ? '—' : `${(n / 1024 / 1024).toFixed(1)} MiB`);
const statRow = (name, xs) => `| ${name} | ${ms1(median(xs))} | ${ms1(Math.min(...xs))} | ${ms1(Math.max(...xs))} |`;
const ratio = (a, b) => median(a) / median(b);

/** The hand-written "Optimisations" section of the current RESULTS.md, or a fresh one. */
async function optimisationsSection(path) {
  const text = await readFile(path, 'utf8').catch(() => '');
  const at = text.indexOf('\n## Optimisations');
  if (at !== -1) {
    const rest = text.slice(at + 1);
    const next = rest.indexOf('\n## ', 1);
    return (next === -1 ? rest : rest.slice(0, next + 1)).trimEnd();
  }
  return [
    '## Optimisations',
    '',
    'Before/after entries are added here as optimisations land (issue #7): what changed, and the',
    'numbers above before and after it. This section is written by hand; `bench.mjs` keeps it.',
  ].join('\n');
}

// ---- the run ------------------------------------------------------------------------

const minutes = await minutesData();
const big = scaleMinutes(minutes, SCALE);
const sentence = closingSentence(minutes);

// The app at 100×: built (or taken from the cache) before the browser starts, so the
// compiler and the measurements do not compete for the CPU.
let app100 = { dist: null, reason: null, build: null };
try {
  const result = await buildAppWithData(ROOT, `${SCALE}x`, `${JSON.stringify(big, null, 2)}\n`, { log });
  app100 = { dist: result.dist, reason: null, build: result };
  log(result.cached ? `app at ${SCALE}×: cached build ${result.dist}` : `app at ${SCALE}×: built in ${result.seconds.toFixed(0)} s`);
} catch (err) {
  app100.reason = `the app could not be built with the ${SCALE}× data: ${String(err.message).split('\n').slice(0, 3).join(' ')}`;
  log(app100.reason);
}

const scratch = await mkdtemp(join(tmpdir(), 'minutes-bench-'));
await writeBaselines(join(scratch, '1x'), minutes);
await writeBaselines(join(scratch, `${SCALE}x`), big);

const appServer = await serveStatic();
const baseServer = await serveStatic(scratch);
const app100Server = app100.dist ? await serveStatic(app100.dist) : null;
const url = {
  app: appServer.url,
  static: `${baseServer.url}1x/static/`,
  vanilla: `${baseServer.url}1x/vanilla/`,
  app100: app100Server?.url,
  static100: `${baseServer.url}${SCALE}x/static/`,
  vanilla100: `${baseServer.url}${SCALE}x/vanilla/`,
};

const browser = await launch();
let failed = false;
try {
  log('first-load bytes');
  const files = await firstLoad(browser, url.app);
  const total = totalOf(files);
  const loads = {
    static: totalOf(await firstLoad(browser, url.static)),
    vanilla: totalOf(await firstLoad(browser, url.vanilla)),
    app100: app100Server ? totalOf(await firstLoad(browser, url.app100)) : null,
    static100: totalOf(await firstLoad(browser, url.static100)),
  };

  log(`time to content, ${RUNS} interleaved runs`);
  const ttc = await ttcInterleaved(browser, { app: url.app, static: url.static }, sentence, 1, RUNS);
  const ttc100 = await ttcInterleaved(
    browser,
    app100Server ? { app: url.app100, static: url.static100 } : { static: url.static100 },
    sentence,
    SCALE,
    RUNS,
  );

  log(`search latency, ${RUNS * 2} interleaved searches`);
  const search = await searchInterleaved(browser, { app: url.app, vanilla: url.vanilla }, RUNS * 2);
  const search100 = await searchInterleaved(
    browser,
    app100Server ? { app: url.app100, vanilla: url.vanilla100 } : { vanilla: url.vanilla100 },
    RUNS * 2,
  );
  const filter = await filterLatency(browser, url.app, RUNS * 2);
  const settled = {
    app: await settledLatency(browser, url.app, RUNS * 2),
    vanilla: await settledLatency(browser, url.vanilla, RUNS * 2),
  };

  log('memory after load');
  const memory = {
    app: await memoryAfterLoad(browser, url.app, sentence, 1),
    static: await memoryAfterLoad(browser, url.static, sentence, 1),
    vanilla: await memoryAfterLoad(browser, url.vanilla, sentence, 1),
    app100: app100Server ? await memoryAfterLoad(browser, url.app100, sentence, SCALE) : null,
    static100: await memoryAfterLoad(browser, url.static100, sentence, SCALE),
    vanilla100: await memoryAfterLoad(browser, url.vanilla100, sentence, SCALE),
  };

  // ---- budgets ----
  const notMeasured = app100.reason ?? 'not measured';
  const budgets = [
    {
      name: `time to content ≤ ${BUDGET.ttcRatio}× static page`,
      value: ratio(ttc.app, ttc.static),
      limit: BUDGET.ttcRatio,
      show: (v) => `${v.toFixed(2)}×`,
    },
    {
      name: `search ≤ ${BUDGET.searchRatio.toFixed(1)}× vanilla JS (seed minutes)`,
      value: ratio(search.ms.app, search.ms.vanilla),
      limit: BUDGET.searchRatio,
      show: (v) => `${v.toFixed(2)}×`,
    },
    {
      name: `search ≤ ${BUDGET.searchRatio.toFixed(1)}× vanilla JS (${SCALE}× minutes)`,
      value: search100.ms.app ? ratio(search100.ms.app, search100.ms.vanilla) : null,
      limit: BUDGET.searchRatio,
      show: (v) => `${v.toFixed(2)}×`,
      missing: notMeasured,
    },
    {
      name: `first load ≤ ${fmt(BUDGET.brotliBytes)} bytes brotli`,
      value: total.brotli,
      limit: BUDGET.brotliBytes,
      show: (v) => `${fmt(v)} bytes`,
    },
  ].map((b) => ({ ...b, verdict: b.value == null ? 'NOT MEASURED' : b.value <= b.limit ? 'ok' : 'BROKEN' }));
  failed = budgets.some((b) => b.verdict !== 'ok');

  // ---- report ----
  const cpu = cpus();
  const lines = [
    '# Benchmark results',
    '',
    `Run on ${new Date().toISOString()} by \`./dev bench\` (\`node bench/bench.mjs\`): headless Chromium ${browser.version()}, ` +
      `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Linux ${release()}, Node ${process.version}; ` +
      `pages served on loopback; ${RUNS} runs of each load, ${RUNS * 2} of each search, app and baseline interleaved.`,
    '',
    'Baselines are generated from the same minutes JSON by `bench/lib/baselines.mjs`: a plain static',
    'HTML page (one small stylesheet, no script) and the same page with a hand-written vanilla-JS',
    `search. "${SCALE}×" is a synthetic meeting with the seed's sections repeated ${SCALE} times`,
    '(`bench/lib/scale.mjs`); the app is rebuilt with it in a scratch copy of the sources.',
    '',
    '## Budgets',
    '',
    '| budget | measured | verdict |',
    '|---|---:|---|',
    ...budgets.map((b) => `| ${b.name} | ${b.value == null ? '—' : b.show(b.value)} | ${b.verdict === 'ok' ? 'ok' : `**${b.verdict}**`} |`),
    '',
    ...budgets.filter((b) => b.value == null).flatMap((b) => [`Not measured: ${b.missing}.`, '']),
    '## First-load bytes',
    '',
    '| file | raw | gzip | brotli |',
    '|---|---:|---:|---:|',
    ...files.map((r) => `| \`${r.file}\`${r.worker ? ' (service worker)' : ''} | ${fmt(r.raw)} | ${fmt(r.gzip)} | ${fmt(r.brotli)} |`),
    `| **total** | **${fmt(total.raw)}** | **${fmt(total.gzip)}** | **${fmt(total.brotli)}** |`,
    '',
    'Totals of the other pages, for comparison:',
    '',
    '| page | raw | gzip | brotli |',
    '|---|---:|---:|---:|',
    `| app | ${fmt(total.raw)} | ${fmt(total.gzip)} | ${fmt(total.brotli)} |`,
    `| static page | ${fmt(loads.static.raw)} | ${fmt(loads.static.gzip)} | ${fmt(loads.static.brotli)} |`,
    `| vanilla search page | ${fmt(loads.vanilla.raw)} | ${fmt(loads.vanilla.gzip)} | ${fmt(loads.vanilla.brotli)} |`,
    loads.app100
      ? `| app, ${SCALE}× minutes | ${fmt(loads.app100.raw)} | ${fmt(loads.app100.gzip)} | ${fmt(loads.app100.brotli)} |`
      : `| app, ${SCALE}× minutes | not measured | | |`,
    `| static page, ${SCALE}× minutes | ${fmt(loads.static100.raw)} | ${fmt(loads.static100.gzip)} | ${fmt(loads.static100.brotli)} |`,
    '',
    '## Time to content',
    '',
    'Navigation start → the closing sentence of the minutes is in a text node of the document',
    `(at ${SCALE}×: in all ${SCALE} of its copies). Fresh browser context per run.`,
    '',
    '| page | median ms | min ms | max ms |',
    '|---|---:|---:|---:|',
    statRow('app', ttc.app),
    statRow('static page', ttc.static),
    `| **app / static** | **${ratio(ttc.app, ttc.static).toFixed(2)}×** | | |`,
    ttc100.app ? statRow(`app, ${SCALE}×`, ttc100.app) : `| app, ${SCALE}× | not measured | | |`,
    statRow(`static page, ${SCALE}×`, ttc100.static),
    ...(ttc100.app ? [`| **app / static, ${SCALE}×** | **${ratio(ttc100.app, ttc100.static).toFixed(2)}×** | | |`] : []),
    '',
    '## Search latency',
    '',
    'Input event → results painted (requestAnimationFrame, then a task), alternating the queries',
    `${QUERIES.join(' and ')}; each search is followed by clearing the field. Hits are the \`mark[data-hit]\``,
    'elements painted for each query.',
    '',
    '| page | median ms | min ms | max ms | hits |',
    '|---|---:|---:|---:|---|',
    ...[
      ['app', search, 'app'],
      ['vanilla JS', search, 'vanilla'],
      [`app, ${SCALE}×`, search100, 'app'],
      [`vanilla JS, ${SCALE}×`, search100, 'vanilla'],
    ].map(([label, s, key]) =>
      s.ms[key]
        ? `${statRow(label, s.ms[key])} ${QUERIES.map((q) => `${q} ${s.hits[key][q]}`).join(', ')} |`
        : `| ${label} | not measured | | | |`,
    ),
    `| **app / vanilla** | **${ratio(search.ms.app, search.ms.vanilla).toFixed(2)}×** | | | |`,
    search100.ms.app
      ? `| **app / vanilla, ${SCALE}×** | **${ratio(search100.ms.app, search100.ms.vanilla).toFixed(2)}×** | | | |`
      : `| **app / vanilla, ${SCALE}×** | not measured | | | |`,
    '',
    '## Keystroke to paint',
    '',
    'From the input event (or the checkbox click) to the next frame after the DOM update.',
    '"Settled": to the frame after the next idle period, each run starting with the page',
    'idle, when what the app leaves for idle time (the filter counts, the history entry)',
    'has been painted too; the vanilla page has nothing left, so its number is the idle',
    'wait and two frames.',
    '',
    '| interaction | median ms | min ms | max ms |',
    '|---|---:|---:|---:|',
    statRow(`search: type a query (${QUERIES.join(' / ')})`, search.ms.app),
    statRow('search: settled, app', settled.app),
    statRow('search: settled, vanilla JS', settled.vanilla),
    statRow('filter: tick a speaker', filter),
    '',
    '## Memory after load',
    '',
    'Once all text is shown, after a forced garbage collection: JS heap in use',
    '(CDP `Runtime.getHeapUsage`) and the size of the WASM linear memory (the app\'s exported',
    '`memory`, reached through the exports Trunk\'s loader announces).',
    '',
    '| page | JS heap | WASM memory |',
    '|---|---:|---:|',
    ...[
      ['app', memory.app],
      ['static page', memory.static],
      ['vanilla search page', memory.vanilla],
      [`app, ${SCALE}×`, memory.app100],
      [`static page, ${SCALE}×`, memory.static100],
      [`vanilla search page, ${SCALE}×`, memory.vanilla100],
    ].map(([label, m]) => (m ? `| ${label} | ${mib(m.jsHeap)} | ${mib(m.wasm)} |` : `| ${label} | not measured | not measured |`)),
    '',
  ];
  if (app100.reason) lines.push(`App at ${SCALE}× not measured: ${app100.reason}.`, '');
  const resultsPath = join(ROOT, 'bench', 'RESULTS.md');
  lines.push(await optimisationsSection(resultsPath), '');
  const table = lines.join('\n');
  console.log(table);
  await writeFile(resultsPath, table);

  console.log('Budgets:');
  for (const b of budgets) console.log(`  ${b.verdict.padEnd(12)} ${b.name}: ${b.value == null ? b.missing : b.show(b.value)}`);
  if (failed) console.log(NO_BUDGET ? 'Budgets broken; exiting 0 because BENCH_NO_BUDGET=1.' : 'Budgets broken: exit code 1.');
} finally {
  await browser.close();
  await appServer.close();
  await baseServer.close();
  await app100Server?.close();
  await rm(scratch, { recursive: true, force: true });
}
process.exitCode = failed && !NO_BUDGET ? 1 : 0;
