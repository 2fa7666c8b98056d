// The pre-rendered page: the minutes are in the HTML itself, readable without JavaScript,
// and the app takes them over without a blank frame, a second copy, or losing what a
// reader typed before it started.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, newPage, waitForMeeting, speechesOf, screenshot } from './lib/harness.mjs';

const site = useSite();

test('the HTML as served holds every speech and paragraph, and the closing sentence', async () => {
  const html = await (await fetch(site.server.url)).text();
  const speeches = speechesOf(site.minutes);
  for (const s of speeches) {
    assert.ok(html.includes(`id="${s.id}"`), s.id);
    for (const p of s.paragraphs) assert.ok(html.includes(`id="${p.id}"`), p.id);
  }
  const last = speeches.at(-1).paragraphs.at(-1).text;
  assert.ok(html.includes(last.slice(-20)), 'the closing sentence is in the HTML');
  assert.match(html, /<title>サイバーセキュリティ戦略本部 第1回会合 議事概要<\/title>/);
  assert.match(html, /<meta name="description" content="サイバーセキュリティ戦略本部 第1回会合 議事概要（[^"]+）"/);
});

test('without JavaScript the whole meeting reads, and a permalink opens on its paragraph', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const speeches = speechesOf(site.minutes);
  const target = speeches[3].paragraphs.at(-1);
  await page.goto(`${site.server.url}#${target.id}`);
  assert.equal(await page.locator('article[data-speaker]').count(), speeches.length);
  for (const s of speeches) {
    for (const p of s.paragraphs) assert.equal(await page.locator(`[id="${p.id}"]`).textContent(), p.text);
  }
  const top = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, target.id);
  assert.ok(top >= 0 && top < 844, `the browser itself jumps to the fragment (top ${top})`);
  const note = page.locator('p.noscript');
  assert.match(await note.innerText(), /Search, filters and copying links need JavaScript/);
  assert.ok(await note.isVisible(), JSON.stringify(await note.boundingBox()));
  // Controls that need the app are not left there dead; the contents' links work.
  assert.equal(await page.locator('#search-input').isVisible(), false);
  assert.equal(await page.locator('button[data-copy]').first().isVisible(), false);
  assert.equal(await page.locator('[data-paragraph][tabindex]').count(), 0, 'no Tab stop that does nothing');
  await screenshot(page, 'no-javascript');
  await context.close();
});

test('the app takes over with no blank frame and no second copy', async () => {
  const page = await newPage(site.browser, { viewport: { width: 1280, height: 900 } });
  // Count the speeches in every frame from the first paint until the app is ready.
  await page.addInitScript(() => {
    window.__frames = [];
    const tick = () => {
      window.__frames.push(document.querySelectorAll('article[data-speaker]').length);
      if (document.documentElement.dataset.app !== 'ready') requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(site.server.url);
  await waitForMeeting(page);
  const frames = await page.evaluate(() => window.__frames);
  const n = speechesOf(site.minutes).length;
  // While the HTML streams in, frames may show part of it; once all speeches are there,
  // every frame shows each exactly once, through the takeover.
  const full = frames.indexOf(n);
  assert.ok(full >= 0, `all speeches painted before the app was ready: ${frames.join(',')}`);
  assert.deepEqual([...new Set(frames.slice(full))], [n], `frames: ${frames.join(',')}`);
  assert.equal(await page.locator('[data-prerendered]').count(), 0);
  for (const s of speechesOf(site.minutes)) assert.equal(await page.locator(`[id="${s.id}"]`).count(), 1, s.id);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('what a reader types before the app starts becomes the search', async () => {
  const page = await newPage(site.browser, { viewport: { width: 1280, height: 900 } });
  // Hold the WASM back until the reader has typed into the pre-rendered field.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(site.server.url);
  await page.locator('#search-input').fill('IoT');
  release();
  await waitForMeeting(page);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'IoT');
  assert.equal(await page.locator('#search-input').inputValue(), 'IoT');
  assert.ok(await page.locator('mark[data-hit]').count() > 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the minutes travel in the page once, as data the app reads and takes out', async () => {
  const html = await (await fetch(site.server.url)).text();
  const templates = html.match(/<template id="minutes-data">[^<]*<\/template>/g) ?? [];
  assert.equal(templates.length, 1, 'one minutes template');
  // The WASM holds no copy of its own: no paragraph text is in it.
  const wasmUrl = new URL(html.match(/href="\.?\/?([^"]+_bg\.wasm)"/)[1], site.server.url);
  const wasm = Buffer.from(await (await fetch(wasmUrl)).arrayBuffer()).toString('utf8');
  const text = speechesOf(site.minutes)[2].paragraphs[0].text;
  assert.ok(!wasm.includes(text.slice(0, 30)), 'paragraph text is not compiled into the WASM');
  const page = await newPage(site.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(site.server.url);
  await waitForMeeting(page);
  assert.equal(await page.locator('#minutes-data').count(), 0, 'the app took the template out');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('damaged minutes data leaves the pre-rendered minutes readable, with a note', async () => {
  const page = await newPage(site.browser, { viewport: { width: 390, height: 844 } });
  await page.route(`${site.server.url}`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(
      /(<template id="minutes-data">)([^<]*)(<\/template>)/,
      (_, open, data, close) => `${open}${data.slice(0, data.length / 2)}${close}`,
    );
    await route.fulfill({ response, body });
  });
  await page.goto(site.server.url);
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
  const note = page.getByRole('alert');
  assert.match(await note.innerText(), /検索・絞り込み・リンクのコピーは使えません/);
  assert.match(await note.innerText(), /The minutes data could not be read/);
  const speeches = speechesOf(site.minutes);
  assert.equal(await page.locator('article[data-speaker]').count(), speeches.length);
  const last = speeches.at(-1).paragraphs.at(-1);
  assert.equal(await page.locator(`[id="${last.id}"]`).textContent(), last.text);
  // The controls that would do nothing are hidden, as for readers without JavaScript.
  assert.equal(await page.locator('#search-input').isVisible(), false);
  assert.equal(await page.locator('button[data-copy]').first().isVisible(), false);
  await screenshot(page, 'damaged-data');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
