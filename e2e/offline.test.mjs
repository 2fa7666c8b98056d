// Offline and deploy, as a reader meets them: visit once, lose the network, keep reading;
// a new deploy arrives and the reader ends up on it whole; the same at a sub-path; all
// under the strict Content-Security-Policy with no violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  serveStatic, launch, launchPersistent, newPage, waitForMeeting, visitControlled, appReady, screenshot, minutesData, speechesOf, DIST, ROOT,
} from './lib/harness.mjs';
import { workerShell } from '../tools/lib/series.mjs';

let browser;
let minutes;
let v2;

before(async () => {
  browser = await launch();
  minutes = await minutesData();
  // A second deploy: the same build with one file changed, finished by the same post-build
  // step the real build runs, so it gets its own version and file list.
  v2 = await mkdtemp(join(tmpdir(), 'minutes-v2-'));
  await cp(DIST, v2, { recursive: true });
  const favicon = join(v2, 'favicon.svg');
  await writeFile(favicon, (await readFile(favicon, 'utf8')).replace('</svg>', '<!-- v2 --></svg>'));
  execFileSync('node', [join(ROOT, 'tools', 'postbuild.mjs'), v2]);
});

after(async () => {
  await browser?.close();
  await rm(v2, { recursive: true, force: true });
});

// The build a page runs under: the worker's cache is named after it (one at a time).
const buildOf = (page) => page.evaluate(async () => (await caches.keys()).join(' ').replace(/minutes-viewer-/g, ''));
// The first meeting's page of a site served at `url`.
const meetingOf = (url) => `${url}${'cshq-001'}/`;

/** Open the site and wait until its service worker controls the page. */
const visitOnce = (page, url) => visitControlled(page, url, waitForMeeting);

