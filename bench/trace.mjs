// Where a search's time goes, by the browser's own phases: builds the app (seed or N×
// minutes, cached as the benchmark does) and the vanilla baseline, searches each a few
// times under Chromium's timeline tracing, and prints the median time per phase
// (script, style, layout, paint...) between the input event and the next frame.
// `node bench/trace.mjs [scale] [runs]`.
import { chromium } from 'playwright-core';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic, minutesData, ROOT } from '../e2e/lib/harness.mjs';
import { scaleMinutes } from './lib/scale.mjs';
import { buildAppWithData } from './lib/build-app.mjs';
import { writeBaselines } from './lib/baselines.mjs';

const scale = Number(process.argv[2] ?? 1);
const runs = Number(process.argv[3] ?? 6);
const minutes = scale === 1 ? await minutesData() : scaleMinutes(await minutesData(), scale);
const { dist } = await buildAppWithData(ROOT, `${scale}x`, `${JSON.stringify(minutes, null, 2)}\n`, { log: (m) => console.error(m) });
const base = await mkdtemp(join(tmpdir(), 'trace-'));
await writeBaselines(base, minutes);

const PHASES = {
  UpdateLayoutTree: 'style', Layout: 'layout', Paint: 'paint', PrePaint: 'prepaint', Layerize: 'layerize',
  FunctionCall: 'script', EventDispatch: 'script', 'v8.callFunction': 'script', FireAnimationFrame: 'script',
  HitTest: 'hittest', UpdateLayerTree: 'layertree', Commit: 'commit', ParseHTML: 'parse',
};

async function measure(url, ready) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(url, { timeout: 120000 });
    await page.locator(ready).waitFor({ state: 'attached', timeout: 120000 });
    const rows = [];
    for (let i = 0; i < runs; i++) {
      const query = i % 2 ? 'IoT' : 'ログ';
      await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'v8', 'disabled-by-default-devtools.timeline'] });
      const ms = await page.evaluate(async (query) => {
        const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const input = document.getElementById('search-input');
        performance.mark('t0');
        const t0 = performance.now();
        input.value = query;
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await nextPaint();
        const ms = performance.now() - t0;
        input.value = '';
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await nextPaint();
        return ms;
      }, query);
      const trace = JSON.parse((await browser.stopTracing()).toString());
      const events = trace.traceEvents ?? trace;
      const start = events.find((e) => e.name === 't0')?.ts; if (start === undefined) console.error([...new Set(events.map((e) => e.name))].slice(0, 80).join(' '));
      const end = start + ms * 1000;
      const sums = { total: ms };
      // Count only outermost events of each phase (nested events of the same phase overlap).
      const open = {};
      for (const e of events.filter((e) => e.ph === 'X' && PHASES[e.name] && e.ts >= start && e.ts <= end).sort((a, b) => a.ts - b.ts)) {
        const phase = PHASES[e.name];
        if (open[phase] && e.ts < open[phase]) continue;
        open[phase] = e.ts + e.dur;
        sums[phase] = (sums[phase] ?? 0) + e.dur / 1000;
        // Style and layout forced from inside script (a read after a write) count twice
        // above; report them apart too.
        if (phase !== 'script' && open.script && e.ts < open.script) sums[`${phase} (in script)`] = (sums[`${phase} (in script)`] ?? 0) + e.dur / 1000;
      }
      rows.push(sums);
    }
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return Object.fromEntries(keys.map((k) => [k, median(rows.map((r) => r[k] ?? 0))]));
  } finally {
    await browser.close();
  }
}

const app = await serveStatic(dist);
const vanilla = await serveStatic(join(base, 'vanilla'));
try {
  const a = await measure(app.url, 'html[data-app="ready"]');
  const v = await measure(vanilla.url, '#search-input');
  const keys = [...new Set([...Object.keys(a), ...Object.keys(v)])];
  console.log(`search at ${scale}×, median of ${runs} runs, ms (phases overlap 'script' when nested)`);
  console.log('phase'.padEnd(12), 'app'.padStart(9), 'vanilla'.padStart(9));
  for (const k of keys) console.log(k.padEnd(12), (a[k] ?? 0).toFixed(1).padStart(9), (v[k] ?? 0).toFixed(1).padStart(9));
} finally {
  await app.close();
  await vanilla.close();
}
