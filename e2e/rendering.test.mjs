// The rendered page: the build renders the app natively into the HTML, so the minutes are
// readable without JavaScript; the app hydrates that markup, keeping every element, with
// no hydration error, no blank frame, and nothing a reader typed before it started lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useSite, newPage, waitForMeeting, speechesOf, screenshot, ROOT, nextFrames } from './lib/harness.mjs';

const site = useSite();

test('the HTML as served holds every speech and paragraph, and the closing sentence', async () => {
  const html = await (await fetch(site.meeting)).text();
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
  await page.goto(`${site.meeting}#${target.id}`);
  assert.equal(await page.locator('article[data-speaker]').count(), speeches.length);
  for (const s of speeches) {
    for (const p of s.paragraphs) assert.equal(await page.locator(`[id="${p.id}"]`).textContent(), p.text);
  }
  const top = await page.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, target.id);
  assert.ok(top >= 0 && top < 844, `the browser itself jumps to the fragment (top ${top})`);
  const note = page.locator('[data-noscript-note]');
  assert.match(await note.innerText(), /Search, filters and copying links need JavaScript/);
  assert.ok(await note.isVisible(), JSON.stringify(await note.boundingBox()));
  // Controls that need the app are not left there dead; the contents' links work.
  assert.equal(await page.locator('#search-input').isVisible(), false);
  assert.equal(await page.locator('button[data-copy]').first().isVisible(), false);
  assert.equal(await page.locator('[data-paragraph][tabindex]').count(), 0, 'no Tab stop that does nothing');
  await screenshot(page, 'no-javascript');
  await context.close();
});

