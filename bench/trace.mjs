// Where one search's time goes, by the browser's own phases (script, style, layout,
// paint...), for the app and the vanilla-JS page side by side. Each run opens a fresh
// page, warms it with a few searches, then traces one search from the input event to the
// next frame with Chromium's timeline; prints the median of each phase.
//   node bench/trace.mjs [scale] [runs]            the app built with N× minutes (cached)
//   node bench/trace.mjs --dist A --dist B [runs]  already built sites (e.g. two commits)
import { chromium } from 'playwright-core';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic, minutesData, ROOT } from '../e2e/lib/harness.mjs';
import { scaleMinutes } from '../tools/lib/scale.mjs';
import { buildAppWithData } from './lib/build-app.mjs';
import { writeBaselines } from './lib/baselines.mjs';

const args = process.argv.slice(2);
const dists = [];
for (let i = args.indexOf('--dist'); i !== -1; i = args.indexOf('--dist')) dists.push(...args.splice(i, 2).slice(1));
let runs;
if (dists.length === 0) {
  const scale = Number(args[0] ?? 1);
  runs = Number(args[1] ?? 12);
  const minutes = scale === 1 ? await minutesData() : scaleMinutes(await minutesData(), scale);
  const { dist } = await buildAppWithData(ROOT, `${scale}x`, `${JSON.stringify(minutes, null, 2)}\n`, { log: (m) => console.error(m) });
  const base = await mkdtemp(join(tmpdir(), 'trace-'));
  await writeBaselines(base, minutes);
  dists.push(dist, join(base, 'vanilla'));
} else {
  runs = Number(args[0] ?? 12);
}

// Trace event → phase. Nested events of one phase are counted once (the outermost).
const PHASES = {
  UpdateLayoutTree: 'style', Layout: 'layout', PrePaint: 'prepaint', Paint: 'paint', Layerize: 'layerize', Commit: 'commit',
  FunctionCall: 'script', EventDispatch: 'script', 'v8.callFunction': 'script', FireAnimationFrame: 'script', TimerFire: 'script',
};
const KEYS = ['total', 'script', 'style', 'layout', 'prepaint', 'paint', 'commit', 'layerize'];
const search = async (q) => {
  const input = document.getElementById('search-input');
  performance.mark('t0');
  const t0 = performance.now();
  input.value = q;
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  performance.mark('t1');
  return performance.now() - t0;
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const servers = await Promise.all(dists.map((d) => serveStatic(d)));
const results = dists.map(() => []);
try {
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < dists.length; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(servers[i].url, { timeout: 120000 });
      // The app marks itself ready; the baselines have no script to wait for.
      await page.waitForFunction(() => document.documentElement.dataset.app === 'ready' || !document.querySelector('script[type=module]'), null, { timeout: 120000 });
      await page.evaluate(async (search) => {
        const run = new Function(`return (${search})`)();
        for (const q of ['ログ', '', 'IoT', '', 'サイバー', '']) await run(q);
      }, search.toString());
      await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'v8', 'disabled-by-default-devtools.timeline'] });
      const ms = await page.evaluate(async ([search, q]) => new Function(`return (${search})`)()(q), [search.toString(), r % 2 ? 'IoT' : 'ログ']);
      const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
      const t0 = events.find((e) => e.name === 't0');
      const t1 = events.find((e) => e.name === 't1');
      const sums = { total: ms };
      const end = {};
      for (const e of events.filter((e) => e.tid === t0.tid && e.ph === 'X' && PHASES[e.name] && e.ts >= t0.ts && e.ts <= t1.ts).sort((a, b) => a.ts - b.ts)) {
        const phase = PHASES[e.name];
        if (end[phase] && e.ts < end[phase]) continue;
        end[phase] = e.ts + e.dur;
        sums[phase] = (sums[phase] ?? 0) + e.dur / 1000;
      }
      results[i].push(sums);
      await context.close();
    }
  }
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const label = (d) => d.split('/').filter(Boolean).slice(-2).join('/').slice(-18);
console.log(`one search, input event to next frame: median ms of ${runs} warm runs`);
console.log('phase'.padEnd(10) + dists.map((d) => label(d).padStart(20)).join(''));
for (const k of KEYS) console.log(k.padEnd(10) + results.map((rs) => median(rs.map((x) => x[k] ?? 0)).toFixed(1).padStart(20)).join(''));
