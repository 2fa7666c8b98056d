// The benchmark: builds nothing itself (./dev bench builds first), serves dist/ on
// loopback and, in one headless Chromium, measures what a first visit costs.
//   - first-load bytes: every file the first visit downloads, raw, gzip and brotli;
//   - time to content: navigation start → the closing sentence of the minutes is in a
//     text node of the document, median over repeated runs.
// Prints a table and writes it to bench/RESULTS.md.
import { writeFile } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { serveStatic, launch, minutesData, ROOT } from '../e2e/lib/harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

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

async function firstLoad(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies = [];
  page.on('response', async (res) => {
    if (res.status() === 200) bodies.push({ url: res.url(), body: await res.body().catch(() => Buffer.alloc(0)) });
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await context.close();
  const rows = bodies.map(({ url: u, body }) => ({
    file: new URL(u).pathname,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }));
  return rows;
}

async function timeToContent(browser, url, sentence) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Poll on every animation frame from the first script on, looking only at text nodes
  // outside <script>, and record when the closing sentence first appears.
  await page.addInitScript((needle) => {
    const found = () => {
      const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.parentElement?.closest('script,noscript') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.data.includes(needle)) return true;
      return false;
    };
    const tick = () => {
      if (document.body && found()) window.__ttc = performance.now();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, sentence);
  await page.goto(url);
  await page.waitForFunction(() => window.__ttc !== undefined, null, { timeout: 30000 });
  const ms = await page.evaluate(() => window.__ttc);
  await context.close();
  return ms;
}

/**
 * Keystroke-to-paint: from dispatching an input (or a click) to the frame after the DOM
 * has been updated (requestAnimationFrame, then a task: the paint has happened). Runs
 * alternate between a query and an empty field so every run changes the page.
 */
async function interactionLatency(browser, url, runs) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('#search-input').waitFor();
  const result = await page.evaluate(async (runs) => {
    const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const input = document.getElementById('search-input');
    const type = (value) => {
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    };
    const search = [];
    const filter = [];
    for (let i = 0; i < runs; i++) {
      let t0 = performance.now();
      type(i % 2 ? 'IoT' : 'ログ');
      await nextPaint();
      search.push(performance.now() - t0);
      type('');
      await nextPaint();

      const box = document.querySelector('input[name="speaker"][value="murai-jun"]');
      t0 = performance.now();
      box.click();
      await nextPaint();
      filter.push(performance.now() - t0);
      box.click();
      await nextPaint();
    }
    return { search, filter };
  }, runs);
  await context.close();
  return result;
}

const fmt = (n) => n.toLocaleString('en-US');

const minutes = await minutesData();
const sentence = closingSentence(minutes);
const server = await serveStatic();
const browser = await launch();
try {
  const files = await firstLoad(browser, server.url);
  const total = files.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const ttc = [];
  for (let i = 0; i < RUNS; i++) ttc.push(await timeToContent(browser, server.url, sentence));
  const latency = await interactionLatency(browser, server.url, RUNS * 2);
  const row = (name, xs) => `| ${name} | ${median(xs).toFixed(1)} | ${Math.min(...xs).toFixed(1)} | ${Math.max(...xs).toFixed(1)} |`;

  const lines = [
    '# Benchmark results',
    '',
    `Run on ${new Date().toISOString()} by \`./dev bench\` (headless Chromium ${browser.version()}, dist/ on loopback, ${RUNS} runs).`,
    '',
    '## First-load bytes',
    '',
    '| file | raw | gzip | brotli |',
    '|---|---:|---:|---:|',
    ...files.map((r) => `| \`${r.file}\` | ${fmt(r.raw)} | ${fmt(r.gzip)} | ${fmt(r.brotli)} |`),
    `| **total** | **${fmt(total.raw)}** | **${fmt(total.gzip)}** | **${fmt(total.brotli)}** |`,
    '',
    '## Time to content',
    '',
    'Navigation start → the closing sentence of the minutes is in a text node of the document.',
    '',
    '| page | median ms | min ms | max ms |',
    '|---|---:|---:|---:|',
    row('app', ttc),
    '',
    '## Keystroke to paint',
    '',
    'From the input event (or the checkbox click) to the next frame after the DOM update.',
    '',
    '| interaction | median ms | min ms | max ms |',
    '|---|---:|---:|---:|',
    row('search: type a query (ログ / IoT)', latency.search),
    row('filter: tick a speaker', latency.filter),
    '',
  ];
  const table = lines.join('\n');
  console.log(table);
  await writeFile(join(ROOT, 'bench', 'RESULTS.md'), table);
} finally {
  await browser.close();
  await server.close();
}
