// Searching a meeting as researchers type: several words (a speech must hold them all),
// phrases in quotes, exclusions and OR, typed and opened from links; every word
// highlighted and stepped through; one-word links as they always were.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, newPage, waitForMeeting, screenshot, speechesOf } from './lib/harness.mjs';

const site = useSite();

const WIDE = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function open(path, options = WIDE) {
  const page = await newPage(site.browser, options);
  await page.goto(site.meeting + path);
  await waitForMeeting(page);
  return page;
}

const fold = (s) => s.normalize('NFKC').toLowerCase().replace(/\s/g, '');

/**
 * The speeches a query shows, by brute force over the minutes: every required word (one
 * of each OR group) in some paragraph of the speech, no excluded word in any. Words are
 * plain text here (the test's queries name nobody, so names do not come in).
 */
function expected(required, excluded = []) {
  return speechesOf(site.minutes)
    .filter((s) => {
      const has = (w) => s.paragraphs.some((p) => p.search.includes(fold(w)));
      return required.every((any) => any.some(has)) && !excluded.some(has);
    })
    .map((s) => s.id);
}

const visible = (page) => page.locator('article[data-speaker]:not([hidden])').evaluateAll((els) => els.map((el) => el.id));
const count = (page) => page.locator('[data-search-count]').innerText();

