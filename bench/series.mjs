// How the site scales with the length of the series: for each count N (arguments; default
// 10 and 1000) a synthetic series of N meetings made from the seed minutes
// (tools/lib/series.mjs) is rendered into a copy of dist/ and served on loopback, and this
// measures, in a headless Chromium:
//   - build: wall-clock time of rendering the series (siteWith: write the minutes, copy
//     dist/, `node tools/postbuild.mjs`), total bytes and files of the site;
//   - first visit of the index, a meeting (cshq-001/) and a person (people/murai-jun/):
//     every response body downloaded, the service worker's install included, and first
//     and largest contentful paint;
//   - series search on the index, in two sequences each in a fresh page (SEQUENCES): one
//     word, and several words with an OR and an exclusion. The first search of each
//     downloads the index's table of contents, shards and minutes; later keystrokes reuse
//     what the page holds. Each is timed from the input event to the results painted,
//     with the bytes each downloads.
// Every measurement is a fresh browser context (no HTTP cache, no worker); medians of RUNS.
// Files are served raw (no compression), so bytes are uncompressed sizes.
//
// Budgets (exit code 1 if one breaks): the meeting page's first-visit bytes and LCP at the
// largest N ≤ 1.05 × at the smallest N (LCP with +20 ms absolute slack for timing noise);
// first series search at N=1000 ≤ 300 ms and later keystrokes (median) ≤ 50 ms at every N,
// for each sequence;
// build time at N=1000 ≤ 60 s. Budgets "at N=1000" are skipped when 1000 is not measured.
//
// With `--bodies B` the meetings are spread over B bodies generated for the bench (never
// shipped: the bodies' file is written beside the temporary minutes): meeting k belongs to
// body (k-1) mod B, numbered in it; body 1 is the 本部 (`cshq`), so cshq-001 is still the
// meeting measured. A site of one meeting has one body. Then also measured: the root (the
// list of bodies) and a body's index (bodies/cshq/), and a third search sequence with a
// body filter (two bodies ticked). Budgets then: the root's and the body index's HTML at
// the largest N ≤ 1.02 × at the second-largest (neither grows with the meetings, beyond a
// line per body: both sites have B bodies), and the search budgets for all three
// sequences. The meeting page is compared with the smallest N (1: one meeting).
//
// Writes nothing to disk but the temporary sites, removed at the end. Tables go to stdout,
// progress to stderr.
//
//   node bench/series.mjs [counts...]      e.g. node bench/series.mjs 10 1000
//   node bench/series.mjs --bodies 10 1 500 1000
//   BENCH_RUNS=n                           runs per measurement (default 5)
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DIST, ROOT, launch, minutesData, serveStatic } from '../e2e/lib/harness.mjs';
import { dateOfDay, renumbered, seriesFrom, siteWith, timeSeriesSearch } from '../tools/lib/series.mjs';
import { firstVisit } from './lib/visit.mjs';
import { median } from './lib/median.mjs';

const args = process.argv.slice(2);
const bodiesAt = args.indexOf('--bodies');
const BODIES = bodiesAt >= 0 ? Number(args[bodiesAt + 1]) : 1;
if (bodiesAt >= 0) args.splice(bodiesAt, 2);
const COUNTS = args.length ? args.map(Number) : [10, 1000];
if (COUNTS.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(BODIES) || BODIES < 1) {
  console.error('usage: node bench/series.mjs [--bodies B] [counts...]  (positive integers)');
  process.exit(2);
}
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAGES = { index: '', meeting: 'cshq-001/', person: 'people/murai-jun/', ...(BODIES > 1 ? { body: 'bodies/cshq/' } : {}) };
// The bench's bodies: the 本部 and B-1 made up, each a line of the bodies' file.
const SLUGS = Array.from({ length: BODIES }, (_, j) => (j === 0 ? 'cshq' : `bench-b${String(j + 1).padStart(2, '0')}`));
// Each sequence starts in a fresh page. In the first, each later query extends the one
// before, as a reader types; they share grams with it, so most of what they need is
// already downloaded. The second has two words (a speech must hold both), an exclusion
// (judged once a meeting's minutes are read), an OR (the union of two words' meetings)
// and two words again.
const SEQUENCES = [
  { name: 'one word', first: 'IoT', later: ['ログ', 'ログの', 'ログの保存'] },
  { name: 'several words', first: 'IoT 人材', later: ['IoT 人材 -ログ', 'ログ OR 監視', 'ログ 保存'] },
  ...(BODIES > 1
    ? [{ name: 'two bodies ticked', filter: `?scope=series&body=${SLUGS[0]}&body=${SLUGS.at(-1)}`, first: 'IoT 人材', later: ['ログ', 'ログの保存', 'ログ OR 監視'] }]
    : []),
];
const TIMING_SLACK_MS = 20;

