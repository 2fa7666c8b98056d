// The project's series search against Pagefind (https://pagefind.app, the usual static-site
// search) on the same corpus: for each count N (arguments; default 10 and 1000) a synthetic
// series of N meetings made from the seed minutes (tools/lib/series.mjs) is rendered into a
// copy of dist/, Pagefind indexes its meeting pages (`cshq-*/index.html`: not the index
// pages nor the person pages, which repeat the meetings' remarks) twice: as it comes (the
// whole <body>: the page's attendee table, statistics and navigation too, since the pages
// carry no data-pagefind-body) and with `--root-selector section.minutes` (the minutes
// alone, what the project's search searches). The site is served on loopback, and this
// measures, in a headless Chromium:
//   - index build: Pagefind's wall-clock time and output (bytes, files; its index data
//     apart from its scripts and WASM) against the project's `search/` folder, which the
//     renderer writes as part of siteWith (its time is reported too, but it renders every
//     page as well);
//   - first search ('IoT') in a fresh context, after the page has settled: the project's
//     input event → results painted (as bench/series.mjs times it), and Pagefind's
//     `init()` + `search(q)` (its WASM, table of contents and index chunks) + the first 5
//     results' `data()` (the fragments a results list shows; the project shows 5
//     meetings) + painting them, on a bare page of this bench's own
//     (`pagefind-bench.html`: the site's pages have a strict CSP); bytes are the response
//     bodies each downloads;
//   - later searches in the same page ('ログ', 'ログの', 'ログの保存'): time and bytes;
//   - matching, at the smallest N only (it does not change with N: every meeting is the
//     seed's text): for each of MATCH_QUERIES the meetings (and the project's paragraphs)
//     each finds, against the ground truth computed here from the minutes: the paragraphs
//     whose text contains the query, both folded (NFKC, lower case, no whitespace), and for
//     a name of 村井 純 (kanji, reading, Latin script) also every paragraph of his remarks.
//     Pagefind finds pages, and in them sub-results by heading (a speech's heading, or a
//     section's for its narratives): these are compared as remarks, with the remarks of
//     the true paragraphs and of the project's. The project's results are all of them
//     (さらに古い会合を表示 clicked until there are no more); Pagefind's are all its
//     results' pages.
// Every timing is a fresh browser context (no HTTP cache, no worker); medians of RUNS.
// Files are served raw (no compression), so bytes are sizes on disk: Pagefind's index is
// gzipped at build time, the project's JSON is not (its gzipped size is shown beside it).
//
// Installs Pagefind into bench/.pagefind/ (git-ignored; not a dependency in package.json)
// the first time. Writes nothing else to disk but the temporary sites, removed at the end.
// Tables go to stdout, progress to stderr.
//
//   node bench/pagefind.mjs [counts...]    e.g. node bench/pagefind.mjs 10 1000
//   BENCH_RUNS=n                           runs per measurement (default 5)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { DIST, ROOT, launch, minutesData, newPage, serveStatic } from '../e2e/lib/harness.mjs';
import { seriesFrom, siteWith, timeSeriesSearch } from '../tools/lib/series.mjs';
import { firstVisit, watchNetwork } from './lib/visit.mjs';
import { median } from './lib/median.mjs';

const COUNTS = process.argv.slice(2).length ? process.argv.slice(2).map(Number) : [10, 1000];
if (COUNTS.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('usage: node bench/pagefind.mjs [counts...]  (positive integers)');
  process.exit(2);
}
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FIRST_QUERY = 'IoT';
const LATER_QUERIES = ['ログ', 'ログの', 'ログの保存'];
const MATCH_QUERIES = ['IoT', 'ＩｏＴ', 'I o T', 'ログの保存', 'むらい', 'Murai', '村井'];
// The person the name queries name: their remarks are what a name query should find.
const NAMED = 'murai-jun';
const SHOWN = 5;

