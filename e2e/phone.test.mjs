// Reading on a phone: what stays at the top while a reader reads is small, and says whose
// remark they are in; on a desktop the name stays at the top of the text column too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, newPage, waitForMeeting, screenshot, speechesOf } from './lib/harness.mjs';

const site = useSite();

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const WIDE = { viewport: { width: 1440, height: 900 } };

/** The longest speech of the minutes, and its speaker's printed name. */
function longest() {
  const speech = speechesOf(site.minutes)
    .map((s) => [s, s.paragraphs.reduce((n, p) => n + p.text.length, 0)])
    .sort((a, b) => b[1] - a[1])[0][0];
  const name = site.minutes.attendees.find((a) => a.id === speech.speaker).name;
  return { speech, name };
}

/** Scroll so that the middle of `speech` is at the middle of the screen. */
async function toMiddleOf(page, speech) {
  await page.locator(`article[id="${speech.id}"]`).evaluate((el) => {
    const r = el.getBoundingClientRect();
    window.scrollBy(0, r.top + r.height / 2 - innerHeight / 2);
  });
  // Two frames: the scroll, then the sticky name's scroll-state.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

test('on a 390 × 844 phone, what stays at the top takes at most 12% of the screen and names the speaker', async () => {
  const { speech, name } = longest();
  const page = await newPage(site.browser, PHONE);
  await page.goto(site.meeting);
  await waitForMeeting(page);
  await toMiddleOf(page, speech);
  const bar = await page.getByRole('complementary', { name: '検索と絞り込み' }).boundingBox();
  const stuck = page.locator(`article[id="${speech.id}"] [data-speech-stuck] > *`);
  assert.ok(await stuck.isVisible(), 'the name is shown while its remark is read');
  assert.equal(await stuck.innerText(), name);
  const box = await stuck.boundingBox();
  assert.ok(bar.y <= 0.5 && bar.y + bar.height <= box.y + 1, `the name sits under the bar: bar ${JSON.stringify(bar)}, name ${JSON.stringify(box)}`);
  const stuckHeight = box.y + box.height;
  assert.ok(stuckHeight <= 0.12 * 844, `${stuckHeight} px stay at the top (at most ${0.12 * 844})`);
  // The speech's own header has scrolled away: only the stuck name says whose it is.
  const header = await page.locator(`article[id="${speech.id}"] header[data-speech-header]`).boundingBox();
  assert.ok(header.y + header.height < 0, 'the header is off screen');
  // The field is still there to search with, and the toggle to open the filters.
  await page.getByLabel('発言を検索').waitFor({ state: 'visible' });
  await page.locator('[data-tools-more] > summary').waitFor({ state: 'visible' });
  await screenshot(page, 'phone-middle-of-a-speech-390');
  // At the top of the page, before any remark, no name is stuck.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await page.locator('[data-speech-stuck] > *:visible').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('on a desktop the name stays at the top of the text column while its remark is read, in the reader\'s language', async () => {
  const { speech } = longest();
  const page = await newPage(site.browser, WIDE);
  await page.goto(`${site.meeting}?lang=en`);
  await waitForMeeting(page);
  await toMiddleOf(page, speech);
  const stuck = page.locator(`article[id="${speech.id}"] [data-speech-stuck] > *`);
  assert.ok(await stuck.isVisible());
  const latin = site.minutes.attendees.find((a) => a.id === speech.speaker).latin;
  assert.equal(await stuck.innerText(), latin);
  const box = await stuck.boundingBox();
  assert.ok(Math.abs(box.y) <= 1, `at the top: ${box.y}`);
  await screenshot(page, 'desktop-middle-of-a-speech-1440');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