const log = (msg) => console.error(`series bench: ${msg}`);

/** Total bytes and count of the files under `dir`. */
async function sizeOf(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath ?? entry.path, entry.name))).size;
    files += 1;
  }
  return { bytes, files };
}

/** First-visit bytes and paint timings of `url`, one fresh context. */
async function measurePage(browser, url) {
  const { page, net } = await firstVisit(browser, url);
  try {
    const paint = await page.evaluate(() => window.__paint);
    const bytes = await net.bytes();
    return { ...paint, bytes: bytes.total, workerBytes: bytes.worker, files: bytes.files, errors: page.errors };
  } finally {
    await page.context().close();
  }
}

/** One run of a sequence of series searches: the first and the later keystrokes, in one page. */
async function measureSearch(browser, url, { first, later }) {
  // The page is settled first (worker installed, network idle), so the search does not
  // compete with the worker's install for the network.
  const { page, net } = await firstVisit(browser, url);
  try {
    const out = { first: null, later: {}, errors: page.errors };
    for (const q of [first, ...later]) {
      net.phase = q;
      const ms = await page.evaluate(timeSeriesSearch, q);
      // Responses of this search are tagged by their request's start; wait for any
      // stragglers (there should be none: the results were already drawn from them).
      await net.idle(200);
      net.phase = 'after';
      const { total, files } = await net.bytes(q);
      const results = await page.locator('[data-series-result]').count();
      const row = { ms, bytes: total, files, results };
      if (q === first) out.first = row;
      else out.later[q] = row;
    }
    out.url = page.url();
    return out;
  } finally {
    await page.context().close();
  }
}

// The years the bench's bodies meet in, whatever their number of meetings: more meetings
// are more meetings a year, as bodies sitting side by side hold them, so that the pages
// compared at two sizes offer the same years (the search's year choices).
const SPAN_DAYS = 10 * 365;

/**
 * The bench's meetings and bodies' file: the synthetic series, spread over BODIES bodies
 * (meeting k to body (k-1) mod B, numbered in it, its meetings evenly over SPAN_DAYS from
 * 2015-02-10), each body a line of the file.
 */
async function library(seed, count) {
  const series = seriesFrom(seed, count);
  if (BODIES === 1) return { meetings: series };
  const perBody = Math.ceil(count / BODIES);
  const meetings = series.map((m, i) => {
    const slug = SLUGS[i % BODIES];
    const number = Math.floor(i / BODIES) + 1;
    const day = new Date(Date.UTC(2015, 1, 10 + Math.floor(((number - 1) * SPAN_DAYS) / perBody)));
    return { ...renumbered(m, slug, number, 0), date: dateOfDay(day) };
  });
  const file = JSON.parse(await readFile(join(ROOT, 'data', 'bodies.json'), 'utf8'));
  const hq = file.bodies.find((b) => b.slug === 'cshq');
  const bodies = SLUGS.map((slug, j) => (j === 0
    ? hq
    : { slug, name: `ベンチ会議${j + 1}`, name_en: `Bench body ${j + 1}`, from: '2015-01-01', predecessor: j > 1 ? SLUGS[j - 1] : undefined }));
  return { meetings, bodies: { legacy_meeting: 'cshq-001', bodies } };
}

