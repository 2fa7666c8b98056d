// Where a search's time goes: builds the app with the 100× minutes (cached, as the
// benchmark does), searches once in headless Chromium under the CPU profiler, and prints
// the functions with the most self time. `node bench/profile.mjs [query] [scale]`.
// Release WASM carries no names, so WASM functions show as wasm-function[n]; what matters
// is how the time splits between WASM, the JS glue and the browser's own work.
import { chromium } from 'playwright-core';
import { serveStatic, minutesData, ROOT } from '../e2e/lib/harness.mjs';
import { scaleMinutes } from '../tools/lib/scale.mjs';
import { buildAppWithData } from './lib/build-app.mjs';

const query = process.argv[2] ?? 'ログ';
const scale = Number(process.argv[3] ?? 100);
const minutes = await minutesData();
const { dist } = await buildAppWithData(ROOT, `${scale}x`, `${JSON.stringify(scaleMinutes(minutes, scale), null, 2)}\n`, {
  log: (m) => console.error(m),
});
const server = await serveStatic(dist);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(server.url, { timeout: 120000 });
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout: 120000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const ms = await page.evaluate(async (query) => {
    const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const input = document.getElementById('search-input');
    const t0 = performance.now();
    input.value = query;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await nextPaint();
    return performance.now() - t0;
  }, query);
  const { profile } = await cdp.send('Profiler.stop');
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber, columnNumber } = nodes.get(id).callFrame;
    const key = `${functionName || `(anonymous):${lineNumber}:${columnNumber}`} ${url.split("/").pop()}`.trim();
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.log(`search for ${query} at ${scale}×: ${ms.toFixed(1)} ms, input event to paint`);
  for (const [name, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`${t.toFixed(1).padStart(9)} ms  ${name}`);
  }
} finally {
  await browser.close();
  await server.close();
}
