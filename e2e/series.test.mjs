// The series as a reader uses it: a site of the seed and seven meetings generated from it
// (tools/lib/series.mjs; meeting 7 held by written procedure, 3 and 6 without 村井), served
// as static files. The index, search across meetings, a person's page, links made when the
// site was one meeting, both languages, axe, and offline for two meetings and for the
// whole series.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appReady as ready, axeViolations as axe, minutesData, newPage, screenshot, useGeneratedSite, visitControlled } from './lib/harness.mjs';
import { seriesFrom } from '../tools/lib/series.mjs';

const site = useGeneratedSite('e2e-series', async () => seriesFrom(await minutesData(), 8));

async function open(path, options = {}) {
  const page = await newPage(site.browser, { viewport: { width: 1280, height: 900 }, ...options });
  await page.goto(site.server.url + path);
  await ready(page);
  return page;
}

const speeches = (m) => m.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'speech'));
const paragraphs = (m) => m.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'speech' ? b.paragraphs : b.type === 'narrative' ? [b] : [])));
const fold = (s) => s.normalize('NFKC').toLowerCase().replace(/\s/g, '');

/** Type into the series search and wait for its results. */
async function seriesSearch(page, q) {
  await page.locator('#series-search-input').fill(q);
  await page.locator('[data-series-status="done"]').waitFor({ timeout: 10000 });
  return page.locator('[data-series-result]').evaluateAll((els) => els.map((e) => `${e.dataset.meeting}#${e.dataset.paragraph}`));
}

test('the index lists every meeting newest first, with kind, remarks, speakers and topics', async () => {
  const page = await open('');
  const listed = await page.locator('a[data-meeting]').evaluateAll((as) => as.map((a) => a.dataset.meeting));
  assert.deepEqual(listed, site.meetings.map((m) => m.id).reverse());
  for (const m of site.meetings) {
    const item = page.locator(`[data-meeting-item="${m.id}"]`);
    assert.equal(Number(await item.locator('[data-remarks]').getAttribute('data-remarks')), speeches(m).length, m.id);
    const written = m.title.includes('持ち回り');
    assert.equal(await item.getAttribute('data-written'), written ? '' : null, m.id);
    assert.match(await item.innerText(), written ? /持ち回り開催/ : /会合/);
    const speakers = await item.locator('a[data-person]').evaluateAll((as) => as.map((a) => a.dataset.person));
    assert.deepEqual(speakers, [...new Set(speeches(m).map((s) => s.speaker))], m.id);
  }
  assert.match(await page.locator('[data-meeting-item="cshq-001"] time').innerText(), /平成27年（2015年）2月10日/);
  await screenshot(page, 'series-index-1440');
  await page.locator('a[data-meeting="cshq-002"]').click();
  await ready(page);
  assert.equal(new URL(page.url()).pathname, '/cshq-002/');
  assert.equal(await page.locator('a[data-neighbour="prev"]').getAttribute('href'), '../cshq-001/');
  assert.equal(await page.locator('a[data-neighbour="next"]').getAttribute('href'), '../cshq-003/');
  await page.locator('a[data-index-link]').click();
  await ready(page);
  assert.equal(new URL(page.url()).pathname, '/');
  assert.deepEqual(page.errors, []);
});

test('series search: IoT, ＩｏＴ and "I o T" find the same paragraphs, grouped newest first, linked to their permalinks', async () => {
  const page = await open('');
  const results = [];
  // Quoted, "I o T" is one phrase, as the PDF's artefact prints IoT (unquoted, three words).
  for (const q of ['IoT', 'ＩｏＴ', '"I o T"']) results.push(await seriesSearch(page, q));
  assert.ok(results[0].length > 0);
  assert.deepEqual(results[1], results[0]);
  assert.deepEqual(results[2], results[0]);
  // The first step shows the newest five meetings that match, each counted.
  const expected = site.meetings.slice().reverse()
    .map((m) => [m.id, paragraphs(m).filter((p) => p.search.includes('iot')).map((p) => p.id)])
    .filter(([, ps]) => ps.length > 0);
  const groups = await page.locator('[data-series-group]').evaluateAll((gs) => gs.map((g) => g.dataset.seriesGroup));
  assert.deepEqual(groups, expected.slice(0, 5).map(([id]) => id));
  assert.deepEqual(results[0], expected.slice(0, 5).flatMap(([id, ps]) => ps.map((p) => `${id}#${p}`)));
  const counts = await page.locator('[data-series-count]').evaluateAll((cs) => cs.map((c) => Number(c.dataset.seriesCount)));
  assert.deepEqual(counts, expected.slice(0, 5).map(([, ps]) => ps.length));
  assert.ok(await page.locator('[data-series-result] mark').count() > 0, 'the words are highlighted');
  await page.locator('[data-series-more]').click();
  await page.locator(`[data-series-group="${expected[5][0]}"]`).waitFor();
  assert.equal(await page.locator('[data-series-group]').count(), expected.length);
  assert.match(new URL(page.url()).search, /^\?scope=series&q=%22I%20o%20T%22$/);
  await screenshot(page, 'series-search-1440');

  // A result opens its paragraph in its meeting, targeted.
  const [meeting, paragraph] = results[0][0].split('#');
  await page.locator(`[data-series-result][data-paragraph="${paragraph}"][data-meeting="${meeting}"] a`).click();
  await ready(page);
  assert.equal(new URL(page.url()).pathname, `/${meeting}/`);
  assert.equal(new URL(page.url()).hash, `#${paragraph}`);
  await page.waitForFunction((id) => {
    const r = document.getElementById(id)?.getBoundingClientRect();
    return r && r.top >= 0 && r.top < innerHeight;
  }, paragraph);
  assert.deepEqual(page.errors, []);
});