/** Build, serve and measure a series of `count` meetings. */
async function measureSeries(browser, seed, count, removes) {
  const { meetings, bodies } = await library(seed, count);
  log(`N=${count}: rendering the site…`);
  const t0 = performance.now();
  const built = await siteWith(ROOT, DIST, meetings, `bench-${count}`, { bodies });
  // Removed at the end whatever happens next.
  removes.push(built.remove);
  const buildSeconds = (performance.now() - t0) / 1000;
  log(`N=${count}: built in ${buildSeconds.toFixed(1)} s`);
  const result = { count, buildSeconds, pages: {}, search: null, errors: [] };
  const server = await serveStatic(built.site);
  try {
    result.size = await sizeOf(built.site);
    for (const [name, path] of Object.entries(PAGES)) {
      const p = path ? join(built.site, path, 'index.html') : join(built.site, 'index.html');
        result.pages[name] = { html: await stat(p).then((f) => f.size, () => null), runs: [] };
    }
    // Runs interleaved across pages, so that load from elsewhere on the machine falls on
    // all of them alike.
    for (let i = 0; i < RUNS; i++) {
      for (const [name, path] of Object.entries(PAGES)) {
        // A site of one body has no bodies/ folder.
        if (result.pages[name].html === null) continue;
        log(`N=${count}: ${name}, run ${i + 1}/${RUNS}`);
        const r = await measurePage(browser, server.url + path);
        result.pages[name].runs.push(r);
        for (const e of r.errors) result.errors.push(`${name}: ${e}`);
      }
    }
    result.search = Object.fromEntries(SEQUENCES.map((seq) => [seq.name, []]));
    for (let i = 0; i < RUNS; i++) {
      for (const seq of SEQUENCES) {
        log(`N=${count}: series search (${seq.name}), run ${i + 1}/${RUNS}`);
        const r = await measureSearch(browser, server.url + (seq.filter ?? ''), seq);
        result.search[seq.name].push(r);
        for (const e of r.errors) result.errors.push(`search: ${e}`);
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

/** The medians a result's budgets and table use. */
function summarise(r) {
  const page = (name) => {
    const runs = r.pages[name].runs;
    return {
      html: r.pages[name].html,
      bytes: median(runs.map((x) => x.bytes)),
      workerBytes: median(runs.map((x) => x.workerBytes)),
      files: median(runs.map((x) => x.files)),
      fcp: median(runs.map((x) => x.fcp)),
      lcp: median(runs.map((x) => x.lcp)),
      runs,
    };
  };
  const pages = Object.fromEntries(Object.keys(PAGES).map((n) => [n, page(n)]));
  const search = Object.fromEntries(SEQUENCES.map((seq) => {
    const runs = r.search[seq.name];
    const later = Object.fromEntries(seq.later.map((q) => [q, runs.map((s) => s.later[q])]));
    return [seq.name, {
      first: runs.map((s) => s.first),
      later,
      laterMs: median(seq.later.flatMap((q) => later[q].map((x) => x.ms))),
    }];
  }));
  return { pages, search };
}

function table(r, s) {
  const rows = [
    ['build time (s)', r.buildSeconds.toFixed(1), '–'],
    ['site size (bytes)', `${int(r.size.bytes)} in ${int(r.size.files)} files`, '–'],
  ];
  for (const [name, p] of Object.entries(s.pages)) {
    if (p.html === null) continue;
    const label = `${name} (${PAGES[name] || 'index'})`;
    rows.push([`${label}: HTML file (bytes)`, int(p.html), '–']);
    rows.push([`${label}: first-visit bytes (of which worker)`, `${int(p.bytes)} (${int(p.workerBytes)}), ${int(p.files)} files`, range(p.runs.map((x) => x.bytes), int)]);
    rows.push([`${label}: FCP (ms)`, ms(p.fcp), range(p.runs.map((x) => x.fcp), ms)]);
    rows.push([`${label}: LCP (ms)`, ms(p.lcp), range(p.runs.map((x) => x.lcp), ms)]);
  }
  const searchRows = (label, xs) => {
    rows.push([`${label}: input → paint (ms)`, ms(median(xs.map((x) => x.ms))), range(xs.map((x) => x.ms), ms)]);
    rows.push([`${label}: bytes fetched (files)`, `${int(median(xs.map((x) => x.bytes)))} (${int(median(xs.map((x) => x.files)))})`, range(xs.map((x) => x.bytes), int)]);
    rows.push([`${label}: results shown`, int(median(xs.map((x) => x.results))), range(xs.map((x) => x.results), int)]);
  };
  for (const seq of SEQUENCES) {
    const x = s.search[seq.name];
    searchRows(`series search (${seq.name}), first '${seq.first}'`, x.first);
    for (const q of seq.later) searchRows(`series search (${seq.name}), later '${q}'`, x.later[q]);
    rows.push([`series search (${seq.name}), later keystrokes (all): input → paint (ms)`, ms(x.laterMs), range(seq.later.flatMap((q) => x.later[q].map((y) => y.ms)), ms)]);
  }
  return [
    `### N = ${r.count} meetings${BODIES > 1 ? ` over ${Math.min(BODIES, r.count)} bodies` : ''} (median of ${RUNS} runs, fresh context each)`,
    '',
    '| measure | median | range |',
    '|---|---:|---:|',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    '',
  ].join('\n');
}

/** Budgets over all the results: [{name, measured, ok}] (ok null = not measured). */
function budgets(results) {
  const out = [];
  const bySize = [...results].sort((a, b) => a.r.count - b.r.count);
  const small = bySize[0];
  const large = bySize.at(-1);
  const smallMeeting = small.s.pages.meeting;
  const largeMeeting = large.s.pages.meeting;
  out.push({
    name: `meeting page first-visit bytes, N=${large.r.count} ≤ 1.05 × N=${small.r.count}`,
    measured: `${int(largeMeeting.bytes)} B vs ${int(smallMeeting.bytes)} B (${(largeMeeting.bytes / smallMeeting.bytes).toFixed(3)}×; limit ${int(1.05 * smallMeeting.bytes)} B)`,
    ok: largeMeeting.bytes <= 1.05 * smallMeeting.bytes,
  });
  const lcpLimit = 1.05 * smallMeeting.lcp + TIMING_SLACK_MS;
  out.push({
    name: `meeting page LCP, N=${large.r.count} ≤ 1.05 × N=${small.r.count} + ${TIMING_SLACK_MS} ms (slack for timing noise)`,
    measured: `${ms(largeMeeting.lcp)} ms vs ${ms(smallMeeting.lcp)} ms (limit ${ms(lcpLimit)} ms)`,
    ok: largeMeeting.lcp !== null && smallMeeting.lcp !== null && largeMeeting.lcp <= lcpLimit,
  });
  const at1000 = results.find((x) => x.r.count === 1000);
  for (const seq of SEQUENCES) {
    const first = at1000 ? median(at1000.s.search[seq.name].first.map((x) => x.ms)) : null;
    out.push({
      name: `first series search (${seq.name}: '${seq.first}'), N=1000 ≤ 300 ms`,
      measured: at1000 ? `${ms(first)} ms` : 'not measured (N=1000 not run)',
      ok: at1000 ? first <= 300 : null,
    });
    for (const { r, s } of bySize) {
      const later = s.search[seq.name].laterMs;
      out.push({ name: `later keystrokes (${seq.name}, median), N=${r.count} ≤ 50 ms`, measured: `${ms(later)} ms`, ok: later <= 50 });
    }
  }
  // Several bodies: the root and a body's index hold a line per body and a page of
  // meetings, whatever the number of meetings: compared between the two largest sites,
  // which have the same bodies.
  const previous = bySize.at(-2);
  if (BODIES > 1 && previous && previous !== small) {
    for (const name of ['index', 'body']) {
      const [a, b] = [previous.s.pages[name].html, large.s.pages[name].html];
      out.push({
        name: `${name === 'index' ? 'the root (the bodies)' : "a body's index (bodies/cshq/)"} HTML, N=${large.r.count} ≤ 1.02 × N=${previous.r.count}`,
        measured: `${int(b)} B vs ${int(a)} B (${(b / a).toFixed(3)}×)`,
        ok: a !== null && b !== null && b <= 1.02 * a,
      });
    }
  }
  out.push({
    name: 'build time, N=1000 ≤ 60 s',
    measured: at1000 ? `${at1000.r.buildSeconds.toFixed(1)} s` : 'not measured (N=1000 not run)',
    ok: at1000 ? at1000.r.buildSeconds <= 60 : null,
  });
  return out;
}

const seed = await minutesData();
const browser = await launch();
const removes = [];
const results = [];
let failed = false;
try {
  for (const count of COUNTS) {
    const result = await measureSeries(browser, seed, count, removes);
    const summary = summarise(result);
    results.push({ r: result, s: summary });
    console.log(table(result, summary));
    if (result.errors.length) {
      console.log(`Page errors at N=${count}:`);
      for (const e of [...new Set(result.errors)]) console.log(`- ${e}`);
      console.log('');
    }
  }
  console.log('### Budgets');
  console.log('');
  console.log('| budget | measured | verdict |');
  console.log('|---|---|---|');
  for (const b of budgets(results)) {
    const verdict = b.ok === null ? 'skipped' : b.ok ? 'ok' : 'BROKEN';
    if (b.ok === false) failed = true;
    console.log(`| ${b.name} | ${b.measured} | ${verdict} |`);
  }
} catch (err) {
  console.error(`series bench failed: ${err.stack ?? err}`);
  failed = true;
} finally {
  await browser.close();
  for (const remove of removes) await remove();
}
process.exit(failed ? 1 : 0);
