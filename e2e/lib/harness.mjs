// Shared pieces of the end-to-end suite: a static file server for dist/ on loopback (as
// any static host would serve it: no rewrites, no server logic, an ETag on every file and
// 304 for a request that already holds it) and a headless Chromium
// that records every console error and uncaught exception.
import { readFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from '../../tools/lib/serve.mjs';
import { siteWith } from '../../tools/lib/series.mjs';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'e2e', 'artifacts');

/**
 * Serve `dir` on 127.0.0.1 at a free port, as a static host does (tools/lib/serve.mjs, the
 * one server of the tests and the benchmarks). Resolves to { url, close, setRoot }.
 */
export function serveStatic(dir = DIST, options = {}) {
  return serve(dir, options);
}

const CHROMIUM_OPTIONS = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    '--no-first-run',
  ],
};

/** Launch Debian's Chromium headless, with the flags this machine's closed network needs. */
export async function launch() {
  return chromium.launch(CHROMIUM_OPTIONS);
}

/**
 * A Chromium with a real profile in `userDataDir` (not incognito), for what Chromium only
 * does in a normal profile, such as judging a site installable.
 */
export async function launchPersistent(userDataDir) {
  return chromium.launchPersistentContext(userDataDir, CHROMIUM_OPTIONS);
}

/**
 * A new page whose console errors and uncaught exceptions are collected in `page.errors`,
 * so a test can assert that a reader's visit produced none.
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ locale: 'ja-JP', ...options });
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => page.errors.push(`exception: ${err.message}`));
  return page;
}

/**
 * Wait until the browser has rendered two frames: a remark brought on screen by a scroll
 * is skipped (`content-visibility: auto`) until the frame after the browser finds it near.
 */
export async function nextFrames(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Wait until the app has drawn the meeting (the first speech is in the document). */
export async function waitForMeeting(page) {
  // The speeches are in the HTML before the app runs (pre-rendered); the app marks the
  // document once it has taken over.
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout: 15000 });
  await page.locator('article[data-speaker]').first().waitFor({ state: 'attached', timeout: 15000 });
}

/**
 * Move the pointer from the right edge of `from` across the gap to the middle of `to`, a
 * couple of pixels at a time as a hand would (so every element on the way sees it), and
 * click there. For the copy pair in the margin, which must still be there on arrival.
 */
export async function crossAndClick(page, from, to) {
  const [a, b] = [await from.boundingBox(), await to.boundingBox()];
  for (let x = a.x + a.width - 10; x <= b.x + b.width / 2; x += 2) {
    await page.mouse.move(x, b.y + b.height / 2);
  }
  await page.mouse.down();
  await page.mouse.up();
}

/** Save a screenshot under e2e/artifacts/ and return its path. */
export async function screenshot(page, name, options = {}) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, ...options });
  return path;
}

/** The minutes JSON the app embeds, to compare what the page shows with the data. */
export async function minutesData() {
  return JSON.parse(await readFile(join(ROOT, 'data', 'minutes', 'cshq-001.json'), 'utf8'));
}

/** Every speech in the data, in printed order. */
export function speechesOf(minutes) {
  return minutes.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'speech'));
}

/**
 * The usual set-up of a test file: `dist/` served on loopback, one Chromium, and the
 * minutes data, ready in `before` and closed in `after`. Returns an object whose
 * `server`, `meeting` (the first meeting's page), `browser` and `minutes` are filled in before the first test runs; `setup`, if
 * given, runs next with that object, for a file's own preparations (one `before` keeps
 * their order certain).
 */
export function useSite(setup) {
  const site = {};
  before(async () => {
    site.server = await serveStatic();
    // The first meeting's page, where the site's one page used to be.
    site.meeting = `${site.server.url}cshq-001/`;
    site.browser = await launch();
    site.minutes = await minutesData();
    await setup?.(site);
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/**
 * The set-up of a test file over a site generated for it: `meetings()` (minutes objects)
 * rendered with the build's app by tools/lib/series.mjs's `siteWith` (with `bodies`, the
 * bodies' file, if given), served on loopback, and one Chromium; removed in `after`. The
 * object returned has `meetings`, `built`, `server` and `browser` once `before` has run.
 */
export function useGeneratedSite(name, meetings, { bodies, timeout = 10 * 60 * 1000 } = {}) {
  const site = {};
  before(async () => {
    site.meetings = await meetings();
    site.built = await siteWith(ROOT, DIST, site.meetings, name, { bodies });
    site.server = await serveStatic(site.built.site);
    site.browser = await launch();
  }, { timeout });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
    await site.built?.remove();
  });
  return site;
}

/** Wait until the app runs the page (`<html data-app="ready">`). */
export function appReady(page) {
  return page.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout: 15000 });
}

/** Open `url` and wait until the service worker controls the page. */
export async function visitControlled(page, url, ready = appReady) {
  await page.goto(url);
  await ready(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
}

/** What the audits check: WCAG 2.0 to 2.2 A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
let axeSource;

/** The violations of `tags` axe-core finds in `page`: `id: the first three nodes`. */
export async function axeViolations(page, tags = AXE_TAGS) {
  axeSource ??= await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  // eslint-disable-next-line no-undef
  const result = await page.evaluate((tags) => axe.run(document, { runOnly: { type: 'tag', values: tags } }), tags);
  return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
