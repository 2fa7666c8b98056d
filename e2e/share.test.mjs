// Share pages (`<meeting>/r/<remark>/`): what a link-preview crawler reads with a plain HTTP
// request and no JavaScript, checked against the minutes JSON; what a reader who opens one
// gets (the remark in its meeting page, targeted and in view, Back not looping); and the
// host's 404 page for a share link that names nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, screenshot, speechesOf, useSite, waitForMeeting } from './lib/harness.mjs';

const site = useSite();

/** The value of the `<meta>` whose `property` or `name` is `key`, unescaped. */
function meta(html, key) {
  const tag = html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`));
  return tag && unescape(tag[1]);
}
const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function crawl(path) {
  const res = await fetch(`${site.server.url}${path}`);
  return { status: res.status, type: res.headers.get('content-type'), html: await res.text() };
}

function remarkOf(speechId) {
  const speech = speechesOf(site.minutes).find((s) => s.id === speechId);
  const speaker = site.minutes.attendees.find((a) => a.id === speech.speaker);
  return { speech, speaker };
}

test('a speech\'s and a paragraph\'s share page carry the preview tags, from the JSON, without JavaScript', async () => {
  const { speech, speaker } = remarkOf('sec-2-murai-jun');
  const meeting = `${site.minutes.body} 第1回会合（2015年2月10日）`;
  for (const [id, text] of [
    [speech.id, speech.paragraphs.map((p) => p.text).join('')],
    [speech.paragraphs[1].id, speech.paragraphs[1].text],
  ]) {
    const page = await crawl(`cshq-001/r/${id}/`);
    assert.equal(page.status, 200);
    assert.match(page.type, /^text\/html/);
    const title = `${speaker.name}（${speaker.role}）— ${meeting}`;
    assert.equal(unescape(page.html.match(/<title>([^<]*)<\/title>/)[1]), title);
    assert.equal(meta(page.html, 'og:title'), title);
    const description = meta(page.html, 'description');
    assert.equal(meta(page.html, 'og:description'), description);
    // The remark's own words from the start, cut at about 120 characters with … where cut.
    const quoted = description.replace(/…$/, '');
    assert.ok(text.trim().startsWith(quoted), `${id}: ${description}`);
    assert.ok([...quoted].length <= 120 && [...quoted].length >= 40, description);
    assert.equal(description.endsWith('…'), quoted !== text.trim());
    assert.equal(meta(page.html, 'og:type'), 'article');
    assert.equal(meta(page.html, 'og:locale'), 'ja_JP');
    assert.ok(meta(page.html, 'og:site_name').startsWith(site.minutes.body));
    assert.ok(meta(page.html, 'twitter:card'));
    // The remark in full, and the way to it in context, readable with no script.
    for (const p of text === speech.paragraphs[1].text ? [text] : speech.paragraphs.map((p) => p.text)) {
      assert.ok(page.html.includes(p), `${id} carries its text`);
    }
    assert.ok(page.html.includes(`href="../../#${id}"`));
  }
});

test('a share page\'s og:image is its meeting\'s 1200×630 PNG card', async () => {
  const path = 'cshq-001/r/sec-2-murai-jun/';
  const { html } = await crawl(path);
  assert.equal(meta(html, 'twitter:card'), 'summary_large_image');
  assert.equal(meta(html, 'og:image:type'), 'image/png');
  assert.equal(meta(html, 'og:image:width'), '1200');
  assert.equal(meta(html, 'og:image:height'), '630');
  assert.equal(meta(html, 'og:image:alt'), `${site.minutes.body} 第1回会合（2015年2月10日）`);
  // A crawler resolves the address against the page's, as a browser would.
  const image = new URL(meta(html, 'og:image'), `${site.server.url}${path}`);
  assert.equal(image.href, `${site.server.url}cshq-001/card.png`);
  const res = await fetch(image);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/png');
  const png = Buffer.from(await res.arrayBuffer());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(png.toString('latin1', 12, 16), 'IHDR');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
  // Under the size previewers accept (5 MB for most; X asks under 5 MB, LINE under 1 MB).
  assert.ok(png.length < 1_000_000, `${png.length} bytes`);
  // Chromium decodes it at that size.
  const page = await newPage(site.browser, { viewport: { width: 1200, height: 630 } });
  await page.goto(image.href);
  const size = await page.locator('img').evaluate((img) => [img.complete, img.naturalWidth, img.naturalHeight]);
  assert.deepEqual(size, [true, 1200, 630]);
  await screenshot(page, 'share-card-1200');
  await page.context().close();
});

test('opening a share link lands on the remark in its meeting, targeted and in view; Back does not loop', async () => {
  const page = await newPage(site.browser, { viewport: { width: 390, height: 844 } });
  await page.goto(`${site.server.url}cshq-001/`);
  await waitForMeeting(page);
  const id = 'sec-2-murai-jun-p2';
  await page.goto(`${site.server.url}cshq-001/r/${id}/?speaker=murai-jun`);
  await page.waitForURL((url) => url.hash === `#${id}`);
  await waitForMeeting(page);
  const url = new URL(page.url());
  assert.equal(url.pathname, '/cshq-001/');
  assert.equal(url.search, '?speaker=murai-jun', 'the link\'s filters are kept');
  const target = page.locator(`[data-paragraph="${id}"]`);
  await target.and(page.locator('[data-target]')).waitFor();
  await page.waitForFunction((pid) => {
    const r = document.getElementById(pid).getBoundingClientRect();
    return r.top >= 0 && r.top < innerHeight;
  }, id);
  await screenshot(page, 'share-landed-390');
  await page.goBack();
  assert.equal(new URL(page.url()).pathname, '/cshq-001/', 'Back goes to the page before, not the share page');
  assert.equal(new URL(page.url()).search, '');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a share page is readable without JavaScript', async () => {
  const page = await newPage(site.browser, { javaScriptEnabled: false, viewport: { width: 1440, height: 900 } });
  await page.goto(`${site.server.url}cshq-001/r/sec-2-murai-jun/`);
  await page.locator('blockquote').waitFor();
  assert.match(await page.locator('h1').innerText(), /村井 純/);
  await screenshot(page, 'share-page-1440');
  await page.context().close();
});

