// The Japanese and English interface: the switch, remembering the choice, `?lang=`, and
// that English mode leaves no Japanese interface text behind while the minutes' own text
// stays exactly as printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, newPage, waitForMeeting, speechesOf, screenshot, nextFrames } from './lib/harness.mjs';

const site = useSite();
const WIDE = { viewport: { width: 1280, height: 900 } };

/**
 * Interface text in the wrong script: every text node and accessible name whose language
 * (the nearest `lang`) is English but which contains kana or kanji. Minutes text is marked
 * `lang="ja"`, so it is not counted.
 */
async function japaneseInEnglish(page) {
  return page.evaluate(() => {
    const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
    const langOf = (el) => el.closest('[lang]')?.getAttribute('lang');
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (el.closest('[hidden], script, style, noscript')) continue;
      if (langOf(el) === 'en' && cjk.test(n.data)) found.push(n.data.trim().slice(0, 40));
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title]')) {
      for (const attr of ['aria-label', 'title']) {
        const value = el.getAttribute(attr);
        // A title that quotes the minutes (how a speaker was attributed) is the minutes'.
        if (value && langOf(el) === 'en' && cjk.test(value) && !el.matches('[data-designation]')) {
          found.push(`${attr}=${value.slice(0, 40)}`);
        }
      }
    }
    return found;
  });
}

