// Synthetic series for tests and the bench, made from the seed minutes and never shipped:
// meeting k is the seed renumbered and dated k-1 quarters later; every seventh is held by
// written procedure (no attendees, no remarks), and every third has no remarks by 村井, so
// that filters and search differ between meetings. `siteWith` renders such a series into a
// copy of a built site with the build's own renderer and post-build step (seconds: the
// WASM, styles and shell are the build's).
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];
const pad = (n) => String(n).padStart(3, '0');

function dateOf(k) {
  return dateOfDay(new Date(Date.UTC(2015, 1, 10 + (k - 1) * 91)));
}

/** The minutes' date fields for the day `d` (a Date, UTC; no time). */
export function dateOfDay(d) {
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  const reiwa = y > 2019 || (y === 2019 && m >= 5);
  const [era, eraYear] = reiwa ? ['令和', y - 2018] : ['平成', y - 1988];
  const weekday = WEEKDAYS[d.getUTCDay()];
  return {
    printed: `${era}${eraYear}年${m}月${day}日（${weekday}）`,
    era,
    era_year: eraYear,
    date: d.toISOString().slice(0, 10),
    weekday,
    start: null,
    end: null,
  };
}

/** Meeting `k` (1-based) of a synthetic series made from `seed`; meeting 1 is the seed. */
export function meeting(seed, k) {
  if (k === 1) return seed;
  const m = structuredClone(seed);
  m.id = `cshq-${pad(k)}`;
  m.meeting_number = k;
  m.title = `第${k}回会合 議事概要`;
  m.date = dateOf(k);
  delete m.source;
  if (k % 7 === 0) {
    m.title = `第${k}回会合（持ち回り開催） 議事概要`;
    m.place = '持ち回り開催';
    m.attendees = [];
    m.attendees_note = null;
    m.sections = m.sections
      .map((s) => ({ ...s, blocks: s.blocks.filter((b) => b.type === 'narrative') }))
      .filter((s) => s.blocks.length > 0);
  } else if (k % 3 === 0) {
    m.sections = m.sections.map((s) => ({ ...s, blocks: s.blocks.filter((b) => b.speaker !== 'murai-jun') }));
  }
  return m;
}

/** The first `count` meetings of the synthetic series. */
export function seriesFrom(seed, count) {
  return Array.from({ length: count }, (_, i) => meeting(seed, i + 1));
}

/** The shell files the service worker `sw` (its text, as tools/postbuild.mjs wrote it) keeps. */
export function workerShell(sw) {
  return JSON.parse(sw.match(/const SHELL = (\[[\s\S]*?\]);/)[1]);
}

/**
 * Meeting `number` of the body `slug`, made from the minutes `m` (converted from a layout
 * fixture, or the seed): renumbered and held `quarters` quarters after `m`. Speech and
 * paragraph ids do not hold the number, so they stay.
 */
export function renumbered(m, slug, number, quarters) {
  const copy = structuredClone(m);
  copy.id = `${slug}-${pad(number)}`;
  copy.meeting_number = number;
  copy.title = m.title.replace(/第\d+回/, `第${number}回`);
  if (quarters > 0) {
    const d = new Date(`${m.date.date}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + 3 * quarters);
    copy.date = { ...dateOfDay(d), start: null, end: null };
  }
  delete copy.source;
  return copy;
}

/**
 * A site holding `meetings` (minutes objects): the app of the built site `dist` (its
 * index page, which the renderer takes as its template, the worker's shell, as
 * tools/postbuild.mjs wrote it into sw.js, and the two apps' files), rendered again by tools/postbuild.mjs from a
 * folder of those minutes and a bodies' file beside it (`bodies`, the object; by default
 * the project's data/bodies.json), as Trunk's post-build hook renders its staging folder.
 * Resolves to the folder.
 */
export async function siteWith(root, dist, meetings, name, { bodies } = {}) {
  const work = await mkdtemp(join(tmpdir(), `minutes-${name}-`));
  const minutes = join(work, 'minutes');
  const site = join(work, 'site');
  await mkdir(minutes);
  if (bodies) await writeFile(join(work, 'bodies.json'), JSON.stringify(bodies, null, 2));
  else await copyFile(join(root, 'data', 'bodies.json'), join(work, 'bodies.json'));
  for (const m of meetings) await writeFile(join(minutes, `${m.id}.json`), `${JSON.stringify(m, null, 2)}\n`);
  // Only the app: the shell and the two apps' files (top-level files of offline.json);
  // dist's own pages, share pages and cards are not this series'.
  const worker = await readFile(join(dist, 'sw.js'), 'utf8');
  const { files } = JSON.parse(await readFile(join(dist, 'offline.json'), 'utf8'));
  // A top-level file's link is its name; the root's is `./`.
  const apps = files.map((f) => f.url).filter((u) => !u.includes('/'));
  const app = ['index.html', ...workerShell(worker), ...apps];
  for (const f of app) {
    await mkdir(dirname(join(site, f)), { recursive: true });
    await copyFile(join(dist, f), join(site, f));
  }
  execFileSync('node', [join(root, 'tools', 'postbuild.mjs'), site], {
    cwd: root,
    env: { ...process.env, MINUTES_DIR: minutes, TRUNK_SOURCE_DIR: root },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { site, remove: () => rm(work, { recursive: true, force: true }) };
}

/**
 * In the page (pass it to `page.evaluate`): put `q` in the series search box, dispatch
 * its input event and resolve to the ms from just before that until the results are painted: the status has gone from
 * "searching" to "done" and a frame has been drawn after (rAF, then a task: rAF callbacks
 * run before the paint they precede).
 */
export function timeSeriesSearch(q) {
  return new Promise((resolve, reject) => {
    const input = document.getElementById('series-search-input');
    if (!input) {
      reject(new Error('no #series-search-input'));
      return;
    }
    const status = () => document.querySelector('[data-series-status]')?.dataset.seriesStatus;
    let searched = false;
    let t0 = 0;
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`search ${q}: not done after 30 s (status ${status()})`));
    }, 30000);
    // Only a change away from "searching" counts, so the previous search's "done" is not
    // taken for this one's.
    const observer = new MutationObserver((records) => {
      for (const r of records) if (r.attributeName === 'data-series-status' && r.oldValue === 'searching') searched = true;
      if (!searched) return;
      if (status() === 'failed') {
        observer.disconnect();
        clearTimeout(timer);
        reject(new Error(`search ${q} failed: ${document.querySelector('[data-series-error]')?.textContent}`));
      } else if (status() === 'done') {
        observer.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      }
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-series-status'], attributeOldValue: true });
    t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: q }));
  });
}