const PAGEFIND_DIR = join(ROOT, 'bench', '.pagefind');
const PAGEFIND_BIN = join(PAGEFIND_DIR, 'node_modules', '.bin', 'pagefind');
const PAGEFIND_GLOB = 'cshq-*/index.html';
const BENCH_PAGE = 'pagefind-bench.html';
// The two ways Pagefind indexes the pages, each into its own folder of the site.
const VARIANTS = [
  { key: 'page', label: 'Pagefind, whole page', dir: 'pagefind', args: [] },
  { key: 'minutes', label: 'Pagefind, section.minutes', dir: 'pagefind-minutes', args: ['--root-selector', 'section.minutes'] },
];
// What a search reads of Pagefind's output: its index data. The rest is its scripts and
// WASM (which a search also downloads, and the bytes measured include) and its UIs.
const PAGEFIND_DATA = /\.(pf_meta|pf_index|pf_fragment)$|pagefind-entry\.json$/;

const log = (msg) => console.error(`pagefind bench: ${msg}`);

/** Total bytes, gzipped bytes and count of the files under `dir` (whose name `only` matches). */
async function sizeOf(dir, only = /./) {
  let bytes = 0;
  let gzip = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !only.test(entry.name)) continue;
    const body = await readFile(join(entry.parentPath ?? entry.path, entry.name));
    bytes += body.length;
    gzip += gzipSync(body).length;
    files += 1;
  }
  return { bytes, gzip, files };
}

/** Pagefind's binary, installed into bench/.pagefind/ if it is not there yet. */
function pagefind() {
  if (!existsSync(PAGEFIND_BIN)) {
    log('installing pagefind@1.x into bench/.pagefind/…');
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', PAGEFIND_DIR, 'pagefind@1.x'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    // The binary itself comes from an optional dependency (@pagefind/linux-x64 here),
    // which npm skips silently when it cannot have it.
    try {
      execFileSync(PAGEFIND_BIN, ['--version'], { stdio: 'ignore' });
    } catch {
      throw new Error('pagefind installed without its binary (the optional @pagefind/<platform> package did not arrive)');
    }
  }
  return execFileSync(PAGEFIND_BIN, ['--version'], { encoding: 'utf8' }).trim();
}

/**
 * A page of this bench's own at the site's root, without the site's CSP: it loads
 * Pagefind's script, and its functions do what a results list does with it.
 */
const BENCH_HTML = `<!DOCTYPE html>
<html lang="ja">
<head><meta charset="utf-8"><title>Pagefind bench</title><link rel="icon" href="data:,"></head>
<body>
<ol id="results"></ol>
<script type="module">
// ?bundle=<folder>: which of the site's Pagefind indexes to search.
const bundle = new URLSearchParams(location.search).get('bundle') ?? 'pagefind';
const pf = await import(\`./\${bundle}/pagefind.js\`);
const list = document.getElementById('results');
// A frame drawn after the change: rAF callbacks run before the paint they precede.
const painted = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
window.benchInit = async () => {
  const t0 = performance.now();
  await pf.init();
  return performance.now() - t0;
};
// Search, fetch the first ${SHOWN} results' fragments and draw them, as a results list does.
window.benchSearch = async (q) => {
  const t0 = performance.now();
  const found = await pf.search(q);
  const shown = await Promise.all(found.results.slice(0, ${SHOWN}).map((r) => r.data()));
  list.replaceChildren(...shown.map((d) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = d.url;
    a.textContent = d.meta?.title ?? d.url;
    const p = document.createElement('p');
    p.innerHTML = d.excerpt;
    li.append(a, p);
    return li;
  }));
  await painted();
  return { ms: performance.now() - t0, results: found.results.length };
};
// Every result's page and its sub-results (Pagefind's per-heading matches), for matching.
window.benchAll = async (q) => {
  const found = await pf.search(q);
  return Promise.all(found.results.map(async (r) => {
    const d = await r.data();
    return { url: d.url, sub: d.sub_results.map((s) => s.url) };
  }));
};
window.benchReady = true;
</script>
</body>
</html>
`;

/** A phase's downloads as this bench's tables show them. */
const sized = ({ total, files }) => ({ bytes: total, files });