test('series search with several words: speech by speech, with OR and exclusions, and on into the meeting', async () => {
  const page = await open('');
  // What a query finds in a meeting, by brute force: the speeches holding every required
  // word (one of each OR) and no excluded one; their paragraphs that hold a required word.
  const expected = (required, excluded) => site.meetings.slice().reverse().map((m) => [m.id, speeches(m).flatMap((s) => {
    const has = (w) => s.paragraphs.some((p) => p.search.includes(fold(w)));
    if (!required.every((any) => any.some(has)) || excluded.some(has)) return [];
    return s.paragraphs.filter((p) => required.flat().some((w) => p.search.includes(fold(w)))).map((p) => `${m.id}#${p.id}`);
  })]).filter(([, ps]) => ps.length > 0);
  for (const [q, required, excluded] of [
    ['IoT 人材', [['IoT'], ['人材']], []],
    ['IoT -人材', [['IoT']], ['人材']],
    ['人材 OR 監視 -IoT', [['人材', '監視']], ['IoT']],
  ]) {
    const want = expected(required, excluded);
    assert.ok(want.length > 0, q);
    const got = await seriesSearch(page, q);
    assert.deepEqual(got, want.slice(0, 5).flatMap(([, ps]) => ps), q);
    const marks = (await page.locator('[data-series-result] mark').allInnerTexts()).map(fold);
    assert.ok(marks.length > 0 && marks.every((m) => required.flat().some((w) => m.includes(fold(w)))), `${q}: ${marks.join('|')}`);
  }
  await seriesSearch(page, 'IoT 人材');
  assert.equal(new URL(page.url()).search, '?scope=series&q=IoT%20%E4%BA%BA%E6%9D%90');
  await screenshot(page, 'series-search-two-words-1440');
  // A result opens its meeting with the same words searched.
  const first = page.locator('[data-series-result] a').first();
  await first.click();
  await ready(page);
  assert.equal(new URL(page.url()).searchParams.get('q'), 'IoT 人材');
  assert.ok(await page.locator('.paragraph[data-matched] mark[data-hit]').count() > 0);
  assert.deepEqual(page.errors, []);
});

test('series search by name, speaker, topic and years; the address holds it all', async () => {
  const page = await open('');
  const byReading = await seriesSearch(page, 'むらい');
  const muraiParagraphs = site.meetings.slice().reverse().flatMap((m) => speeches(m)
    .filter((s) => s.speaker === 'murai-jun').flatMap((s) => s.paragraphs.map((p) => `${m.id}#${p.id}`)));
  assert.ok(byReading.length > 0);
  assert.ok(byReading.every((r) => muraiParagraphs.includes(r)), byReading.join(' '));
  assert.deepEqual(await seriesSearch(page, 'Murai'), byReading);

  await page.locator('#series-search-input').fill('');
  await page.locator('[data-series-filter="speaker"]').selectOption('murai-jun');
  await page.locator('[data-series-filter="from"]').selectOption('2016');
  await page.waitForURL(/from=2016/);
  await page.locator('[data-series-status="done"]').waitFor();
  const url = new URL(page.url());
  assert.equal(url.search, '?scope=series&speaker=murai-jun&from=2016');
  const meetings = await page.locator('[data-series-group]').evaluateAll((gs) => gs.map((g) => g.dataset.seriesGroup));
  const want = site.meetings.filter((m) => m.date.date >= '2016' && speeches(m).some((s) => s.speaker === 'murai-jun')).map((m) => m.id).reverse();
  assert.deepEqual(meetings, want.slice(0, 5));

  // The same address, opened anew, gives the same results.
  const again = await open(url.search);
  await again.locator('[data-series-status="done"]').waitFor();
  assert.deepEqual(await again.locator('[data-series-group]').evaluateAll((gs) => gs.map((g) => g.dataset.seriesGroup)), meetings);
  assert.equal(await again.locator('[data-series-filter="speaker"]').inputValue(), 'murai-jun');

  const topic = await open('?scope=series&topic=iot&to=2015');
  await topic.locator('[data-series-status="done"]').waitFor();
  const topicHits = await topic.locator('[data-series-result]').evaluateAll((els) => els.map((e) => `${e.dataset.meeting}#${e.dataset.paragraph}`));
  const wantTopic = site.meetings.filter((m) => m.date.date < '2016').reverse()
    .flatMap((m) => paragraphs(m).filter((p) => p.topics.some((t) => t.topic === 'iot')).map((p) => `${m.id}#${p.id}`));
  assert.deepEqual(topicHits, wantTopic);
  const none = await seriesSearch(topic, 'zzzzqq');
  assert.deepEqual(none, []);
  assert.match(await topic.locator('[data-series-summary]').innerText(), /該当する発言はありません/);
  for (const p of [page, again, topic]) assert.deepEqual(p.errors, []);
});

