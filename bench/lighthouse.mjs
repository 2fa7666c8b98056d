// Lighthouse 12, mobile (its default: a Moto G Power's screen, simulated slow 4G and a
// 4× slower CPU), on the built site served with gzip only, as GitHub Pages serves it:
// the performance and accessibility scores of a meeting page and of the index, the
// largest contentful paint (simulated and observed) and which element Lighthouse takes as
// the largest. bench.mjs runs it (`./dev bench`) and writes its table into RESULTS.md; it
// is measured, not a budget (Lighthouse's simulation is a model, and its score moves
// between runs by a few hundredths).
//
//   node bench/lighthouse.mjs [runs]     (default 3; medians), the table alone
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { DIST } from '../e2e/lib/harness.mjs';
import { serve } from '../tools/lib/serve.mjs';
import { median } from './lib/median.mjs';

const PAGES = { 'meeting page': 'cshq-001/', index: '' };

/** Lighthouse's medians over `runs` runs of each page of the site in `dir`, as a Markdown table. */
export async function lighthouseTable(dir = DIST, runs = 3, log = (m) => console.error(m)) {
  const server = await serve(dir, { compress: 'gzip' });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  const rows = [];
  try {
    for (const [name, path] of Object.entries(PAGES)) {
      const results = [];
      for (let i = 0; i < runs; i++) {
        log(`lighthouse: ${name}, run ${i + 1}/${runs}`);
        const { lhr } = await lighthouse(`${server.url}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
        });
        const audit = (id) => lhr.audits[id];
        const element = audit('largest-contentful-paint-element')?.details?.items?.[0]?.items?.[0]?.node;
        const weighted = new Set(lhr.categories.accessibility.auditRefs.filter((r) => r.weight > 0).map((r) => r.id));
        results.push({
          performance: lhr.categories.performance.score,
          accessibility: lhr.categories.accessibility.score,
          lcp: audit('largest-contentful-paint').numericValue,
          fcp: audit('first-contentful-paint').numericValue,
          tbt: audit('total-blocking-time').numericValue,
          cls: audit('cumulative-layout-shift').numericValue,
          observedLcp: audit('metrics')?.details?.items?.[0]?.observedLargestContentfulPaint,
          element: element ? `${element.nodeLabel?.slice(0, 30)}… (\`${element.selector}\`)` : 'unknown',
          failing: Object.values(lhr.audits).filter((a) => weighted.has(a.id) && a.score !== null && a.score < 1).map((a) => a.id),
        });
      }
      rows.push([name, results]);
    }
  } finally {
    await chrome.kill();
    await server.close();
  }
  const ms = (x) => `${Math.round(x).toLocaleString('en-US')} ms`;
  const version = (await import('lighthouse/package.json', { with: { type: 'json' } })).default.version;
  const lines = [
    `Lighthouse ${version}, mobile (simulated throttling), the site served with gzip only; median of ${runs} runs.`,
    '',
    '| page | performance | accessibility | LCP (simulated) | LCP (observed) | FCP | TBT | CLS | largest element |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const [name, results] of rows) {
    const m = (k) => median(results.map((r) => r[k]));
    lines.push(`| ${name} | ${m('performance').toFixed(2)} | ${m('accessibility').toFixed(2)} | ${ms(m('lcp'))} | ${ms(m('observedLcp'))} | ${ms(m('fcp'))} | ${ms(m('tbt'))} | ${m('cls').toFixed(3)} | ${results[0].element} |`);
    const failing = [...new Set(results.flatMap((r) => r.failing))];
    if (failing.length) lines.push(`| ${name}: accessibility audits not passed | ${failing.join(', ')} | | | | | | | |`);
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log((await lighthouseTable(DIST, Number(process.argv[2] ?? 3))).join('\n'));
}