test('a share link that names nothing gets the host\'s 404 page, in both languages, linking to the index', async () => {
  const missing = await crawl('cshq-001/r/sec-9-nobody/');
  assert.equal(missing.status, 404);
  assert.match(missing.html, /このリンクが指すものはここにありません/);
  assert.match(missing.html, /This link names nothing here/);
  const page = await newPage(site.browser);
  await page.goto(`${site.server.url}cshq-001/r/sec-9-nobody/`);
  await page.locator('a[data-index-link]').click();
  await page.waitForURL((url) => url.pathname === '/');
  assert.deepEqual(page.errors.filter((e) => !/404/.test(e)), []);
  await page.context().close();
});

test('copy link gives the share URL; in English it opens the meeting in English', async () => {
  const page = await newPage(site.browser, { viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(`${site.meeting}?lang=en`);
  await waitForMeeting(page);
  const { speech } = remarkOf('sec-2-murai-jun');
  const p = speech.paragraphs[0];
  const para = page.locator(`[data-paragraph="${p.id}"]`);
  await para.hover();
  await para.getByRole('button', { name: 'Link', exact: true }).click();
  await para.getByText('Link copied').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, `${site.meeting}r/${p.id}/?lang=en`);
  // What a crawler reads there stays in the minutes' language.
  assert.match(meta((await crawl(`cshq-001/r/${p.id}/?lang=en`)).html, 'og:title'), /^村井 純/);
  await page.goto(link);
  await page.waitForURL((url) => url.hash === `#${p.id}`);
  await waitForMeeting(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.locator(`[data-paragraph="${p.id}"][data-target]`).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('offline, once its meeting was visited, a share link opens on its remark', async () => {
  const page = await newPage(site.browser);
  await page.goto(site.meeting);
  await waitForMeeting(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
  await page.context().setOffline(true);
  const id = 'sec-2-murai-jun-p3';
  await page.goto(`${site.meeting}r/${id}/?speaker=murai-jun`);
  await page.waitForURL((url) => url.hash === `#${id}`);
  await waitForMeeting(page);
  assert.equal(new URL(page.url()).search, '?speaker=murai-jun');
  await page.locator(`[data-paragraph="${id}"][data-target]`).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