test('a person\'s page: roles with their meetings, every remark with its meeting and permalink, topics and years', async () => {
  const page = await open('people/murai-jun/');
  const remarks = await page.locator('[data-person-remark]').evaluateAll((els) => els.map((e) => `${e.dataset.meeting}#${e.dataset.personRemark}`));
  const want = site.meetings.flatMap((m) => speeches(m).filter((s) => s.speaker === 'murai-jun').map((s) => `${m.id}#${s.id}`));
  assert.deepEqual(remarks, want);
  const attended = site.meetings.filter((m) => m.attendees.some((a) => a.id === 'murai-jun'));
  assert.match(await page.locator('[data-person-roles]').innerText(), new RegExp(`出席した会合（${attended.length}回）`));
  assert.equal(await page.locator('[data-stats-table="years"] tbody tr').count(), 2, '2015 and 2016');
  assert.ok(await page.locator('[data-stats-table="person-topics"] tbody tr').count() > 0);
  await screenshot(page, 'person-1440');
  const [meeting, speech] = want.at(-1).split('#');
  await page.locator(`[data-person-remark="${speech}"][data-meeting="${meeting}"] [data-remark-context] a`).click();
  await ready(page);
  assert.equal(new URL(page.url()).pathname, `/${meeting}/`);
  assert.equal(await page.locator(`#${speech}`).count(), 1);
  assert.deepEqual(page.errors, []);
});

