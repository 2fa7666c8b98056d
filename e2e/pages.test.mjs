// Lists split over pages, as a reader of a long series meets them: the index lists 50
// meetings a page and a person's page the remarks of 20 meetings a page (crates/minutes-view/src/site.rs), so
// that no page grows with the series. A site of the seed and 55 meetings generated from it
// (tools/lib/series.mjs), served as static files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady as ready, axeViolations as axe, minutesData, newPage, screenshot, useGeneratedSite } from './lib/harness.mjs';
import { seriesFrom } from '../tools/lib/series.mjs';

const COUNT = 56;
const INDEX_PAGE = 50;
const PERSON_PAGE = 20;
const site = useGeneratedSite('e2e-pages', async () => seriesFrom(await minutesData(), COUNT));

const speeches = (m) => m.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'speech'));
const listed = (page) => page.locator('a[data-meeting]').evaluateAll((as) => as.map((a) => a.dataset.meeting));

async function open(path, options = {}) {
  const page = await newPage(site.browser, { viewport: { width: 1280, height: 900 }, ...options });
  await page.goto(site.server.url + path);
  await ready(page);
  return page;
}


test('the index: 50 meetings a page, newest first, and every meeting on exactly one page', async () => {
  const newestFirst = site.meetings.map((m) => m.id).reverse();
  const page = await open('');
  assert.deepEqual(await listed(page), newestFirst.slice(0, INDEX_PAGE));
  assert.match(await page.locator('#meetings-heading').innerText(), new RegExp(`会合一覧（${COUNT}件）（1/2ページ）`));
  assert.equal(await page.locator('[data-pager] a[data-page="1"]').getAttribute('aria-current'), 'page');
  await page.locator('[data-pager] a[data-page-step="next"]').click();
  await ready(page);
  assert.equal(new URL(page.url()).pathname, '/page/2/');
  assert.deepEqual(await listed(page), newestFirst.slice(INDEX_PAGE));
  assert.equal(await page.locator('[data-keep-offline]').count(), 0, 'offered on the first page');
  await screenshot(page, 'index-page-2-1440');
  // The search works from a later page too, with its choices over the whole series.
  const years = await page.locator('[data-series-filter="from"] option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.equal(years.at(-1), site.meetings.at(-1).date.date.slice(0, 4));
  await page.locator('#series-search-input').fill('ログ');
  await page.locator('[data-series-status="done"]').waitFor({ timeout: 10000 });
  const newestWithLog = site.meetings.filter((m) => JSON.stringify(m.sections).includes('ログ')).at(-1).id;
  assert.equal(await page.locator('[data-series-group]').first().getAttribute('data-series-group'), newestWithLog);
  assert.equal(await page.locator('#meetings').isHidden(), true, 'the results take the list\'s place');
  await page.locator('#series-search-input').fill('');
  await page.locator('#meetings').waitFor({ state: 'visible' });
  await page.locator('[data-pager] a[data-page="1"]').click();
  await ready(page);
  assert.equal(new URL(page.url()).pathname, '/');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a person\'s remarks: 20 meetings a page, oldest first, roles and topics on the first page', async () => {
  const withRemarks = site.meetings.filter((m) => speeches(m).some((s) => s.speaker === 'murai-jun'));
  const pages = Math.ceil(withRemarks.length / PERSON_PAGE);
  assert.ok(pages >= 2, 'the test needs more than one page');
  const page = await open('people/murai-jun/');
  const total = withRemarks.reduce((n, m) => n + speeches(m).filter((s) => s.speaker === 'murai-jun').length, 0);
  assert.match(await page.locator('#remarks-heading').innerText(), new RegExp(`発言（${total}件）（1/${pages}ページ）`));
  const seen = [];
  for (let n = 1; n <= pages; n += 1) {
    if (n > 1) {
      await page.locator('[data-pager] a[data-page-step="next"]').first().click();
      await ready(page);
      assert.equal(new URL(page.url()).pathname, `/people/murai-jun/${n}/`);
      assert.equal(await page.locator('[data-person-roles]').count(), 0, 'roles on the first page only');
    } else {
      assert.equal(await page.locator('[data-person-roles]').count(), 1);
    }
    const meetings = await page.locator('[data-person-remark]').evaluateAll((els) => [...new Set(els.map((e) => e.dataset.meeting))]);
    assert.deepEqual(meetings, withRemarks.slice((n - 1) * PERSON_PAGE, n * PERSON_PAGE).map((m) => m.id), `page ${n}`);
    seen.push(...meetings);
  }
  assert.deepEqual(seen, withRemarks.map((m) => m.id), 'every meeting with a remark, once');
  await screenshot(page, 'person-page-last-390');
  await page.locator('a[data-page-step="first"]').click();
  await ready(page);
  assert.equal(new URL(page.url()).pathname, '/people/murai-jun/');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

for (const [width, lang] of [[1440, 'ja'], [390, 'en']]) {
  test(`axe: later pages of the index and of a person, ${lang}, ${width} px`, async () => {
    for (const path of ['page/2/', 'people/murai-jun/2/']) {
      const page = await open(`${path}?lang=${lang}`, { viewport: { width, height: 800 }, bypassCSP: true });
      assert.deepEqual(await axe(page), [], `${path} at ${width}px`);
      if (width === 390) await screenshot(page, `pages-${path.startsWith('people') ? 'person' : 'index'}-390-${lang}`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });
}