test('the switch turns the interface to English and back, keeping the minutes as printed', async () => {
  const page = await newPage(site.browser, WIDE);
  await page.goto(site.meeting);
  await waitForMeeting(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  const ja = page.getByRole('button', { name: '日本語' });
  const en = page.getByRole('button', { name: 'English' });
  assert.equal(await ja.getAttribute('aria-pressed'), 'true');
  assert.equal(await en.getAttribute('aria-pressed'), 'false');

  await en.click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await en.getAttribute('aria-pressed'), 'true');
  assert.equal(await en.evaluate((el) => el === document.activeElement), true, 'focus stays on the switch');
  // Interface text, names, roles and groups in English.
  await page.getByLabel('Search the remarks').waitFor();
  const murai = page.locator('article[data-speaker="murai-jun"]').first();
  // Read on screen: a remark off screen is skipped, and its innerText is empty until the
  // frame after it comes near.
  await murai.scrollIntoViewIfNeeded();
  await nextFrames(page);
  assert.equal(await murai.locator('[data-speaker-name]').innerText(), 'Murai Jun');
  assert.equal(await murai.locator('[data-speaker-role]').innerText(), 'Professor, Keio University');
  assert.equal(await murai.locator('[data-group-badge]').innerText(), 'Expert member');
  const row = page.locator('tr[data-attendee="suga-yoshihide"]');
  assert.match(await row.innerText(), /Suga Yoshihide[\s\S]*Chief Cabinet Secretary \(Head\)[\s\S]*Minister/);
  assert.match(await page.locator('[data-meeting-facts]').innerText(), /Tuesday, 10 February 2015 \(Heisei 27\)/);
  assert.ok(await page.getByRole('heading', { name: 'Contents' }).isVisible());
  // The minutes' text is untouched: every paragraph equals the data.
  for (const s of speechesOf(site.minutes)) {
    for (const p of s.paragraphs) {
      assert.equal(await page.locator(`[id="${p.id}"]`).textContent(), p.text);
    }
  }
  assert.deepEqual(await japaneseInEnglish(page), []);
  await screenshot(page, 'english-desktop');

  // Remembered: a reload, and a later visit, stay English.
  await page.reload();
  await waitForMeeting(page);
  await page.getByLabel('Search the remarks').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(new URL(page.url()).search, '', 'the choice lives in the browser, not the address');

  await page.getByRole('button', { name: '日本語' }).click();
  await page.getByLabel('発言を検索').waitFor();
  await page.reload();
  await waitForMeeting(page);
  await page.getByLabel('発言を検索').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('?lang=en opens in English, stays English through the app\'s own links, and is not remembered', async () => {
  const page = await newPage(site.browser, WIDE);
  await page.goto(`${site.meeting}?topic=iot&lang=en`);
  await waitForMeeting(page);
  await page.getByLabel('Search the remarks').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // Topic labels and the reasons a paragraph matched are in English.
  const iot = site.minutes.topics.find((t) => t.id === 'iot');
  assert.ok((await page.locator('[data-topic-reasons]').first().innerText()).startsWith(iot.en));
  assert.match(await page.locator('[data-result-summary]').innerText(), /^Showing \d+ remarks? \(\d+ matching paragraphs?\)/);
  assert.deepEqual(await japaneseInEnglish(page), []);

  // Clearing keeps the language the link asked for.
  await page.locator('[data-result-summary]').getByRole('button', { name: 'Clear' }).click();
  await page.waitForFunction(() => location.search === '?lang=en');

  // A speaker's name opens their view, still in English.
  await page.locator('article[data-speaker="nohara-sawako"] header').getByRole('link', { name: 'Nohara Sawako' }).click();
  await page.waitForFunction(() => location.search === '?speaker=nohara-sawako&lang=en');
  const card = page.locator('[data-speaker-card="nohara-sawako"]');
  const text = await card.innerText();
  assert.match(text, /Nohara Sawako/);
  assert.match(text, /野原 佐和子/, 'the name as printed, for quoting');
  assert.match(text, /President, Ipsi Marketing Research Institute/);
  assert.match(text, /\d+ remarks?, \d+ paragraphs?/);
  assert.match(await card.locator('[data-speaker-share]').innerText(), /^\d+ \(\d+\.\d% of the meeting\)$/);
  assert.deepEqual(await japaneseInEnglish(page), []);
  await screenshot(page, 'english-speaker-view');

  // The link's language was not stored: the plain address opens in Japanese.
  await page.goto(site.meeting);
  await waitForMeeting(page);
  await page.getByLabel('発言を検索').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('choosing Japanese on an English link takes lang out of the address and keeps the view', async () => {
  const page = await newPage(site.browser, WIDE);
  await page.goto(`${site.meeting}?speaker=murai-jun&lang=en`);
  await waitForMeeting(page);
  await page.getByRole('button', { name: '日本語' }).click();
  await page.waitForFunction(() => location.search === '?speaker=murai-jun');
  await page.getByLabel('発言を検索').waitFor();
  assert.match(await page.locator('[data-speaker-card]').innerText(), /慶應義塾大学教授/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a language the viewer lacks is a note, in the interface language; nothing breaks', async () => {
  const page = await newPage(site.browser, WIDE);
  await page.goto(`${site.meeting}?lang=fr&q=IoT`);
  await waitForMeeting(page);
  assert.match(await page.locator('[data-link-notices]').innerText(), /表示言語「fr」には対応していません/);
  assert.ok(await page.locator('mark[data-hit]').count() > 0, 'the rest of the link still applies');

  await page.goto(`${site.meeting}?lang=en&speaker=nobody#nowhere`);
  await waitForMeeting(page);
  const notes = await page.locator('[data-link-notices]').innerText();
  assert.match(notes, /No attendee of this meeting has the id “nobody”/);
  assert.match(notes, /“#nowhere” is not in these minutes/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('in English, citations name the speaker in Latin script and quote the minutes as printed', async () => {
  const page = await newPage(site.browser, { ...WIDE, permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(`${site.meeting}?lang=en`);
  await waitForMeeting(page);
  const speech = speechesOf(site.minutes).find((s) => s.speaker === 'yamatani-eriko');
  const p = speech.paragraphs[0];
  const para = page.locator(`[data-paragraph="${p.id}"]`);
  await para.hover();
  const cite = para.getByRole('button', { name: 'Cite', exact: true });
  assert.equal(await cite.getAttribute('title'), 'Copy a citation of this paragraph');
  await cite.click();
  await para.getByText('Citation copied').waitFor();
  const citation = await page.evaluate(() => navigator.clipboard.readText());
  const base = site.meeting;
  assert.equal(citation,
    `“${p.text}”\n— Yamatani Eriko (Chairperson of the National Public Safety Commission), サイバーセキュリティ戦略本部 第1回会合 議事概要, Tuesday, 10 February 2015 (Heisei 27)\n${base}r/${p.id}/?lang=en`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('English on a phone: the folded tools and the switch fit', async () => {
  const page = await newPage(site.browser, { viewport: { width: 360, height: 740 }, isMobile: true });
  await page.goto(`${site.meeting}?lang=en`);
  await waitForMeeting(page);
  await page.getByLabel('Search the remarks').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await screenshot(page, 'english-phone');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