test('a meeting page leads to its people: the attendee list and the speaker card link their pages', async () => {
  const page = await open('cshq-002/');
  const linked = await page.locator('#attendees a[data-person-link]').evaluateAll((as) => as.map((a) => [a.dataset.personLink, new URL(a.href).pathname]));
  const attendees = site.meetings[1].attendees.map((a) => a.id).filter((id) => !/^attendee-\d+$/.test(id));
  assert.deepEqual(linked.map(([id]) => id), attendees);
  for (const [id, path] of linked) assert.equal(path, `/people/${id}/`);
  await page.goto(`${site.server.url}cshq-002/?speaker=murai-jun`);
  await ready(page);
  await page.locator('[data-speaker-card] a[data-person-link="murai-jun"]').click();
  await ready(page);
  assert.equal(new URL(page.url()).pathname, '/people/murai-jun/');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('links made when the site was one meeting land where they did', async () => {
  for (const [old, path] of [
    ['?speaker=murai-jun', '/cshq-001/?speaker=murai-jun'],
    ['?q=%E3%83%AD%E3%82%B0', '/cshq-001/?q=%E3%83%AD%E3%82%B0'],
    ['#sec-2-murai-jun-p3', '/cshq-001/#sec-2-murai-jun-p3'],
    ['?topic=iot#sec-2-onodera-tadashi', '/cshq-001/?topic=iot#sec-2-onodera-tadashi'],
  ]) {
    const page = await open(old);
    await page.waitForURL((u) => u.pathname === '/cshq-001/');
    await ready(page);
    const u = new URL(page.url());
    assert.equal(u.pathname + u.search + u.hash, path);
    if (u.hash) {
      const id = u.hash.slice(1);
      await page.waitForFunction((id) => {
        const r = document.getElementById(id)?.getBoundingClientRect();
        return r && r.top >= 0 && r.top < innerHeight;
      }, id);
    }
    assert.equal(await page.locator('[data-notice]').count(), 0, `${old}: no notice`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
  // The index's own addresses stay.
  const own = await open('?lang=en');
  assert.equal(new URL(own.url()).pathname, '/');
});

test('the language switch on the index and a person\'s page, remembered across pages', async () => {
  const page = await open('');
  await page.locator('button[data-lang="en"]').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.locator('h1').innerText(), 'Meetings and minutes');
  assert.match(await page.locator('[data-meeting-item="cshq-001"] time').innerText(), /10 February 2015/);
  assert.match(await page.locator('[data-meeting-item="cshq-007"]').innerText(), /By written procedure/);
  await screenshot(page, 'series-index-en-390', { fullPage: false });
  await page.goto(`${site.server.url}people/murai-jun/`);
  await ready(page);
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await page.locator('h1').innerText(), /Murai Jun/);
  assert.match(await page.locator('#roles-heading').innerText(), /Roles and offices/);
  await page.locator('button[data-lang="ja"]').click();
  await page.waitForFunction(() => document.documentElement.lang === 'ja');
  assert.match(await page.locator('#roles-heading').innerText(), /役職・所属/);
  assert.deepEqual(page.errors, []);
});

for (const lang of ['ja', 'en']) for (const [width, device] of [[1440, 'desktop'], [390, 'phone']]) {
  test(`axe: the index, a search, and a person's page, ${lang}, ${device}`, async () => {
    const suffix = lang === 'en' ? 'lang=en' : '';
    for (const path of [suffix ? `?${suffix}` : '', `?scope=series&q=IoT${suffix ? `&${suffix}` : ''}`, `people/murai-jun/${suffix ? `?${suffix}` : ''}`]) {
      const page = await open(path, { viewport: { width, height: 800 }, bypassCSP: true });
      if (path.includes('q=')) await page.locator('[data-series-status="done"]').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      assert.deepEqual(await axe(page), [], `${path} at ${width}px`);
      if (width === 390) await screenshot(page, `series-${device}-${lang}-${path.startsWith('people') ? 'person' : path ? 'search' : 'index'}`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });
}

const visit = (page, path) => visitControlled(page, site.server.url + path);

test('offline: the index and the two meetings visited open; one never opened says so and lists what is kept', async () => {
  const page = await newPage(site.browser);
  await visit(page, 'cshq-002/');
  await visit(page, 'cshq-005/');
  await page.context().setOffline(true);
  await page.goto(site.server.url);
  assert.equal(await page.locator('body[data-offline-missing]').count(), 1, 'the index was not opened: not kept');
  const kept = await page.locator('a[data-kept-page]').evaluateAll((as) => as.map((a) => [new URL(a.href).pathname, a.textContent]));
  assert.deepEqual(
    kept.map(([path]) => path).sort(),
    ['/cshq-002/', '/cshq-005/'],
    'it lists the pages kept',
  );
  assert.match(kept[0][1], /第\d+回会合/, 'by their titles');
  // The page that says so is a 503, which the console reports: expected here.
  page.errors.length = 0;
  await page.context().setOffline(false);
  await visit(page, '');
  await page.context().setOffline(true);
  for (const path of ['', 'cshq-002/', 'cshq-005/?speaker=murai-jun']) {
    await page.goto(site.server.url + path);
    await ready(page);
  }
  assert.equal(await page.locator('article[data-speaker="murai-jun"]:not([hidden])').count() > 0, true);
  assert.deepEqual(page.errors, []);
  await page.goto(`${site.server.url}cshq-004/`);
  assert.equal(await page.locator('body[data-offline-missing]').count(), 1, 'a page never opened says it was not kept');
  await page.getByRole('link', { name: /会合一覧/ }).click();
  await ready(page);
  assert.equal(await page.locator('a[data-meeting]').count(), site.meetings.length);
  await page.context().close();
});

test('offline: "keep the whole series" says its size, shows progress, and then every meeting and search work offline', async () => {
  const page = await newPage(site.browser, { viewport: { width: 390, height: 800 } });
  await visit(page, '');
  const button = page.locator('[data-keep-offline]');
  const offline = JSON.parse(await readFile(join(site.built.site, 'offline.json'), 'utf8'));
  const bytes = Number(await button.getAttribute('data-bytes'));
  const index = offline.files.find((f) => f.url === './').bytes;
  assert.equal(bytes, offline.files.reduce((n, f) => n + f.bytes, 0) - index, 'it says what it will store');
  assert.match(await button.innerText(), /全会合をオフライン用に保存（[\d.]+ (MB|KB)）/);
  await button.click();
  await page.locator('[data-keep-status="done"]').waitFor({ timeout: 30000 });
  await screenshot(page, 'keep-offline-390');
  await page.context().setOffline(true);
  for (const m of site.meetings) {
    await page.goto(`${site.server.url}${m.id}/`);
    await ready(page);
    assert.equal(await page.locator('h1').innerText(), m.title, m.id);
  }
  await page.goto(`${site.server.url}people/onodera-tadashi/`);
  await ready(page);
  await page.goto(site.server.url);
  await ready(page);
  assert.ok((await seriesSearch(page, 'ログ')).length > 0, 'series search offline');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
