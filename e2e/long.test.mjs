// Long minutes: the browser skips the remarks off screen (content-visibility: auto) and the
// app draws the ones a search or a jump brings on screen before the frame that shows them.
// That matters most where most remarks are far off screen, so this file renders the site
// with the seed minutes repeated ten times (140 remarks; tools/lib/series.mjs) and reads
// that as a reader would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, serveStatic, launch, newPage, waitForMeeting, minutesData, speechesOf, screenshot, crossAndClick, nextFrames } from './lib/harness.mjs';
import { scaleMinutes } from '../tools/lib/scale.mjs';
import { siteWith } from '../tools/lib/series.mjs';
import { DIST } from './lib/harness.mjs';

const WIDE = { viewport: { width: 1440, height: 900 } };
const site = {};

before(async () => {
  site.minutes = scaleMinutes(await minutesData(), 10);
  site.built = await siteWith(ROOT, DIST, [site.minutes], 'e2e-10x');
  site.server = await serveStatic(site.built.site);
  site.meeting = `${site.server.url}${site.minutes.id}/`;
  site.browser = await launch();
}, { timeout: 30 * 60 * 1000 });

after(async () => {
  await site.browser?.close();
  await site.server?.close();
  await site.built?.remove();
});

async function open(path = '', options = WIDE) {
  const page = await newPage(site.browser, options);
  await page.goto(`${site.meeting}${path}`);
  await waitForMeeting(page);
  return page;
}

/**
 * Type `q` into the search field and, in the frame that first shows the outcome, before
 * it is painted: for each remark on screen, its id and whether its text is drawn (not
 * skipped). The check is queued from the first change the app makes to the minutes, so
 * it runs after the app's own work for that frame.
 */
function searchFirstFrame(page, q) {
  return page.evaluate(async (q) => {
    const minutes = document.querySelector('[data-minutes]');
    const frame = new Promise((resolve) => {
      const watch = new MutationObserver(() => {
        watch.disconnect();
        requestAnimationFrame(() => {
          const shown = [...minutes.querySelectorAll('article[data-speaker]')].filter((a) => {
            const r = a.getBoundingClientRect();
            return r.height > 0 && r.bottom > 0 && r.top < innerHeight;
          });
          resolve(shown.map((a) => [a.id, a.querySelector('[data-speech-header]').checkVisibility({ contentVisibilityAuto: true })]));
        });
      });
      watch.observe(minutes, { attributes: true, subtree: true, attributeFilter: ['hidden'] });
    });
    const input = document.getElementById('search-input');
    input.value = q;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    return frame;
  }, q);
}

test('remarks far off screen are not drawn until they come near, and are on paper', async () => {
  const page = await open();
  const all = page.locator('[data-minutes] article[data-speaker]');
  assert.equal(await all.count(), speechesOf(site.minutes).length);
  const skipped = await all.evaluateAll((list) => list.filter((a) => !a.querySelector('[data-speech-header]').checkVisibility({ contentVisibilityAuto: true })).length);
  assert.ok(skipped > 100, `most remarks are skipped (${skipped})`);
  await page.emulateMedia({ media: 'print' });
  const drawn = await all.evaluateAll((list) => list.map((a) => getComputedStyle(a).contentVisibility));
  assert.deepEqual([...new Set(drawn)], ['visible'], 'every remark is drawn in print');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a search draws the remarks it brings on screen in the very first frame', async () => {
  const page = await open();
  const found = await searchFirstFrame(page, 'ログ');
  assert.ok(found.length > 0, 'the results reach the screen');
  assert.deepEqual(found.filter(([, drawn]) => !drawn), [], 'no result on screen is blank');
  await screenshot(page, 'long-search', { fullPage: false });

  // Cleared from the last result, far down: the remarks that come back around it.
  await page.locator('[data-section]:not([hidden]) > article[data-speaker]:not([hidden])').last().scrollIntoViewIfNeeded();
  await nextFrames(page);
  const back = await searchFirstFrame(page, '');
  assert.ok(back.length > 0);
  assert.deepEqual(back.filter(([, drawn]) => !drawn), [], 'no remark on screen is blank');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a permalink to a remark near the end opens at that remark, drawn', async () => {
  const speeches = speechesOf(site.minutes);
  const far = speeches[speeches.length - 3];
  const page = await open(`#${far.id}`);
  const target = page.locator(`#${far.id}`);
  // Held while the remarks around it are drawn: give it the frames it takes.
  await page.waitForTimeout(1500);
  const top = await target.evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 80, `the remark is at the top of the screen (${top} px)`);
  assert.equal(await target.locator('[data-paragraph] p').first().evaluate((p) => p.checkVisibility({ contentVisibilityAuto: true })), true);
  await screenshot(page, 'long-permalink', { fullPage: false });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a contents link to a remark near the end lands on it', async () => {
  const speeches = speechesOf(site.minutes);
  const far = speeches[speeches.length - 4];
  const page = await open();
  await page.locator(`[data-toc] a[href="#${far.id}"]`).click();
  // The browser jumps to where the estimates put it; its scroll anchoring keeps the
  // remark in place while the remarks around it are drawn (the app does not hold it).
  await page.waitForTimeout(1500);
  const top = await page.locator(`#${far.id}`).evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 80, `the remark is at the top of the screen (${top} px)`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the paragraph copy pair in the margin of a long page can be reached and clicked", async () => {
  const speeches = speechesOf(site.minutes);
  const speech = speeches[speeches.length - 5];
  const paragraph = speech.paragraphs[0];
  const page = await open(`#${paragraph.id}`, { ...WIDE, permissions: ['clipboard-read', 'clipboard-write'] });
  await page.waitForTimeout(1500);
  const el = page.locator(`[data-paragraph="${paragraph.id}"]`);
  await el.hover();
  const button = el.getByRole('button', { name: 'リンク', exact: true });
  const [from, to] = [await el.boundingBox(), await button.boundingBox()];
  assert.ok(to.x >= from.x + from.width, 'the pair sits in the margin');
  await crossAndClick(page, el, button);
  await el.getByText('リンクをコピーしました').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.meeting}r/${paragraph.id}/`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
