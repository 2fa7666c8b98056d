// The keyboard, as a reader without a mouse uses it: a skip link, "/" to search, j/k to
// move between speeches, Esc to clear.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, newPage, waitForMeeting, speechesOf, screenshot } from './lib/harness.mjs';

const site = useSite();

const active = (page) => page.evaluate(() => document.activeElement?.id ?? '');

test('the first Tab reaches a skip link that moves focus to the minutes', async () => {
  const page = await newPage(site.browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(site.meeting);
  await waitForMeeting(page);
  await page.keyboard.press('Tab');
  const link = page.getByRole('link', { name: '本文へ移動' });
  assert.equal(await link.evaluate((el) => el === document.activeElement), true);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'proceedings');
  await page.context().close();
});

test('"/" focuses search, Esc clears it, Esc again clears the filters', async () => {
  const page = await newPage(site.browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${site.meeting}?speaker=murai-jun`);
  await waitForMeeting(page);
  await page.keyboard.press('/');
  assert.equal(await active(page), 'search-input');
  await page.keyboard.type('IoT');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'IoT');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => location.search === '?speaker=murai-jun');
  assert.equal(await page.getByLabel('発言を検索').inputValue(), '');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => location.search === '');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('j and k move focus from speech to speech, skipping hidden ones', async () => {
  const page = await newPage(site.browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${site.meeting}?topic=iot`);
  await waitForMeeting(page);
  const shown = await page.locator('article[data-speaker]:not([hidden])').evaluateAll((els) => els.map((e) => e.id));
  assert.ok(shown.length >= 3, shown.join());
  await page.keyboard.press('j');
  await page.waitForFunction((id) => document.activeElement?.id === id, shown[0]);
  await page.keyboard.press('j');
  await page.waitForFunction((id) => document.activeElement?.id === id, shown[1]);
  await page.keyboard.press('j');
  await page.waitForFunction((id) => document.activeElement?.id === id, shown[2]);
  await screenshot(page, 'keyboard-j');
  await page.keyboard.press('k');
  await page.waitForFunction((id) => document.activeElement?.id === id, shown[1]);
  // Letters typed into the search field are text, not shortcuts.
  await page.keyboard.press('/');
  await page.keyboard.type('jk');
  assert.equal(await page.getByLabel('発言を検索').inputValue(), 'jk');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('every speech can be reached with j from the top', async () => {
  const page = await newPage(site.browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(site.meeting);
  await waitForMeeting(page);
  const all = speechesOf(site.minutes).map((s) => s.id);
  for (const id of all) {
    await page.keyboard.press('j');
    await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 3000 });
  }
  await page.context().close();
});
