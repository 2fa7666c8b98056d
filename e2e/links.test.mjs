// Filter, search and share, as a reader does it: open shared links, type, tick filters,
// copy links and citations, and survive hostile links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, newPage, waitForMeeting, screenshot, speechesOf, crossAndClick, nextFrames } from './lib/harness.mjs';

const site = useSite();

const WIDE = { viewport: { width: 1440, height: 900 } };

async function open(path, options = WIDE) {
  const page = await newPage(site.browser, options);
  await page.goto(site.meeting + path);
  await waitForMeeting(page);
  return page;
}

/** The speeches the reader can see, as [id, speaker] pairs. */
function visibleSpeeches(page) {
  return page.locator('article[data-speaker]:not([hidden])').evaluateAll((els) =>
    els.map((el) => el.dataset.speaker),
  );
}

function paragraphsWithTopic(topic) {
  return speechesOf(site.minutes).flatMap((s) => s.paragraphs.filter((p) => p.topics.some((t) => t.topic === topic)));
}

test('a speaker link shows only that speaker, with the filter ticked', async () => {
  const page = await open('?speaker=murai-jun');
  assert.deepEqual(await visibleSpeeches(page), ['murai-jun']);
  assert.equal(await page.getByRole('checkbox', { name: /村井 純/ }).isChecked(), true);
  assert.match(await page.locator('[data-result-summary]').innerText(), /1件の発言を表示中/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a topic link marks matching paragraphs, folds the rest, and says why', async () => {
  const page = await open('?topic=log-retention');
  const expected = paragraphsWithTopic('log-retention').map((p) => p.id).sort();
  const matched = (await page.locator('[data-paragraph][data-matched]:not([hidden])').evaluateAll((els) =>
    els.map((el) => el.dataset.paragraph))).sort();
  assert.deepEqual(matched, expected);
  const speakers = await visibleSpeeches(page);
  assert.ok(speakers.includes('maeda-masahide') && speakers.includes('yamatani-eriko'), speakers.join());
  // The other paragraphs of a shown remark fold away, one button away, and come back dimmed.
  const maeda = page.locator('article[data-speaker="maeda-masahide"]');
  const others = maeda.locator('[data-paragraph][data-dimmed]');
  const n = await others.count();
  assert.ok(n > 0, 'maeda has paragraphs that do not match');
  for (let i = 0; i < n; i++) assert.equal(await others.nth(i).isVisible(), false, `folded ${i}`);
  const fold = maeda.getByRole('button', { name: `この発言の他の${n}段落も表示` });
  assert.equal(await fold.getAttribute('aria-expanded'), 'false');
  await fold.click();
  for (let i = 0; i < n; i++) assert.equal(await others.nth(i).isVisible(), true, `shown ${i}`);
  const unfold = maeda.getByRole('button', { name: '該当しない段落を隠す' });
  assert.equal(await unfold.getAttribute('aria-expanded'), 'true');
  await screenshot(page, 'topic-log-retention-expanded');
  await unfold.click();
  assert.equal(await others.first().isVisible(), false);
  const reason = await page.locator('[data-topic-reasons]').first().innerText();
  const topic = site.minutes.topics.find((t) => t.id === 'log-retention');
  assert.ok(reason.startsWith(topic.ja), reason);
  await screenshot(page, 'topic-log-retention');
  await page.locator('[data-paragraph][data-matched]').first().scrollIntoViewIfNeeded();
  await screenshot(page, 'topic-log-retention-match');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('IoT, ＩｏＴ and iot find the same paragraphs, including the artefact "I o T"', async () => {
  const seen = [];
  for (const q of ['IoT', 'ＩｏＴ', 'iot']) {
    const page = await open(`?q=${encodeURIComponent(q)}`);
    const marks = await page.locator('mark[data-hit]').allInnerTexts();
    assert.ok(marks.includes('I o T'), `${q}: ${marks.join('|')}`);
    assert.ok(marks.every((m) => m.replace(/\s/g, '').normalize('NFKC').toLowerCase() === 'iot'), marks.join('|'));
    assert.equal(await page.getByLabel('発言を検索').inputValue(), q);
    await page.waitForFunction(() => /件/.test(document.querySelector('[data-search-count]')?.textContent ?? ''));
    assert.match(await page.locator('[data-search-count]').innerText(), new RegExp(`^${marks.length}件$`));
    seen.push(marks.length);
    if (q === 'IoT') await screenshot(page, 'search-iot');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
  assert.equal(new Set(seen).size, 1, `same hits for every spelling: ${seen}`);
});

test('speaker names match by kanji, reading and Latin script', async () => {
  for (const q of ['村井', 'むらい', 'Murai']) {
    const page = await open(`?q=${encodeURIComponent(q)}`);
    assert.ok((await visibleSpeeches(page)).includes('murai-jun'), q);
    await page.context().close();
  }
});

test('typing searches as you type, writes the URL once to history, and back undoes it', async () => {
  const page = await open('');
  const before = await page.evaluate(() => history.length);
  const filtersAt = () => page.locator('[data-tools-more]').evaluate((el) => el.getBoundingClientRect().top);
  const filtersBefore = await filtersAt();
  const box = page.getByLabel('発言を検索');
  await box.pressSequentially('ログ', { delay: 30 });
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'ログ');
  // The hit count appears on a line kept for it: nothing below it in the sidebar moves.
  assert.match(await page.locator('[data-search-count]').textContent(), /\d+件/);
  assert.equal(await filtersAt(), filtersBefore, 'the filters stay where they were');
  await box.pressSequentially('の保存', { delay: 30 });
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'ログの保存');
  assert.equal(await page.evaluate(() => history.length), before + 1, 'one entry for the whole search');
  const speakers = await visibleSpeeches(page);
  assert.ok(speakers.includes('yamatani-eriko'), speakers.join());
  assert.ok(await page.locator('mark[data-hit]').count() > 0);
  await page.goBack();
  await page.waitForFunction(() => location.search === '');
  assert.equal((await visibleSpeeches(page)).length, speechesOf(site.minutes).length);
  assert.equal(await box.inputValue(), '');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('searching beside a chosen speaker keeps the card and the summary, and changes their words', async () => {
  const page = await open('?speaker=murai-jun');
  const summary = await page.locator('[data-result-summary]').elementHandle();
  const card = await page.locator('[data-speaker-card="murai-jun"]').elementHandle();
  assert.match(await summary.innerText(), /^1件の発言を表示中/);
  const box = page.getByLabel('発言を検索');
  await box.pressSequentially('IoT', { delay: 30 });
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'IoT');
  // The same elements, not new ones drawn at each keystroke: a status region that stays
  // is one a screen reader announces the changes of.
  assert.ok(await summary.evaluate((el) => el.isConnected), 'the summary is the same element');
  assert.ok(await card.evaluate((el) => el.isConnected), 'the card is the same element');
  assert.match(await summary.innerText(), /^1件の発言を表示中 （該当する段落 \d+件）/);
  await box.fill('存在しない語');
  await page.waitForFunction(() => document.querySelector('[data-result-summary]')?.classList.contains('result-summary--empty'));
  assert.ok(await summary.evaluate((el) => el.isConnected));
  assert.match(await summary.innerText(), /条件に合う発言はありません/);
  assert.equal(await page.locator('[data-result-summary] button').innerText(), '条件を解除して全体を表示');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Enter and the arrows move between hits', async () => {
  const page = await open('?q=IoT');
  const box = page.getByLabel('発言を検索');
  await box.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /^1 \/ \d+件$/.test(document.querySelector('[data-search-count]').textContent));
  await page.getByRole('button', { name: '次の一致' }).click();
  await page.waitForFunction(() => /^2 \/ \d+件$/.test(document.querySelector('[data-search-count]').textContent));
  const current = page.locator('mark[data-current]');
  assert.equal(await current.count(), 1);
  const box2 = await current.boundingBox();
  assert.ok(box2.y >= 0 && box2.y < 900, 'current hit is on screen');
  await page.getByRole('button', { name: '前の一致' }).click();
  await page.waitForFunction(() => /^1 \/ \d+件$/.test(document.querySelector('[data-search-count]').textContent));
  await page.context().close();
});

test('filters combine, counts update live, and one control clears them all', async () => {
  const page = await open('');
  const murai = page.getByRole('checkbox', { name: /村井 純/ });
  // The counts follow once the results are painted (when the browser is idle), so wait
  // for the expected number rather than read it at once.
  const iotCountIs = (n) => page.waitForFunction((n) => {
    const count = document.querySelector('input[name="topic"][value="iot"]').closest('label')
      .querySelector('[data-option-count]').textContent;
    return Number(count.replace(/\D/g, '')) === n;
  }, n, { timeout: 2000 });
  const allIot = paragraphsWithTopic('iot').length;
  await iotCountIs(allIot);
  await murai.check();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('speaker') === 'murai-jun');
  const muraiIot = speechesOf(site.minutes).filter((s) => s.speaker === 'murai-jun')
    .flatMap((s) => s.paragraphs).filter((p) => p.topics.some((t) => t.topic === 'iot')).length;
  await iotCountIs(muraiIot); // the topic count follows the speaker filter
  await page.locator('input[name="topic"][value="iot"]').check();
  await page.waitForFunction(() => location.search === '?speaker=murai-jun&topic=iot');
  assert.deepEqual(await visibleSpeeches(page), ['murai-jun']);
  await page.getByRole('checkbox', { name: /小野寺 正/ }).check();
  const both = await visibleSpeeches(page);
  assert.ok(both.length >= 1 && both.every((s) => s === 'murai-jun' || s === 'onodera-tadashi'), both.join());
  await screenshot(page, 'filters-combined');
  await page.getByRole('button', { name: '条件をすべて解除' }).click();
  await page.waitForFunction(() => location.search === '');
  assert.equal((await visibleSpeeches(page)).length, speechesOf(site.minutes).length);
  assert.equal(await murai.isChecked(), false);
  await page.goBack();
  await page.waitForFunction(() => location.search.includes('onodera-tadashi'));
  assert.equal(await murai.isChecked(), true, 'back restores the filters');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an empty result says so and offers to clear the filters', async () => {
  const page = await open('?speaker=murai-jun&section=4');
  const summary = page.locator('[data-result-summary]');
  assert.match(await summary.innerText(), /条件に合う発言はありません/);
  assert.equal(await visibleSpeeches(page).then((v) => v.length), 0);
  await summary.getByRole('button').click();
  await page.waitForFunction(() => location.search === '');
  assert.equal((await visibleSpeeches(page)).length, speechesOf(site.minutes).length);
  await page.context().close();
});

test('a paragraph permalink opens on that paragraph and marks it, also with filters', async () => {
  const speech = speechesOf(site.minutes).find((s) => s.speaker === 'maeda-masahide');
  const p = speech.paragraphs[2];
  for (const path of [`#${p.id}`, `?speaker=murai-jun#${p.id}`]) {
    const page = await open(path);
    const el = page.locator(`[data-paragraph="${p.id}"]`);
    assert.equal(await el.getAttribute('data-target'), '', path);
    await page.waitForFunction((id) => {
      const r = document.getElementById(id).getBoundingClientRect();
      return r.top >= 0 && r.top < innerHeight;
    }, p.id);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test("the paragraphs' copy buttons come to the paragraph by pointer, keyboard and tap", async () => {
  const [first, second] = speechesOf(site.minutes).find((s) => s.speaker === 'murai-jun').paragraphs;
  const page = await open('', { ...WIDE, permissions: ['clipboard-read', 'clipboard-write'] });
  const one = page.locator(`[data-paragraph="${first.id}"]`);
  const two = page.locator(`[data-paragraph="${second.id}"]`);
  const pairs = page.locator('[data-paragraph] button[data-copy="link"]');
  assert.equal(await pairs.count(), 0, 'no paragraph has buttons before it is read');

  // Pointer: the pair follows it, in the margin, without moving the text.
  // Places are taken from the top of the paragraphs' remark: remarks off screen are
  // skipped and count as an estimate of their height, so the hover's scroll, drawing the
  // remarks above, may move the whole remark; only a move within it is the buttons' doing.
  const place = (el) => el.evaluate((e, id) => {
    const top = document.querySelector(`article:has([data-paragraph="${id}"])`).getBoundingClientRect().top;
    const r = e.getBoundingClientRect();
    return { x: r.x + scrollX, y: r.y - top, width: r.width, height: r.height };
  }, first.id);
  const below = page.locator(`article:has([data-paragraph="${first.id}"]) + article`);
  await two.scrollIntoViewIfNeeded();
  await nextFrames(page);
  const before = await place(two);
  const belowBefore = await place(below);
  await one.hover();
  assert.equal(await one.locator('button[data-copy]').count(), 2);
  await two.hover();
  assert.equal(await two.locator('button[data-copy]').count(), 2);
  assert.equal(await pairs.count(), 1, 'one pair for the page');
  assert.deepEqual(await place(two), before, 'showing the buttons moves nothing');
  assert.deepEqual(await place(below), belowBefore, 'nor the remark below');
  const buttons = await place(two.locator('[data-copy-buttons]'));
  assert.ok(buttons.x >= before.x + before.width, 'in the margin beside the paragraph');

  // The pointer crosses the gap between the text and the pair, and the pair is still
  // there to be clicked.
  const linkTwo = two.getByRole('button', { name: 'リンク', exact: true });
  await crossAndClick(page, two, linkTwo);
  await two.getByText('リンクをコピーしました').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.meeting}r/${second.id}/`);

  // Keyboard: Tab reaches the paragraph, then its two buttons, then the next paragraph;
  // the pointer passing by does not take the buttons away meanwhile.
  await one.focus();
  await page.keyboard.press('Tab');
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return `${el.closest('[data-paragraph]')?.dataset.paragraph} ${el.dataset.copy ?? el.tagName}`;
  });
  assert.equal(await focused(), `${first.id} link`);
  await two.hover();
  assert.equal(await focused(), `${first.id} link`);
  await page.keyboard.press('Enter');
  await one.getByText('リンクをコピーしました').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.meeting}r/${first.id}/`);
  await page.keyboard.press('Tab');
  assert.equal(await focused(), `${first.id} citation`);
  await page.keyboard.press('Tab');
  assert.equal(await focused(), `${second.id} DIV`);
  assert.equal(await two.locator('button[data-copy]').count(), 2);
  assert.equal(await two.getByText('リンクをコピーしました').count(), 0, 'a moved pair starts afresh');
  assert.deepEqual(page.errors, []);
  await page.context().close();

  // Phone: a tap on the paragraph brings them, on a line under its text.
  const phone = await open('', { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const tapped = phone.locator(`[data-paragraph="${second.id}"]`);
  await tapped.scrollIntoViewIfNeeded();
  await tapped.locator('p').tap();
  const link = tapped.getByRole('button', { name: 'リンク', exact: true });
  await link.waitFor();
  const [text, button] = [await tapped.locator('p').boundingBox(), await link.boundingBox()];
  assert.ok(button.y >= text.y + text.height, 'under the text');
  assert.ok(button.x + button.width <= 360, 'on the screen');
  await screenshot(phone, 'paragraph-copy-buttons-phone');
  assert.deepEqual(phone.errors, []);
  await phone.context().close();
});

test('copy link and copy citation put the right text on the clipboard, with confirmation', async () => {
  const page = await newPage(site.browser, { ...WIDE, permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(site.meeting);
  await waitForMeeting(page);
  const speech = speechesOf(site.minutes).find((s) => s.speaker === 'yamatani-eriko');
  const p = speech.paragraphs.at(-1);
  const para = page.locator(`[data-paragraph="${p.id}"]`);

  // One pair of buttons serves every paragraph: it comes to the one under the pointer.
  assert.equal(await para.locator('button').count(), 0);
  await para.hover();
  // Each button is named by the word it shows (what a reader says to press it by voice)
  // and described by what it copies.
  const paraLink = para.getByRole('button', { name: 'リンク', exact: true });
  assert.equal(await paraLink.getAttribute('title'), 'この段落へのリンクをコピー');
  await paraLink.click();
  await para.getByText('リンクをコピーしました').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, `${site.meeting}r/${p.id}/`);

  const paraCite = para.getByRole('button', { name: '引用', exact: true });
  assert.equal(await paraCite.getAttribute('title'), 'この段落の引用をコピー');
  await paraCite.click();
  await para.getByText('引用をコピーしました').waitFor();
  // Screen readers hear it from the page's one status region, not one per paragraph.
  assert.equal(await page.getByRole('status').filter({ hasText: '引用をコピーしました' }).count(), 1);
  assert.equal(await page.locator('[aria-live]').count(), 2, 'the announcer and the search count');
  const citation = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(citation,
    `「${p.text}」\n— 山谷 えり子（国家公安委員会委員長）の発言、サイバーセキュリティ戦略本部 第1回会合 議事概要、平成27年（2015年）2月10日（火）\n${site.meeting}r/${p.id}/`);

  const article = page.locator(`article[id="${speech.id}"]`);
  const speechCite = article.locator('header').getByRole('button', { name: '引用', exact: true });
  assert.equal(await speechCite.getAttribute('title'), 'この発言の引用をコピー');
  await speechCite.click();
  await article.locator('header').getByText('引用をコピーしました').waitFor();
  const whole = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(whole.startsWith('山谷 えり子（国家公安委員会委員長）の発言、') && whole.endsWith(`${site.meeting}r/${speech.id}/`), whole);

  // The copied link opens exactly that paragraph in a fresh page.
  const other = await open(link.slice(site.meeting.length));
  assert.equal(await other.locator(`[data-paragraph="${p.id}"]`).getAttribute('data-target'), '');
  await other.context().close();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a closed note stays closed for its link; another link with its own problems shows it again', async () => {
  const page = await open('?speaker=nobody');
  const notes = page.locator('[data-link-notices]');
  assert.match(await notes.innerText(), /発言者「nobody」/);
  await notes.getByRole('button', { name: '閉じる' }).click();
  await notes.waitFor({ state: 'detached' });
  // Back to the same link: the reader closed these notices already.
  await page.evaluate(() => {
    history.pushState(null, '', '?q=IoT');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await page.locator('mark[data-hit]').first().waitFor();
  assert.equal(await notes.count(), 0);
  await page.goBack();
  await page.waitForFunction(() => location.search === '?speaker=nobody');
  assert.equal(await notes.count(), 0, 'the notices closed for this link stay closed');
  // A link with another problem: its note shows.
  await page.evaluate(() => {
    history.pushState(null, '', '?topic=zzz');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  assert.match(await notes.innerText(), /テーマ「zzz」/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

const HOSTILE = [
  ['unknown speaker', '?speaker=nobody', /発言者「nobody」/],
  ['unknown topic', '?topic=%3Cb%3Ebold%3C%2Fb%3E', /テーマ「<b>bold<\/b>」/],
  ['empty keys', '?speaker=&topic=&section=&q=', null],
  ['repeated keys', '?speaker=murai-jun&speaker=murai-jun&q=a&q=IoT', null],
  ['bad percent-encoding', '?q=%E3%81&speaker=%zz', /文字として読めない/],
  ['section not a number', '?section=abc', /section「abc」/],
  ['very long query', `?q=${'%E3%81%82'.repeat(600)}`, /検索語が長すぎる/],
  ['markup in the query', `?q=${encodeURIComponent('<img src=x onerror="window.__pwned=1">')}`, null],
  ['script in a speaker id', `?speaker=${encodeURIComponent('"><script>window.__pwned=1</script>')}`, /発言者/],
  ['unknown fragment', '#no-such-remark', /リンク先「#no-such-remark」/],
  ['percent-encoded fragment garbage', '#%E3%81%zz', /リンク先/],
  ['javascript URL as a value', '?q=javascript:window.__pwned=1', null],
];

for (const [name, path, notice] of HOSTILE) {
  test(`a hostile link never breaks the page: ${name}`, async () => {
    const page = await open(path);
    assert.ok(await page.locator('article[data-speaker]').count() >= speechesOf(site.minutes).length - 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing from the link ran');
    assert.equal(await page.locator('img[src="x"]').count(), 0, 'markup stayed text');
    assert.equal(await page.locator('script', { hasText: '__pwned' }).count(), 0, 'no script from the link');
    const notes = page.locator('[data-link-notices]');
    if (notice) {
      assert.match(await notes.innerText(), notice);
    } else {
      assert.equal(await notes.count(), 0, `no notice expected for ${path}`);
    }
    if (name === 'unknown speaker') await screenshot(page, 'hostile-unknown-speaker');
    assert.deepEqual(page.errors, [], path);
    await page.context().close();
  });
}
