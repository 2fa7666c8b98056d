// People and numbers: the speaker view reached from a speaker's name, and the meeting's
// statistics with their text alternative, checked against the data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, newPage, waitForMeeting, speechesOf, screenshot } from './lib/harness.mjs';

const site = useSite();

const chars = (text) => [...text].filter((c) => !/\s/.test(c)).length;

function numbersOf(id) {
  const all = speechesOf(site.minutes).filter((s) => s.speaker);
  const total = all.flatMap((s) => s.paragraphs).reduce((n, p) => n + chars(p.text), 0);
  const mine = all.filter((s) => s.speaker === id);
  const c = mine.flatMap((s) => s.paragraphs).reduce((n, p) => n + chars(p.text), 0);
  return { speeches: mine.length, paragraphs: mine.flatMap((s) => s.paragraphs).length, chars: c, share: c / total };
}

test('a speaker\'s name opens their view: role, group, how much they spoke, topics raised', async () => {
  const page = await newPage(site.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(site.meeting);
  await waitForMeeting(page);
  await page.locator('article[data-speaker="maeda-masahide"] header').getByRole('link', { name: '前田 雅英' }).click();
  await page.waitForFunction(() => location.search === '?speaker=maeda-masahide');
  const card = page.locator('[data-speaker-card="maeda-masahide"]');
  const text = await card.innerText();
  const n = numbersOf('maeda-masahide');
  assert.match(text, /首都大学東京法科大学院教授/);
  assert.match(text, /有識者本部員/);
  assert.match(text, new RegExp(`${n.speeches}回・${n.paragraphs}段落`));
  assert.equal(await card.locator('[data-speaker-share]').innerText(), `${n.chars}字（会議全体の${(n.share * 100).toFixed(1)}%）`);
  assert.deepEqual(
    await page.locator('article[data-speaker]:not([hidden])').evaluateAll((els) => els.map((e) => e.dataset.speaker)),
    ['maeda-masahide'],
  );
  await screenshot(page, 'speaker-view');
  // A topic the speaker raised narrows the view to that topic, keeping the speaker.
  await card.getByRole('link', { name: 'ログの保存' }).click();
  await page.waitForFunction(() => location.search === '?speaker=maeda-masahide&topic=log-retention');
  assert.ok(await page.locator('[data-paragraph][data-matched]').count() >= 1);
  await page.goBack();
  await page.waitForFunction(() => location.search === '?speaker=maeda-masahide');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the statistics chart each speaker\'s share, with a table that says the same in text', async () => {
  const page = await newPage(site.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(site.meeting);
  await waitForMeeting(page);
  await page.getByText('発言の統計').click();
  const rows = await page.locator('[data-stats-table="share"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  const speakers = [...new Set(speechesOf(site.minutes).map((s) => s.speaker))];
  assert.equal(rows.length, speakers.length);
  let sum = 0;
  for (const [i, id] of speakers.entries()) {
    const n = numbersOf(id);
    const name = site.minutes.attendees.find((a) => a.id === id).name;
    assert.deepEqual(rows[i], [name, String(n.speeches), String(n.chars), `${(n.share * 100).toFixed(1)}%`]);
    sum += n.share;
  }
  assert.ok(Math.abs(sum - 1) < 1e-9);
  assert.equal(await page.locator('[data-chart="share"] rect').count(), speakers.length);
  assert.equal(await page.locator('[data-chart="topics"] rect').count(), site.minutes.topics.length);
  assert.equal(await page.locator('[data-chart="share"]').getAttribute('role'), 'img');
  await page.locator('[data-chart="share"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'stats');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