async function cspViolations(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

test('the first visit downloads each file once: the worker makes its offline copy from what the page fetched', async () => {
  const server = await serveStatic(DIST);
  const page = await newPage(browser);
  // Bodies that came over the network, by file and by who asked (a 304 brings none).
  const downloads = [];
  const asked = [];
  page.context().on('response', (res) => {
    const worker = Boolean(res.request().serviceWorker());
    const file = new URL(res.url()).pathname;
    asked.push({ file, worker });
    downloads.push(res.request().sizes().then(({ responseBodySize }) => responseBodySize > 0 && { file, worker }).catch(() => false));
  });
  try {
    await visitOnce(page, meetingOf(server.url));
    const files = workerShell(await (await fetch(`${server.url}sw.js`)).text())
      .map((f) => new URL(f, server.url).pathname);
    // The worker has its whole copy: it asked for every file of the build...
    const workerAsked = new Set(asked.filter((a) => a.worker).map((a) => a.file));
    assert.deepEqual(files.filter((f) => !workerAsked.has(f)), []);
    // ...yet nothing came over the network twice, and what the page had fetched (the page
    // itself, the WASM, its loader, the stylesheet) came only to the page.
    const got = (await Promise.all(downloads)).filter(Boolean);
    const twice = got.map((d) => d.file).filter((f, i, all) => all.indexOf(f) !== i);
    assert.deepEqual(twice, [], 'downloaded twice');
    const byPage = got.filter((d) => !d.worker).map((d) => d.file);
    assert.ok(byPage.includes('/cshq-001/') && byPage.some((f) => f.endsWith('_bg.wasm')) && byPage.some((f) => f.endsWith('.css')), byPage.join(' '));
    // And the copy is whole: offline, the page still opens.
    await page.context().setOffline(true);
    await page.reload();
    await waitForMeeting(page);
    assert.deepEqual(page.errors, []);
  } finally {
    await page.context().close();
    await server.close();
  }
});

// Two apps: a meeting page loads its own WASM, every other page the other one. A reader
// who first opens the index gets only that app, and each page they open is kept with its
// own: offline, both kinds of page still start their app.
test('each page is kept with its own app, whichever kind of page came first', async () => {
  const server = await serveStatic(DIST);
  const page = await newPage(browser);
  const wasm = [];
  page.context().on('request', (req) => {
    const file = new URL(req.url()).pathname;
    if (file.endsWith('_bg.wasm') && !req.serviceWorker()) wasm.push(file.replace(/^.*\/|-[0-9a-f]+_bg\.wasm$/g, ''));
  });
  try {
    await visitControlled(page, server.url, appReady);
    assert.deepEqual(wasm, ['minutes-pages'], 'the index loads only the other pages\' app');
    await page.goto(meetingOf(server.url));
    await waitForMeeting(page);
    assert.deepEqual(wasm, ['minutes-pages', 'minutes-viewer'], 'a meeting page loads its own');
    const person = await page.locator('a[href*="people/"]').first().getAttribute('href');
    await page.context().setOffline(true);
    for (const url of [server.url, meetingOf(server.url)]) {
      await page.goto(url);
      await appReady(page);
      assert.equal(await page.locator('[data-noscript-note]').isVisible(), false, url);
    }
    assert.deepEqual(page.errors, []);
    // A page never opened is not kept, its app or not.
    await page.goto(new URL(person, meetingOf(server.url)).href);
    assert.equal(await page.locator('[data-offline-missing]').count(), 1);
  } finally {
    await page.context().close();
    await server.close();
  }
});

// The download is the page's data block a second time: a first visit must not fetch it,
// and once a reader has fetched it, it opens offline too.
test('the minutes download is kept offline once fetched, and no first visit fetches it', async () => {
  const server = await serveStatic(DIST);
  const page = await newPage(browser);
  const asked = [];
  page.context().on('request', (req) => asked.push(new URL(req.url()).pathname));
  try {
    await visitOnce(page, meetingOf(server.url));
    const file = `/${minutes.id}/${minutes.id}.json`;
    assert.ok(!asked.includes(file), 'the first visit did not fetch the download');
    const fetchIt = () => page.evaluate(async (f) => (await fetch(f)).text(), file);
    const online = await fetchIt();
    assert.deepEqual(JSON.parse(online), minutes);
    await page.context().setOffline(true);
    assert.equal(await fetchIt(), online);
    assert.deepEqual(page.errors, []);
  } finally {
    await page.context().close();
    await server.close();
  }
});

test('a page opened as <page>/index.html opens offline as <page>/ and as itself', async () => {
  const server = await serveStatic(DIST);
  const page = await newPage(browser);
  try {
    // The worker's install keeps the pages open in a tab, this one under its folder's address.
    await visitOnce(page, `${meetingOf(server.url)}index.html`);
    await page.context().setOffline(true);
    for (const address of [meetingOf(server.url), `${meetingOf(server.url)}index.html`]) {
      await page.goto(address);
      await waitForMeeting(page);
      assert.equal(await page.locator('article[data-speaker]').count(), speechesOf(minutes).length, address);
    }
    assert.deepEqual(page.errors, []);
  } finally {
    await page.context().close();
    await server.close();
  }
});

for (const prefix of ['/', '/minutes/']) {
  test(`served at ${prefix}: after one visit the meeting, a ?speaker= link and a #permalink work offline`, async () => {
    const server = await serveStatic(DIST, { prefix });
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await cspViolations(page);
    try {
      await visitOnce(page, meetingOf(server.url));
      await page.context().setOffline(true);

      await page.reload();
      await waitForMeeting(page);
      assert.equal(await page.locator('article[data-speaker]').count(), speechesOf(minutes).length);

      await page.goto(`${meetingOf(server.url)}?speaker=murai-jun`);
      await waitForMeeting(page);
      assert.deepEqual(
        await page.locator('article[data-speaker]:not([hidden])').evaluateAll((els) => els.map((e) => e.dataset.speaker)),
        ['murai-jun'],
      );

      // The same page by its file's address: one page for the worker.
      await page.goto(`${meetingOf(server.url)}index.html?speaker=murai-jun`);
      await waitForMeeting(page);
      assert.deepEqual(
        await page.locator('article[data-speaker]:not([hidden])').evaluateAll((els) => els.map((e) => e.dataset.speaker)),
        ['murai-jun'],
      );

      const p = speechesOf(minutes).find((s) => s.speaker === 'kishida-fumio').paragraphs[1];
      await page.goto(`${meetingOf(server.url)}#${p.id}`);
      await waitForMeeting(page);
      await page.waitForFunction((id) => {
        const r = document.getElementById(id)?.getBoundingClientRect();
        return r && r.top >= 0 && r.top < innerHeight;
      }, p.id);
      if (prefix !== '/') await screenshot(page, 'offline-subpath-permalink');

      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      assert.equal(scope, server.url, 'the worker is scoped to the sub-path');
      assert.deepEqual(await page.evaluate(() => window.__csp), []);
      assert.deepEqual(page.errors, []);
    } finally {
      await page.context().close();
      await server.close();
    }
  });

  test(`served at ${prefix}: a new deploy replaces the old one whole, after the reader is told`, async () => {
    const server = await serveStatic(DIST, { prefix });
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await cspViolations(page);
    try {
      await visitOnce(page, meetingOf(server.url));
      const v1 = await buildOf(page);

      server.setRoot(v2);
      const v2Build = await readFile(join(v2, 'index.html'), 'utf8').then((h) => h.match(/name="minutes-build" content="(\w+)"/)[1]);
      assert.notEqual(v1, v2Build);

      // The old version still answers this navigation; the browser finds the new worker.
      await page.reload();
      await waitForMeeting(page);
      const banner = page.locator('[data-update-ready]');
      await banner.waitFor({ timeout: 15000 });
      assert.match(await banner.innerText(), /新しい版/);
      await screenshot(page, `update-ready${prefix === '/' ? '' : '-subpath'}`);

      await Promise.all([
        page.waitForEvent('load'),
        banner.getByRole('button', { name: '更新する' }).click(),
      ]);
      await waitForMeeting(page);
      assert.equal(await buildOf(page), v2Build, 'the page is the new build');

      const caches = await page.evaluate(() => caches.keys());
      assert.deepEqual(caches, [`minutes-viewer-${v2Build}`], 'old caches deleted');
      // Every file the page uses now comes from the new deploy: the favicon v2 changed.
      const favicon = await page.evaluate(async () => (await fetch('../favicon.svg')).text());
      assert.ok(favicon.includes('v2'), 'no stale file served');

      // And the new version works offline too.
      await page.context().setOffline(true);
      await page.reload();
      await waitForMeeting(page);
      assert.equal(await buildOf(page), v2Build);
      assert.deepEqual(await page.evaluate(() => window.__csp), []);
      assert.deepEqual(page.errors, []);
    } finally {
      await page.context().close();
      await server.close();
    }
  });
}

test('the manifest meets Chromium\'s installability criteria', async () => {
  const server = await serveStatic();
  // Installability is never granted in incognito, Playwright's default: use a real profile.
  const profile = await mkdtemp(join(tmpdir(), 'minutes-profile-'));
  const context = await launchPersistent(profile);
  const page = context.pages()[0] ?? (await context.newPage());
  page.errors = [];
  page.on('console', (msg) => msg.type() === 'error' && page.errors.push(msg.text()));
  page.on('pageerror', (err) => page.errors.push(err.message));
  try {
    await visitOnce(page, meetingOf(server.url));
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const { url, errors, data } = await cdp.send('Page.getAppManifest');
    assert.ok(url.endsWith('manifest.webmanifest'));
    assert.deepEqual(errors, []);
    const manifest = JSON.parse(data);
    assert.equal(manifest.lang, 'ja');
    assert.match(manifest.name, /議事概要/);
    const sizes = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`);
    for (const want of ['192x192 any', '512x512 any', '192x192 maskable', '512x512 maskable']) {
      assert.ok(sizes.includes(want), `${want} in ${sizes}`);
    }
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});