/** One run of the project's search: the first search and the later ones, in one page. */
async function measureProject(browser, url) {
  const { page, net } = await firstVisit(browser, url);
  try {
    const out = { errors: page.errors };
    for (const q of [FIRST_QUERY, ...LATER_QUERIES]) {
      net.phase = q;
      const ms = await page.evaluate(timeSeriesSearch, q);
      await net.idle(200);
      net.phase = 'after';
      out[q] = { ms, ...sized(await net.bytes(q)), results: await page.locator('[data-series-group]').count() };
    }
    return out;
  } finally {
    await page.context().close();
  }
}

/** The bench page in a fresh context, its module loaded, the network idle. */
async function pagefindPage(browser, url) {
  const page = await newPage(browser, { viewport: { width: 1440, height: 900 } });
  const net = watchNetwork(page.context());
  await page.goto(url, { waitUntil: 'load', timeout: 120000 });
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 60000 });
  await net.idle();
  return { page, net };
}

/** One run of Pagefind's search: init and the first search, then the later ones. */
async function measurePagefind(browser, url) {
  const { page, net } = await pagefindPage(browser, url);
  try {
    const out = { errors: page.errors };
    // Pagefind's first search starts with init: timed apart, and added to the first
    // search, whose counterpart downloads the project's table of contents. (init() returns
    // at once; the WASM and table of contents it asks for are waited for by the search.)
    net.phase = 'init';
    const initMs = await page.evaluate(() => window.benchInit());
    await net.idle(200);
    net.phase = 'after';
    out.init = { ms: initMs, ...sized(await net.bytes('init')) };
    for (const q of [FIRST_QUERY, ...LATER_QUERIES]) {
      net.phase = q;
      const r = await page.evaluate((query) => window.benchSearch(query), q);
      await net.idle(200);
      net.phase = 'after';
      out[q] = { ms: r.ms, ...sized(await net.bytes(q)), results: r.results };
    }
    const first = out[FIRST_QUERY];
    out.firstTotal = { ms: out.init.ms + first.ms, bytes: out.init.bytes + first.bytes, files: out.init.files + first.files };
    return out;
  } finally {
    await page.context().close();
  }
}

// Matching.

/** The project's folding of search text (crates/minutes-view/src/search.rs `fold`). */
const fold = (s) => s.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');

/** A remark: a speech, or a section's narratives (what a Pagefind sub-result's heading covers). */
const remarkKey = (m, section, block) => `${m.id}#${block.type === 'speech' ? block.id : section.id}`;

/** 'meeting#paragraph' → its remark, for the project's results. */
function remarksOf(meetings) {
  const of = new Map();
  for (const m of meetings) {
    for (const s of m.sections) {
      for (const b of s.blocks) {
        const paragraphs = b.type === 'speech' ? b.paragraphs : b.type === 'narrative' ? [b] : [];
        for (const p of paragraphs) of.set(`${m.id}#${p.id}`, remarkKey(m, s, b));
      }
    }
  }
  return of;
}

/** Every name the named person is known by, folded: the queries that are their name. */
function namesOf(meetings) {
  const keys = new Set();
  for (const m of meetings) {
    for (const a of m.attendees ?? []) {
      if (a.id !== NAMED) continue;
      for (const n of [a.name, a.family_name, a.reading, a.latin]) {
        if (!n) continue;
        keys.add(fold(n));
        // A name's parts alone (むらい of むらい じゅん, murai of Murai Jun).
        for (const part of n.split(/\s+/u)) keys.add(fold(part));
      }
    }
  }
  return keys;
}

/**
 * Ground truth of `q`: the paragraphs (speech paragraphs and narratives, as the project
 * searches) whose folded text contains the folded query, and, if `q` names the person,
 * every paragraph of their remarks. Resolves to {meetings: Set, paragraphs: Set of
 * 'meeting#paragraph'}.
 */
function groundTruth(meetings, q, names) {
  const folded = fold(q);
  const isName = names.has(folded);
  const hits = { meetings: new Set(), paragraphs: new Set(), remarks: new Set() };
  for (const m of meetings) {
    for (const s of m.sections) {
      for (const b of s.blocks) {
        const paragraphs = b.type === 'speech' ? b.paragraphs : b.type === 'narrative' ? [b] : [];
        for (const p of paragraphs) {
          const byName = isName && b.type === 'speech' && b.speaker === NAMED;
          if (byName || fold(p.text).includes(folded)) {
            hits.meetings.add(m.id);
            hits.paragraphs.add(`${m.id}#${p.id}`);
            hits.remarks.add(remarkKey(m, s, b));
          }
        }
      }
    }
  }
  return { ...hits, isName };
}

