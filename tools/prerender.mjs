// Pre-rendering, run by tools/postbuild.mjs: load the freshly built app in headless
// Chromium, let it draw the reading view, and return that markup so postbuild can write it
// into index.html. The text then paints before the WASM has even downloaded, and readers
// without JavaScript can read the whole meeting. When the app starts it removes these
// elements (all marked `data-prerendered`) and mounts itself in the same task, so the
// page never shows two copies nor an empty frame.
//
// The markup is the app's own output, not a second renderer that could drift from it.
// It is taken at phone width, where the tools start folded, so that the first screen on a
// phone does not jump when the app takes over.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
const ORIGIN = 'http://prerender.invalid';

/**
 * The reading view as the app draws it from `html` (index.html as built) and the files in
 * `dir`. Resolves to { body, title, description }.
 */
export async function prerender(dir, html) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      serviceWorkers: 'block',
    });
    // Files come straight from the build folder: no server, no port.
    await context.route(`${ORIGIN}/**`, async (route) => {
      const path = decodeURIComponent(new URL(route.request().url()).pathname);
      if (path === '/' || path === '/index.html') {
        return route.fulfill({ body: html, contentType: 'text/html' });
      }
      const file = normalize(join(dir, path));
      if (!file.startsWith(dir + sep)) return route.fulfill({ status: 403 });
      const body = await readFile(file).catch(() => null);
      if (!body) return route.fulfill({ status: 404 });
      return route.fulfill({ body, contentType: TYPES[extname(file)] ?? 'application/octet-stream' });
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${ORIGIN}/`);
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout: 60000 });
    // Effects (the document title, <html lang>) run after mount: let them settle.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    if (errors.length) throw new Error(`the app reported errors while pre-rendering:\n${errors.join('\n')}`);
    return await page.evaluate(() => {
      // Paragraphs are focusable for the copy buttons the app brings to them; without
      // the app that would only be a Tab stop that does nothing.
      for (const el of document.querySelectorAll('[data-paragraph][tabindex]')) el.removeAttribute('tabindex');
      // Which remarks are near the screen is the app's to say at run time (the browser
      // finds them itself without it).
      for (const el of document.querySelectorAll('[data-near]')) el.removeAttribute('data-near');
      const parts = [...document.body.children].filter((el) => !el.matches('script, noscript, template'));
      for (const el of parts) el.setAttribute('data-prerendered', '');
      return {
        body: parts.map((el) => el.outerHTML).join('\n'),
        title: document.title,
        description: `${document.title}（${document.querySelector('.meeting-header time')?.textContent ?? ''}）`,
      };
    });
  } finally {
    await browser.close();
  }
}
