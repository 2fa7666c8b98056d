// What a reader perceives of a page load, from the browser's own records:
//   - first and largest contentful paint (PerformanceObserver `paint` and
//     `largest-contentful-paint` entries);
//   - "in the DOM": when the minutes' closing sentence is first in the document, seen by a
//     MutationObserver that looks only at the nodes each mutation adds (never the whole
//     document, which would make a long static page look slow);
//   - time to interactive: navigation start until a typed search shows its results, on a
//     throttled profile (THROTTLED).
// Each load is a fresh browser context: no HTTP cache, no service worker.

/** The bench's slow profile: a phone on a poor mobile link. */
export const THROTTLED = {
  // About 1.6 Mbit/s down and 0.75 Mbit/s up, in bytes per second; 150 ms round trip.
  network: { offline: false, downloadThroughput: 200_000, uploadThroughput: 93_750, latency: 150 },
  cpuSlowdown: 4,
};

/** Put the observers in place before any of the page's own scripts run. */
function observePaint(needle, count) {
  window.__perceived = { fcp: null, lcp: null, inDom: null };
  const seen = window.__perceived;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') seen.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) seen.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });

  // Copies of the sentence in text outside <script> and <noscript> (the page's data block
  // holds it too, as JSON, and that is not text a reader sees).
  let found = 0;
  const hidden = (node) => node.parentElement?.closest('script,noscript,template');
  const countIn = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return !hidden(node) && node.data.includes(needle) ? 1 : 0;
    if (node.nodeType !== Node.ELEMENT_NODE || node.closest('script,noscript,template')) return 0;
    let n = 0;
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT, {
      acceptNode: (t) => (hidden(t) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let t = walker.nextNode(); t; t = walker.nextNode()) if (t.data.includes(needle)) n++;
    return n;
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      // The parser may grow a text node after inserting it: that is a characterData change.
      if (r.type === 'characterData') found += countIn(r.target);
      for (const node of r.addedNodes) found += countIn(node);
    }
    if (found >= count && seen.inDom === null) {
      seen.inDom = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/**
 * First contentful paint, largest contentful paint and time in the DOM of one fresh load of
 * `url`, in ms from navigation start. `count` is how many copies of `needle` mean that all
 * the text is there (the 100× meeting repeats its closing sentence).
 */
export async function paintTimings(browser, url, needle, count = 1) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(`(${observePaint})(${JSON.stringify(needle)}, ${count})`);
    await page.goto(url, { waitUntil: 'load', timeout: 120000 });
    await page.waitForFunction(() => window.__perceived.inDom !== null && window.__perceived.fcp !== null, null, { timeout: 120000 });
    // The largest paint can still change after load (the app draws after its WASM
    // starts): wait until no new entry has come for half a second.
    let last = -1;
    for (let i = 0; i < 40; i++) {
      const lcp = await page.evaluate(() => window.__perceived.lcp);
      if (lcp !== null && lcp === last) break;
      last = lcp;
      await page.waitForTimeout(500);
    }
    return await page.evaluate(() => ({ ...window.__perceived }));
  } finally {
    await context.close();
  }
}

/**
 * Navigation start until a search typed into `#search-input` shows its results
 * (`mark[data-hit]` painted), on the THROTTLED profile. The query is typed again every
 * 50 ms until it takes: before the page's script listens, typing does nothing, which is
 * what a reader typing early meets too. Resolves to ms.
 */
export async function timeToInteractive(browser, url, query) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', THROTTLED.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLED.cpuSlowdown });
    await page.addInitScript(`(${tryTyping})(${JSON.stringify(query)})`);
    await page.goto(url, { waitUntil: 'commit', timeout: 120000 });
    await page.waitForFunction(() => window.__interactive !== undefined, null, { timeout: 120000, polling: 200 });
    return await page.evaluate(() => window.__interactive);
  } finally {
    await context.close();
  }
}

function tryTyping(query) {
  const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const attempt = async () => {
    const input = document.getElementById('search-input');
    if (input) {
      input.value = query;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await nextPaint();
      if (document.querySelector('mark[data-hit]')) {
        window.__interactive = performance.now();
        return;
      }
    }
    setTimeout(attempt, 50);
  };
  attempt();
}