/** Every result of the project's search for `q`: all of them, "more" clicked to the end. */
async function projectMatches(browser, url, q) {
  const page = await newPage(browser, { viewport: { width: 1440, height: 900 } });
  try {
    await page.goto(`${url}?scope=series&q=${encodeURIComponent(q)}`, { waitUntil: 'load', timeout: 120000 });
    await page.locator('[data-series-status="done"], [data-series-status="failed"]').waitFor({ state: 'attached', timeout: 60000 });
    // Each click shows up to 5 more meetings, or none and the button goes (no more).
    while (await page.locator('[data-series-more]').count()) {
      const before = await page.locator('[data-series-group]').count();
      await page.locator('[data-series-more]').click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-series-group]').length > n || !document.querySelector('[data-series-more]'),
        before,
        { timeout: 60000 },
      );
    }
    const found = await page.$$eval('[data-series-result]', (els) => els.map((e) => [e.dataset.meeting, e.dataset.paragraph]));
    return {
      meetings: new Set(found.map(([m]) => m)),
      paragraphs: new Set(found.map(([m, p]) => `${m}#${p}`)),
      errors: page.errors,
    };
  } finally {
    await page.context().close();
  }
}

/** Every page (meeting) Pagefind finds for `q`, and its sub-results. */
async function pagefindMatches(browser, url, q) {
  const page = await newPage(browser, { viewport: { width: 1440, height: 900 } });
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120000 });
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 60000 });
    const found = await page.evaluate((query) => window.benchAll(query), q);
    const meetingOf = (u) => u.match(/cshq-\d+/)?.[0] ?? u;
    // A sub-result's URL ends in its heading's id: `#sec-2-murai-jun-heading` is that
    // speech, `#sec-3-heading` that section's narratives; none is the page's top.
    const remarkOf = (u) => `${meetingOf(u)}#${(u.split('#')[1] ?? '').replace(/-heading$/, '')}`;
    return {
      meetings: new Set(found.map((r) => meetingOf(r.url))),
      remarks: new Set(found.flatMap((r) => r.sub.map(remarkOf))),
      errors: page.errors,
    };
  } finally {
    await page.context().close();
  }
}

/** Matching of every MATCH_QUERIES by both, against ground truth. */
async function measureMatching(browser, server, meetings) {
  const names = namesOf(meetings);
  const remarkOf = remarksOf(meetings);
  const rows = [];
  for (const q of MATCH_QUERIES) {
    log(`matching '${q}'`);
    const truth = groundTruth(meetings, q, names);
    const project = await projectMatches(browser, server.url, q);
    project.remarks = new Set([...project.paragraphs].map((p) => remarkOf.get(p) ?? p));
    const pf = {};
    for (const v of VARIANTS) pf[v.key] = await pagefindMatches(browser, `${server.url}${BENCH_PAGE}?bundle=${v.dir}`, q);
    rows.push({ q, truth, project, pf });
  }
  return rows;
}

// A series.

