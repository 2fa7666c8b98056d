// Renders the app icons (public/icons/*.png) from SVG in headless Chromium. Run by hand
// when the icon changes: `node tools/icons.mjs`; the PNGs are committed.
import { mkdir } from 'node:fs/promises';
import { launch } from '../e2e/lib/harness.mjs';

// "any": the document on a rounded tile. "maskable": full-bleed background with the
// document inside the central 80 % safe zone, so any mask shape keeps it whole.
const doc = (s) => `<rect x="${16 * s}" y="${12 * s}" width="${32 * s}" height="${40 * s}" rx="${3 * s}" fill="#fbfaf7"/>
  <path d="M${22 * s} ${22 * s}h${20 * s}M${22 * s} ${30 * s}h${20 * s}M${22 * s} ${38 * s}h${14 * s}" stroke="#8a2b0f" stroke-width="${4 * s}" stroke-linecap="round"/>`;
const any = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="100%" height="100%">
  <rect width="64" height="64" rx="12" fill="#8a2b0f"/>${doc(1)}</svg>`;
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="100%" height="100%">
  <rect width="64" height="64" fill="#8a2b0f"/><g transform="translate(8 8) scale(0.75)">${doc(1)}</g></svg>`;

await mkdir(new URL('../public/icons/', import.meta.url), { recursive: true });
const browser = await launch();
for (const [name, svg] of [['icon', any], ['maskable', maskable]]) {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg}`);
    await page.screenshot({ path: new URL(`../public/icons/${name}-${size}.png`, import.meta.url).pathname, omitBackground: true });
    await page.close();
  }
}
await browser.close();