test('IoT 人材, typed: the speeches that hold both words, each word highlighted and counted', async () => {
  const page = await open('');
  const box = page.getByLabel('発言を検索');
  await box.pressSequentially('IoT 人材', { delay: 30 });
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'IoT 人材');
  // The address holds the query as typed.
  assert.match(new URL(page.url()).search, /^\?q=IoT%20%E4%BA%BA%E6%9D%90$/);
  const want = expected([['IoT'], ['人材']]);
  assert.ok(want.length >= 2, want.join());
  await page.waitForFunction((n) => document.querySelectorAll('article[data-speaker]:not([hidden])').length === n, want.length);
  const shown = await visible(page);
  assert.deepEqual(shown, want);
  for (const who of ['onodera-tadashi', 'nohara-sawako']) assert.ok(shown.some((id) => id.includes(who)), `${who}: ${shown}`);

  // Every word is highlighted in the paragraphs that hold it, and counted each.
  const marks = (await page.locator('.paragraph[data-matched] mark[data-hit]').allInnerTexts()).map(fold);
  const iot = marks.filter((m) => m === 'iot').length;
  const jinzai = marks.filter((m) => m === '人材').length;
  assert.ok(iot > 0 && jinzai > 0, marks.join('|'));
  assert.equal(iot + jinzai, marks.length, marks.join('|'));
  assert.equal(await count(page), `${marks.length}件（IoT ${iot}・人材 ${jinzai}）`);
  // The summary says how many speeches.
  assert.match(await page.locator('[data-result-summary]').innerText(), new RegExp(`^${want.length}件の発言を表示中`));
  await screenshot(page, 'search-two-words-1440');

  // Enter steps through every hit in the order they are printed, then wraps.
  const order = await page.locator('.paragraph[data-matched] mark[data-hit]').evaluateAll((ms) => ms.map((m) => m.textContent));
  await box.focus();
  for (let i = 0; i < order.length + 1; i += 1) {
    await page.keyboard.press('Enter');
    const n = (i % order.length) + 1;
    await page.waitForFunction((n) => document.querySelector('[data-search-count]').textContent.startsWith(`${n} / `), n);
    assert.equal(await page.locator('mark[data-current]').innerText(), order[i % order.length]);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('linked queries: a phrase, an exclusion, OR, full-width spaces and quotes', async () => {
  const cases = [
    // Quoted, the PDF's "I o T" is one phrase: the same paragraphs as IoT.
    ['"I o T"', [['IoT']], []],
    ['「I o T」 人材', [['IoT'], ['人材']], []],
    ['IoT　人材', [['IoT'], ['人材']], []],
    ['IoT -人材', [['IoT']], ['人材']],
    ['IoT －人材', [['IoT']], ['人材']],
    ['ログ OR 監視', [['ログ', '監視']], []],
    ['ログ ｜ 監視 -IoT', [['ログ', '監視']], ['IoT']],
  ];
  for (const [q, required, excluded] of cases) {
    const page = await open(`?q=${encodeURIComponent(q)}`);
    const want = expected(required, excluded);
    assert.ok(want.length > 0, q);
    assert.deepEqual(await visible(page), want, q);
    assert.equal(await page.getByLabel('発言を検索').inputValue(), q);
    const words = required.flat().map(fold);
    const marks = (await page.locator('.paragraph[data-matched] mark[data-hit]').allInnerTexts()).map(fold);
    assert.ok(marks.length > 0, q);
    assert.ok(marks.every((m) => words.some((w) => m.includes(w))), `${q}: ${marks.join('|')}`);
    assert.deepEqual(page.errors, [], q);
    await page.context().close();
  }
});

test('an exclusion alone hides what it names and marks nothing; syntax with nothing to act on is text', async () => {
  const page = await open(`?q=${encodeURIComponent('-IoT')}`);
  const all = speechesOf(site.minutes).map((s) => s.id);
  const withIot = expected([['IoT']]);
  assert.deepEqual(await visible(page), all.filter((id) => !withIot.includes(id)));
  assert.equal(await page.locator('mark[data-hit]').count(), 0);
  assert.equal(await count(page), '');
  // A lone minus, a lone OR and an unclosed quote are words like any other: the speeches
  // that hold them, or none. Empty quotes ask for nothing.
  for (const [q, words] of [['-', ['-']], ['OR', ['OR']], ['"IoT', ['"IoT']], ['IoT OR', ['IoT', 'OR']], ['| IoT', ['|', 'IoT']], ['「', ['「']]]) {
    await page.getByLabel('発言を検索').fill(q);
    await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, q);
    const want = expected(words.map((w) => [w]));
    await page.waitForFunction((n) => document.querySelectorAll('article[data-speaker]:not([hidden])').length === n, want.length);
    assert.deepEqual(await visible(page), want, q);
  }
  await page.getByLabel('発言を検索').fill('""');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === '""');
  await page.waitForFunction((n) => document.querySelectorAll('article[data-speaker]:not([hidden])').length === n, all.length);
  assert.equal(await page.locator('[data-result-summary]').count(), 0, 'nothing asked, nothing to clear');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a one-word link keeps its meaning: the same paragraphs and count as ever', async () => {
  const page = await open('?q=IoT');
  const paragraphs = speechesOf(site.minutes).flatMap((s) => s.paragraphs).filter((p) => p.search.includes('iot')).map((p) => p.id);
  const matched = await page.locator('.paragraph[data-matched]').evaluateAll((ps) => ps.map((p) => p.dataset.paragraph));
  // Every paragraph that says IoT, and only the words: no narrative holds it.
  assert.deepEqual(matched, paragraphs);
  const marks = await page.locator('mark[data-hit]').count();
  assert.equal(await count(page), `${marks}件`, 'one word: no per-word counts');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the syntax is explained where the reader types, in both languages; on a phone while typing', async () => {
  const page = await open('');
  const help = page.locator('.search [data-search-syntax]');
  assert.ok(await help.isVisible());
  assert.match(await help.innerText(), /「…」/);
  await page.goto(`${site.meeting}?lang=en`);
  await waitForMeeting(page);
  assert.match(await help.innerText(), /-word excludes, A OR B finds either/);
  await page.context().close();

  const phone = await open('', PHONE);
  const help390 = phone.locator('.search [data-search-syntax]');
  assert.equal(await help390.isVisible(), false, 'the sticky bar stays one line shorter while reading');
  await phone.getByLabel('発言を検索').tap();
  await help390.waitFor({ state: 'visible' });
  await phone.getByLabel('発言を検索').fill('IoT 人材');
  await phone.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'IoT 人材');
  await screenshot(phone, 'search-two-words-390');
  assert.deepEqual(phone.errors, []);
  await phone.context().close();
});