/** Build, index, serve and measure a series of `count` meetings. */
async function measureSeries(browser, seed, count, removes, { matching }) {
  const meetings = seriesFrom(seed, count);
  log(`N=${count}: rendering the site…`);
  let t0 = performance.now();
  const built = await siteWith(ROOT, DIST, meetings, `pagefind-${count}`);
  removes.push(built.remove);
  const renderSeconds = (performance.now() - t0) / 1000;
  log(`N=${count}: rendered in ${renderSeconds.toFixed(1)} s`);

  // Pagefind picks the language from <html lang>; Japanese needs "ja" for its segmenter.
  const html = await readFile(join(built.site, 'cshq-001', 'index.html'), 'utf8');
  const lang = html.match(/<html[^>]*\blang="([^"]*)"/)?.[1] ?? null;

  const pagefinds = {};
  for (const v of VARIANTS) {
    log(`N=${count}: indexing with pagefind (${v.label})…`);
    t0 = performance.now();
    const out = execFileSync(PAGEFIND_BIN, ['--site', built.site, '--glob', PAGEFIND_GLOB, '--output-subdir', v.dir, ...v.args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const seconds = (performance.now() - t0) / 1000;
    const indexed = `${out.match(/Indexed (\d+) pages?/)?.[1] ?? '?'} pages, ${out.match(/Indexed (\d+) words?/)?.[1] ?? '?'} words, language ${out.match(/Discovered \d+ languages?: (.*)/)?.[1] ?? '?'}`;
    log(`N=${count}: ${v.label}: ${indexed}, ${seconds.toFixed(1)} s`);
    pagefinds[v.key] = {
      seconds,
      indexed,
      all: await sizeOf(join(built.site, v.dir)),
      data: await sizeOf(join(built.site, v.dir), PAGEFIND_DATA),
      runs: [],
    };
  }
  await writeFile(join(built.site, BENCH_PAGE), BENCH_HTML);

  const result = {
    count,
    lang,
    renderSeconds,
    projectIndex: await sizeOf(join(built.site, 'search')),
    pagefinds,
    project: [],
    matching: null,
    errors: [],
  };
  const server = await serveStatic(built.site);
  try {
    // Runs interleaved, so that load from elsewhere on the machine falls on both alike.
    for (let i = 0; i < RUNS; i++) {
      log(`N=${count}: search run ${i + 1}/${RUNS}`);
      const p = await measureProject(browser, server.url);
      result.project.push(p);
      for (const e of p.errors) result.errors.push(`project: ${e}`);
      for (const v of VARIANTS) {
        const f = await measurePagefind(browser, `${server.url}${BENCH_PAGE}?bundle=${v.dir}`);
        result.pagefinds[v.key].runs.push(f);
        for (const e of f.errors) result.errors.push(`${v.label}: ${e}`);
      }
    }
    if (matching) {
      result.matching = await measureMatching(browser, server, meetings);
      for (const r of result.matching) {
        for (const e of [...r.project.errors, ...Object.values(r.pf).flatMap((x) => x.errors)]) result.errors.push(`matching '${r.q}': ${e}`);
      }
    }
  } finally {
    await server.close();
  }
  return result;
}

// Formatting.
const int = (n) => (n === null || n === undefined ? '–' : Math.round(n).toLocaleString('en-US'));
const ms = (n) => (n === null || n === undefined ? '–' : n.toFixed(1));
const range = (xs, f) => {
  const s = xs.filter((x) => x !== null && x !== undefined);
  return s.length ? `${f(Math.min(...s))} – ${f(Math.max(...s))}` : '–';
};
const row = (cells) => `| ${cells.join(' | ')} |`;

function table(r) {
  const pfs = VARIANTS.map((v) => r.pagefinds[v.key]);
  const lines = [
    `### N = ${r.count} meetings (median of ${RUNS} runs, fresh context each)`,
    '',
    `Meeting pages have \`<html lang="${r.lang}">\`. Pagefind indexed: ${VARIANTS.map((v) => `${v.label}: ${r.pagefinds[v.key].indexed}`).join('; ')}.`,
    '',
    `| measure | project | ${VARIANTS.map((v) => v.label).join(' | ')} |`,
    `|---|---:|${VARIANTS.map(() => '---:').join('|')}|`,
    row(['index build (s)', `${r.renderSeconds.toFixed(1)} (siteWith: renders every page too)`, ...pfs.map((p) => p.seconds.toFixed(1))]),
    row([
      'index data (bytes, files)',
      `${int(r.projectIndex.bytes)} in ${int(r.projectIndex.files)} (gzip ${int(r.projectIndex.gzip)})`,
      ...pfs.map((p) => `${int(p.data.bytes)} in ${int(p.data.files)} (gzipped at build)`),
    ]),
    row(['whole output incl. scripts, WASM, UIs (bytes, files)', '–', ...pfs.map((p) => `${int(p.all.bytes)} in ${int(p.all.files)}`)]),
  ];
  const cell = (xs, pick) => {
    const v = xs.map(pick);
    return `${ms(median(v.map((x) => x.ms)))} ms (${range(v.map((x) => x.ms), ms)}), ${int(median(v.map((x) => x.bytes)))} B in ${int(median(v.map((x) => x.files)))} files`;
  };
  lines.push(row(['Pagefind init() call', '–', ...pfs.map((p) => cell(p.runs, (x) => x.init))]));
  lines.push(row([`first search '${FIRST_QUERY}' (Pagefind: init + search)`, cell(r.project, (x) => x[FIRST_QUERY]), ...pfs.map((p) => cell(p.runs, (x) => x.firstTotal))]));
  for (const q of LATER_QUERIES) lines.push(row([`later '${q}'`, cell(r.project, (x) => x[q]), ...pfs.map((p) => cell(p.runs, (x) => x[q]))]));
  const later = (xs) => {
    const all = LATER_QUERIES.flatMap((q) => xs.map((x) => x[q]));
    return `${ms(median(all.map((x) => x.ms)))} ms, ${int(median(all.map((x) => x.bytes)))} B`;
  };
  lines.push(row(['later searches (all): median', later(r.project), ...pfs.map((p) => later(p.runs))]));
  const results = (xs) => [FIRST_QUERY, ...LATER_QUERIES].map((q) => `${q} ${int(median(xs.map((x) => x[q].results)))}`).join(', ');
  lines.push(row(['results (project: meetings shown; Pagefind: pages found)', results(r.project), ...pfs.map((p) => results(p.runs))]));
  lines.push('');
  return lines.join('\n');
}

function matchingTable(r) {
  const n = (set) => int(set.size);
  const diff = (found, truth) => {
    const extra = [...found].filter((m) => !truth.has(m)).length;
    const missed = [...truth].filter((m) => !found.has(m)).length;
    return extra || missed ? ` (+${extra} −${missed})` : ' (exact)';
  };
  const lines = [
    `### Matching at N = ${r.count}: meetings / remarks found (+ not in ground truth, − missed)`,
    '',
    'A remark is a speech, or a section\'s narratives: what one Pagefind sub-result (by heading) covers.',
    '',
    `| query | ground truth: meetings / remarks (paragraphs) | project: meetings / remarks (paragraphs) | ${VARIANTS.map((v) => `${v.label}: meetings / remarks`).join(' | ')} |`,
    `|---|---:|---:|${VARIANTS.map(() => '---:').join('|')}|`,
  ];
  for (const m of r.matching) {
    lines.push(
      row([
        `\`${m.q}\`${m.truth.isName ? ' (name)' : ''}`,
        `${n(m.truth.meetings)} / ${n(m.truth.remarks)} (${n(m.truth.paragraphs)})`,
        `${n(m.project.meetings)}${diff(m.project.meetings, m.truth.meetings)} / ${n(m.project.remarks)}${diff(m.project.remarks, m.truth.remarks)} (${n(m.project.paragraphs)}${diff(m.project.paragraphs, m.truth.paragraphs)})`,
        ...VARIANTS.map((v) => {
          const f = m.pf[v.key];
          return `${n(f.meetings)}${diff(f.meetings, m.truth.meetings)} / ${n(f.remarks)}${diff(f.remarks, m.truth.remarks)}`;
        }),
      ]),
    );
  }
  lines.push('');
  return lines.join('\n');
}

const version = pagefind();
log(`${version}`);
const seed = await minutesData();
const browser = await launch();
const removes = [];
let failed = false;
try {
  console.log(`Pagefind: ${version} (bench/.pagefind/); Chromium ${browser.version()}; Node ${process.version}\n`);
  const smallest = Math.min(...COUNTS);
  for (const count of COUNTS) {
    const result = await measureSeries(browser, seed, count, removes, { matching: count === smallest });
    console.log(table(result));
    if (result.matching) console.log(matchingTable(result));
    if (result.errors.length) {
      console.log(`Page errors at N=${count}:`);
      for (const e of [...new Set(result.errors)]) console.log(`- ${e}`);
      console.log('');
    }
  }
} catch (err) {
  console.error(`pagefind bench failed: ${err.stack ?? err}`);
  failed = true;
} finally {
  await browser.close();
  for (const remove of removes) await remove();
}
process.exit(failed ? 1 : 0);