test('the first paint lays out only the remarks on screen; the rest are drawn as they come near', async () => {
  const page = await newPage(site.browser, { viewport: { width: 1440, height: 900 } });
  await page.goto(site.meeting);
  await waitForMeeting(page);
  const drawn = () => page.locator('article[data-speaker]').evaluateAll((list) =>
    list.map((a) => a.querySelector('[data-speech-header]').checkVisibility({ contentVisibilityAuto: true })));
  const atLoad = await drawn();
  assert.equal(atLoad.length, speechesOf(site.minutes).length);
  assert.ok(atLoad.at(-1) === false, 'the last remark, far below, is skipped');
  assert.ok(atLoad.filter(Boolean).length < atLoad.length / 2, `drawn at load: ${atLoad.filter(Boolean).length} of ${atLoad.length}`);
  await page.locator('article[data-speaker]').last().scrollIntoViewIfNeeded();
  await nextFrames(page);
  assert.equal((await drawn()).at(-1), true, 'drawn once on screen');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('on a wide screen the tools and attendees are open from the first paint, and nothing shifts when the app starts', async () => {
  const folds = '[data-tools-more], [data-attendees] details';
  for (const [viewport, open] of [[{ width: 1440, height: 900 }, true], [{ width: 390, height: 844 }, false]]) {
    const page = await newPage(site.browser, { viewport });
    await page.addInitScript((folds) => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__shifts.push(e.value);
      }).observe({ type: 'layout-shift', buffered: true });
      // Whether each was open when the parser put the proceedings in place, before any paint.
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') {
          window.__openAtParse = [...document.querySelectorAll(folds)].map((d) => d.open);
        }
      });
    }, folds);
    await page.goto(site.meeting);
    await waitForMeeting(page);
    await page.waitForTimeout(500);
    const { openAtParse, shifts, openNow } = await page.evaluate((folds) => ({
      openAtParse: window.__openAtParse,
      shifts: window.__shifts,
      openNow: [...document.querySelectorAll(folds)].map((d) => d.open),
    }), folds);
    assert.deepEqual(openAtParse, [open, open], `${viewport.width} px, as parsed`);
    assert.deepEqual(openNow, [open, open], `${viewport.width} px, once the app runs`);
    assert.deepEqual(shifts, [], `${viewport.width} px: no layout shift`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('the app hydrates the rendered page: the same elements, no error, no blank frame', async () => {
  const page = await newPage(site.browser, { viewport: { width: 1280, height: 900 } });
  const warnings = [];
  page.on('console', (msg) => msg.type() === 'warning' && !/integrity/.test(msg.text()) && warnings.push(msg.text()));
  // Keep every element the HTML made, and count the speeches in every frame until the
  // app is ready.
  await page.addInitScript(() => {
    window.__frames = [];
    document.addEventListener('DOMContentLoaded', () => {
      window.__parsed = [...document.body.querySelectorAll('*')];
    });
    const tick = () => {
      window.__frames.push(document.querySelectorAll('article[data-speaker]').length);
      if (document.documentElement.dataset.app !== 'ready') requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(site.meeting);
  await waitForMeeting(page);
  const { kept, parsed } = await page.evaluate(() => ({
    parsed: window.__parsed.length,
    kept: window.__parsed.filter((el) => el.isConnected).length,
  }));
  assert.ok(parsed > 500, `the HTML made the page's elements (${parsed})`);
  assert.equal(kept, parsed, 'hydration kept every element the HTML made');
  const frames = await page.evaluate(() => window.__frames);
  const n = speechesOf(site.minutes).length;
  const full = frames.indexOf(n);
  assert.ok(full >= 0, `all speeches painted before the app was ready: ${frames.join(',')}`);
  assert.deepEqual([...new Set(frames.slice(full))], [n], `frames: ${frames.join(',')}`);
  for (const s of speechesOf(site.minutes)) assert.equal(await page.locator(`[id="${s.id}"]`).count(), 1, s.id);
  // A hydration mismatch is an error in the console (an exception in a release build).
  assert.deepEqual(page.errors, []);
  assert.deepEqual(warnings, []);
  // The app runs the page: a click filters it.
  await page.locator('input[name="speaker"][value="murai-jun"]').check();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('speaker') === 'murai-jun');
  await page.context().close();
});

test('rendering and hydration give the same first view', async () => {
  // The page as the build wrote it (JavaScript off) and as the app runs it on the same
  // address: the reading view's text and permalink ids are the same.
  const read = async (javaScriptEnabled) => {
    const context = await site.browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(site.meeting);
    if (javaScriptEnabled) await waitForMeeting(page);
    const view = await page.evaluate(() => ({
      ids: [...document.querySelectorAll('[data-minutes] [id]')].map((el) => el.id),
      text: document.querySelector('[data-minutes]').textContent,
      header: document.querySelector('[data-meeting-header]').textContent,
    }));
    await context.close();
    return view;
  };
  const [rendered, hydrated] = [await read(false), await read(true)];
  assert.ok(rendered.ids.length > 100);
  assert.deepEqual(hydrated.ids, rendered.ids);
  assert.equal(hydrated.text, rendered.text);
  assert.equal(hydrated.header, rendered.header);
});

test('a link with filters opens on its view in the first frame the app draws', async () => {
  const page = await newPage(site.browser, { viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    // The app marks the page ready (`html[data-app=ready]`) right after hydration; the
    // next frame is the first the app paints.
    new MutationObserver((_, observer) => {
      if (document.documentElement.dataset.app !== 'ready') return;
      observer.disconnect();
      requestAnimationFrame(() => {
        window.__first = {
          shown: [...document.querySelectorAll('article[data-speaker]')].filter((a) => !a.closest('[hidden]') && a.offsetParent).map((a) => a.dataset.speaker),
          lang: document.documentElement.lang,
          search: document.getElementById('search-input').value,
        };
      });
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-app'] });
  });
  await page.goto(`${site.meeting}?speaker=murai-jun&q=IoT&lang=en`);
  await page.waitForFunction(() => window.__first);
  const first = await page.evaluate(() => window.__first);
  assert.ok(first.shown.length > 0);
  assert.deepEqual([...new Set(first.shown)], ['murai-jun'], JSON.stringify(first));
  assert.equal(first.lang, 'en');
  assert.equal(first.search, 'IoT');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('what a reader types before the app starts becomes the search', async () => {
  const page = await newPage(site.browser, { viewport: { width: 1280, height: 900 } });
  // Hold the WASM back until the reader has typed into the rendered field.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(site.meeting);
  await page.locator('#search-input').fill('IoT');
  release();
  await waitForMeeting(page);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'IoT');
  assert.equal(await page.locator('#search-input').inputValue(), 'IoT');
  assert.ok(await page.locator('mark[data-hit]').count() > 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the minutes travel in the page once, as the committed JSON, and beside it as a download', async () => {
  const html = await (await fetch(site.meeting)).text();
  const committed = await readFile(join(ROOT, 'data', 'minutes', 'cshq-001.json'), 'utf8');
  const blocks = [...html.matchAll(/<script type="application\/json" id="minutes-data">([^<]*)<\/script>/g)];
  assert.equal(blocks.length, 1, 'one minutes data block');
  // The block is the committed file, with "<" written as its JSON escape so that the
  // text cannot close the element.
  assert.equal(blocks[0][1].replaceAll('\\u003c', '<'), committed);
  assert.deepEqual(JSON.parse(blocks[0][1]), JSON.parse(committed));
  // The policy allows by hash exactly the inline scripts that run: the data block is not
  // one of them, and hashing it would allow a script with the minutes' text.
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  const allowed = [...csp.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]).sort();
  const running = [...html.matchAll(/<script(?![^>]*\b(?:src=|type="application\/json"))[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => createHash('sha256').update(m[1]).digest('base64'))
    .sort();
  assert.ok(running.length > 0, "Trunk's loader is inline");
  assert.deepEqual(allowed, running);
  // The same file is published beside the page, byte for byte.
  const download = await fetch(new URL(`${site.minutes.id}.json`, site.meeting));
  assert.equal(download.status, 200);
  assert.equal(await download.text(), committed);
  // The WASM holds no copy of its own: no paragraph text is in it.
  const wasmUrl = new URL(html.match(/['"]([^'"]+_bg\.wasm)['"]/)[1], site.meeting);
  const wasm = Buffer.from(await (await fetch(wasmUrl)).arrayBuffer()).toString('utf8');
  const text = speechesOf(site.minutes)[2].paragraphs[0].text;
  assert.ok(!wasm.includes(text.slice(0, 30)), 'paragraph text is not compiled into the WASM');
  // The export menu links to the download.
  const page = await newPage(site.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(site.meeting);
  await waitForMeeting(page);
  const link = page.locator('a[data-download="minutes"]');
  assert.equal(await link.getAttribute('href'), `${site.minutes.id}.json`);
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(file.suggestedFilename(), `${site.minutes.id}.json`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** Serve the page with its minutes data block's text changed by `change`. */
async function withData(page, change) {
  await page.route(`${site.meeting}`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(
      /(<script type="application\/json" id="minutes-data">)([^<]*)(<\/script>)/,
      (_, open, data, close) => `${open}${change(data)}${close}`,
    );
    await route.fulfill({ response, body });
  });
}

/** The rendered minutes are all there and readable, the dead controls hidden. */
async function assertStillReadable(page) {
  const speeches = speechesOf(site.minutes);
  assert.equal(await page.locator('article[data-speaker]').count(), speeches.length);
  const last = speeches.at(-1).paragraphs.at(-1);
  assert.equal(await page.locator(`[id="${last.id}"]`).textContent(), last.text);
  // The controls that would do nothing are hidden, as for readers without JavaScript.
  assert.equal(await page.locator('#search-input').isVisible(), false);
  assert.equal(await page.locator('button[data-copy]').first().isVisible(), false);
}

test('minutes data of another schema version leaves the rendered minutes readable, with a note', async () => {
  const page = await newPage(site.browser, { viewport: { width: 390, height: 844 } });
  await withData(page, (data) => data.replace(/"schema_version": \d+,/, '"schema_version": 999,'));
  await page.goto(site.meeting);
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
  const note = page.getByRole('alert');
  assert.match(await note.innerText(), /検索・絞り込み・リンクのコピーは使えません/);
  assert.match(await note.innerText(), new RegExp(`format version 999; this viewer reads version ${site.minutes.schema_version}\\b`));
  await assertStillReadable(page);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('damaged minutes data leaves the rendered minutes readable, with a note', async () => {
  const page = await newPage(site.browser, { viewport: { width: 390, height: 844 } });
  await withData(page, (data) => data.slice(0, data.length / 2));
  await page.goto(site.meeting);
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
  const note = page.getByRole('alert');
  assert.match(await note.innerText(), /検索・絞り込み・リンクのコピーは使えません/);
  assert.match(await note.innerText(), /The minutes data could not be read/);
  await assertStillReadable(page);
  await screenshot(page, 'damaged-data');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
