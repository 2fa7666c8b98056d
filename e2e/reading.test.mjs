// The reading view, as a reader uses it: open the built site from a static server, read
// the whole meeting, jump through the contents, open a permalink, on a phone and a desktop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, newPage, waitForMeeting, screenshot, speechesOf } from './lib/harness.mjs';

const site = useSite();

test('the meeting loads with no console error and shows every speech in order', async () => {
  const page = await newPage(site.browser, { viewport: { width: 1440, height: 900 } });
  await page.goto(site.meeting);
  await waitForMeeting(page);

  const shown = await page.locator('article[data-speaker]').evaluateAll((els) =>
    els.map((el) => ({ id: el.id, speaker: el.dataset.speaker })),
  );
  const expected = speechesOf(site.minutes).map((s) => ({ id: s.id, speaker: s.speaker ?? '' }));
  assert.deepEqual(shown, expected);

  // Every paragraph's text is on the page, exactly as in the data.
  for (const speech of speechesOf(site.minutes)) {
    for (const p of speech.paragraphs) {
      assert.equal(await page.locator(`[id="${p.id}"]`).textContent(), p.text, p.id);
    }
  }

  await assert.doesNotReject(page.locator('h1').waitFor());
  assert.equal(await page.title(), `${site.minutes.body} ${site.minutes.title}`);
  assert.deepEqual(page.errors, []);
  await screenshot(page, 'reading-1440', { fullPage: false });
  await page.context().close();
});

test('the header shows the date with era and Western year, the time and the place', async () => {
  const page = await newPage(site.browser);
  await page.goto(site.meeting);
  await waitForMeeting(page);
  const header = await page.locator('header[data-meeting-header]').innerText();
  const { era, era_year: eraYear, date } = site.minutes.date;
  const [y, m, d] = date.split('-').map(Number);
  assert.ok(header.includes(`${era}${eraYear}年（${y}年）${m}月${d}日`), header);
  assert.ok(header.includes('17:00〜18:00'), header);
  assert.ok(header.includes(site.minutes.place), header);
  await page.context().close();
});

test('the attendee table lists everyone with role and group', async () => {
  const page = await newPage(site.browser);
  await page.goto(site.meeting);
  await waitForMeeting(page);
  const rows = page.getByRole('table').locator('tbody tr');
  assert.equal(await rows.count(), site.minutes.attendees.length);
  const labels = { minister: '閣僚', expert: '有識者本部員', official: '政府関係者' };
  for (const [i, a] of site.minutes.attendees.entries()) {
    const cells = await rows.nth(i).locator('th, td').allInnerTexts();
    assert.ok(cells[0].startsWith(a.name), `${cells[0]} / ${a.name}`);
    assert.ok(cells[1].startsWith(a.role), `${cells[1]} / ${a.role}`);
    assert.equal(cells[2], labels[a.group]);
  }
  await page.context().close();
});

test('the table of contents jumps to each section and speech', async () => {
  const page = await newPage(site.browser, { viewport: { width: 1440, height: 900 } });
  await page.goto(site.meeting);
  await waitForMeeting(page);
  const toc = page.getByRole('navigation', { name: '目次' });
  const last = site.minutes.sections.at(-1);
  await toc.getByRole('link', { name: new RegExp(last.title) }).click();
  await page.waitForFunction((id) => location.hash === `#${id}`, last.id);
  assert.ok(await inViewport(page, last.id), `${last.id} should be scrolled into view`);

  const speech = speechesOf(site.minutes).find((s) => s.speaker === 'murai-jun');
  await toc.getByRole('link', { name: '村井 純' }).click();
  await page.waitForFunction((id) => location.hash === `#${id}`, speech.id);
  assert.ok(await inViewport(page, speech.id));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a permalink opens on its speech even though the app draws after load', async () => {
  const speech = speechesOf(site.minutes).find((s) => s.speaker === 'yamatani-eriko');
  const paragraph = speech.paragraphs.at(-1);
  const page = await newPage(site.browser, { viewport: { width: 1440, height: 900 } });
  await page.goto(`${site.meeting}#${paragraph.id}`);
  await waitForMeeting(page);
  await page.waitForFunction((id) => {
    const r = document.getElementById(id)?.getBoundingClientRect();
    return r && r.top >= 0 && r.top < innerHeight;
  }, paragraph.id);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

for (const scheme of ['light', 'dark']) {
  test(`a 360 px phone in the ${scheme} scheme: nothing overflows sideways`, async () => {
    const page = await newPage(site.browser, {
      viewport: { width: 360, height: 780 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      colorScheme: scheme,
    });
    await page.goto(site.meeting);
    await waitForMeeting(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await screenshot(page, `reading-360-${scheme}`);
    await page.locator(`[id="${speechesOf(site.minutes)[1].id}"]`).scrollIntoViewIfNeeded();
    await screenshot(page, `reading-360-${scheme}-speech`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('on a phone the contents start folded, open with a tap and still jump', async () => {
  const page = await newPage(site.browser, { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  await page.goto(site.meeting);
  await waitForMeeting(page);
  const toc = page.getByRole('navigation', { name: '目次' });
  const link = toc.getByRole('link', { name: '村井 純' });
  assert.equal(await link.isVisible(), false, 'contents folded on a phone');
  await page.getByText('絞り込み・目次').tap();
  await link.tap();
  const speech = speechesOf(site.minutes).find((s) => s.speaker === 'murai-jun');
  await page.waitForFunction((id) => location.hash === `#${id}`, speech.id);
  assert.ok(await inViewport(page, speech.id));
  await screenshot(page, 'reading-360-permalink');
  // The sticky search bar must not cover the speech it jumped to.
  const { bar, top } = await page.evaluate((id) => ({
    bar: document.querySelector('[role="search"]').closest('aside').getBoundingClientRect().bottom,
    top: document.getElementById(id).getBoundingClientRect().top,
  }), speech.id);
  assert.ok(top >= bar - 1, `speech top ${top} is under the search bar (bottom ${bar})`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

async function inViewport(page, id) {
  return page.evaluate((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return r.top >= -1 && r.top < innerHeight;
  }, id);
}
