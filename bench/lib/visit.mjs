// What the series benches (bench/series.mjs, bench/pagefind.mjs) watch in a page: the
// bytes each phase of a visit downloads, when the network is idle, and the paint entries.
import { performance } from 'node:perf_hooks';
import { newPage } from '../../e2e/lib/harness.mjs';

// Quiet this long before the network counts as idle.
const IDLE_MS = 1000;

/**
 * Watch a context's network: every response body that came over the network (Chromium's
 * `responseBodySize`: 0 for a 304 answered from the HTTP cache), tagged with the phase it
 * started in, and the requests still in flight (to wait for the network to be idle).
 * A response that the service worker's fetch handler answered is not counted: the
 * worker's own request for it is, once (it has `request().serviceWorker()`).
 */
export function watchNetwork(context) {
  const net = { phase: 'load', inflight: 0, last: performance.now(), bodies: [] };
  const touch = () => {
    net.last = performance.now();
  };
  context.on('request', (req) => {
    req.phase = net.phase;
    net.inflight += 1;
    touch();
  });
  const done = () => {
    net.inflight = Math.max(0, net.inflight - 1);
    touch();
  };
  context.on('requestfinished', done);
  context.on('requestfailed', done);
  context.on('response', (res) => {
    if (res.fromServiceWorker()) return;
    const req = res.request();
    const worker = Boolean(req.serviceWorker());
    const phase = req.phase ?? 'load';
    net.bodies.push(
      req.sizes().then(
        async ({ responseBodySize }) => {
          let bytes = Math.max(0, responseBodySize);
          // Chromium reports no body size for the worker's own script (sw.js), which a
          // fresh context always downloads in full: weigh its body instead.
          if (bytes === 0 && worker && req.resourceType() === 'script' && req.url() === req.serviceWorker().url()) {
            bytes = (await res.body().catch(() => Buffer.alloc(0))).length;
          }
          return { url: res.url(), phase, worker, bytes };
        },
        () => ({ url: res.url(), phase, worker, bytes: 0 }),
      ),
    );
  });
  /** Resolve when nothing has been in flight for `ms`. */
  net.idle = async (ms = IDLE_MS, timeout = 60000) => {
    const start = performance.now();
    while (net.inflight > 0 || performance.now() - net.last < ms) {
      if (performance.now() - start > timeout) throw new Error(`network not idle after ${timeout} ms (${net.inflight} in flight)`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  /** Bytes downloaded by requests started in `phase` (all phases if none given). */
  net.bytes = async (phase) => {
    const all = await Promise.all(net.bodies);
    const of = all.filter((b) => phase === undefined || b.phase === phase);
    return {
      total: of.reduce((t, b) => t + b.bytes, 0),
      worker: of.filter((b) => b.worker).reduce((t, b) => t + b.bytes, 0),
      files: of.filter((b) => b.bytes > 0).length,
    };
  };
  return net;
}

/** Put the paint observers in place before the page's own scripts run. */
export function observePaint() {
  window.__paint = { fcp: null, lcp: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__paint.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__paint.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}

/**
 * Open `url` in a fresh context, wait for the app to hydrate, for the service worker to be
 * installed and controlling the page, and for the network to be idle; resolve to the
 * page, its network watcher and its errors. The caller closes `page.context()`.
 */
export async function firstVisit(browser, url) {
  const page = await newPage(browser, { viewport: { width: 1440, height: 900 } });
  const net = watchNetwork(page.context());
  await page.addInitScript(observePaint);
  await page.goto(url, { waitUntil: 'load', timeout: 120000 });
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout: 60000 });
  // The worker registers after load and downloads the shell while installing; `ready`
  // resolves once it is active, and it claims the page on activation.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
  await net.idle();
  return { page, net };
}
