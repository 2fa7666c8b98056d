// Several bodies on one site, as a reader uses it: the seed and two meetings generated
// from it (サイバーセキュリティ戦略本部, `cshq`), three meetings of the 基本計画検討委員会
// (`ispc-kihon`) and two of the 2025 本部 (`cshq-2025`), those converted by the `minutes`
// CLI from the layout fixtures (crates/minutes-core/tests/layouts/) and renumbered. The
// root, each body's index and numbering, a meeting's body and neighbours, a person in
// several bodies, the series search with and without a body filter, old links, keeping
// one body offline, both languages, and axe on every new page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, appReady as ready, axeViolations as axe, minutesData, newPage, screenshot, useGeneratedSite, visitControlled } from './lib/harness.mjs';
import { renumbered, seriesFrom } from '../tools/lib/series.mjs';

const LAYOUTS = join(ROOT, 'crates', 'minutes-core', 'tests', 'layouts');

/** The minutes the converter makes of a layout fixture's text; it must convert cleanly. */
function converted(name) {
  const out = execFileSync('cargo', ['run', '--quiet', '-p', 'minutes-cli', '--bin', 'minutes', '--', join(LAYOUTS, `${name}.txt`)], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out);
}

const BODIES = JSON.parse(await readFile(join(ROOT, 'data', 'bodies.json'), 'utf8')).bodies;

const site = useGeneratedSite('e2e-bodies', async () => {
  const kihon = converted('ispc-kihon-013');
  const hq2025 = converted('cshq-2025-001');
  return [
    ...seriesFrom(await minutesData(), 3),
    kihon,
    renumbered(kihon, 'ispc-kihon', 14, 1),
    renumbered(kihon, 'ispc-kihon', 15, 2),
    hq2025,
    renumbered(hq2025, 'cshq-2025', 2, 1),
  ];
});

async function open(path, options = {}) {
  const page = await newPage(site.browser, { viewport: { width: 1280, height: 900 }, ...options });
  await page.goto(site.server.url + path);
  await ready(page);
  return page;
}

const ofBody = (slug) => site.meetings.filter((m) => m.id.startsWith(`${slug}-`) && /^\d+$/.test(m.id.slice(slug.length + 1)));
const body = (slug) => BODIES.find((b) => b.slug === slug);
const SLUGS = ['ispc-kihon', 'cshq', 'cshq-2025'];

test('the root lists each body with its years, meetings, latest meeting, predecessor and successor', async () => {
  for (const [width, name] of [[1440, 'desktop'], [390, 'phone']]) {
    const page = await open('', { viewport: { width, height: 900 } });
    const listed = await page.locator('a[data-body]').evaluateAll((as) => as.map((a) => a.dataset.body));
    // Each body's own name link first in its item, in the bodies' file's order; later links are
    // predecessors and successors.
    const items = await page.locator('[data-body-item]').evaluateAll((els) => els.map((e) => e.dataset.bodyItem));
    assert.deepEqual(items, SLUGS);
    for (const slug of SLUGS) assert.ok(listed.includes(slug), slug);
    for (const slug of SLUGS) {
      const item = page.locator(`[data-body-item="${slug}"]`);
      const meetings = ofBody(slug);
      const b = body(slug);
      const text = await item.innerText();
      assert.ok(text.includes(b.name), `${slug}: its name`);
      assert.ok(text.includes(b.from.slice(0, 4)), `${slug}: its years`);
      assert.equal(Number(await item.locator('[data-body-meetings]').getAttribute('data-body-meetings')), meetings.length);
      const latest = meetings.reduce((a, m) => (m.date.date > a.date.date ? m : a));
      assert.equal(await item.locator('a[data-meeting]').getAttribute('data-meeting'), latest.id, `${slug}: latest`);
      assert.equal(await item.locator(`a[data-body="${slug}"]`).getAttribute('href'), `bodies/${slug}/`);
    }
    // The 2015 本部 names its predecessor (no meetings here: a name, not a link) and its
    // successor (linked).
    const hq = page.locator('[data-body-item="cshq"]');
    assert.equal(await hq.locator('[data-body-name="ispc"]').count(), 1);
    assert.equal(await hq.locator('a[data-body="cshq-2025"]').getAttribute('href'), 'bodies/cshq-2025/');
    assert.equal(await page.locator('[data-body-item="cshq-2025"] a[data-body="cshq"]').count(), 1, 'the 2025 本部 links its predecessor');
    await screenshot(page, `bodies-root-${name}`, { fullPage: true });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('a body\'s index lists its own meetings newest first, numbered in its own series', async () => {
  for (const slug of SLUGS) {
    const page = await open(`bodies/${slug}/`);
    const meetings = ofBody(slug).sort((a, b) => b.date.date.localeCompare(a.date.date));
    const items = await page.locator('[data-meeting-item]').evaluateAll((els) => els.map((e) => [e.dataset.meetingItem, e.dataset.body]));
    assert.deepEqual(items, meetings.map((m) => [m.id, slug]), slug);
    const numbers = await page.locator('.meeting-item__number').allInnerTexts();
    assert.deepEqual(numbers, meetings.map((m) => `第${m.meeting_number}回`), `${slug}: its own numbering`);
    assert.match(await page.locator('.meeting-header__body').innerText(), new RegExp(body(slug).name.replace(/\s/g, '\\s')));
    assert.equal(await page.locator('[data-index-link]').getAttribute('href'), '../../', 'back to the bodies');
    if (slug === 'cshq-2025') {
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'bodies-index-390');
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test('a meeting names its body and its previous and next links stay within it', async () => {
  const page = await open('cshq-2025-001/');
  const link = page.locator('.meeting-header__body a[data-body="cshq-2025"]');
  assert.equal(await link.getAttribute('href'), '../bodies/cshq-2025/');
  assert.match(await page.locator('.meeting-header__body').innerText(), /2025–/);
  assert.equal(await page.locator('[data-neighbour="prev"]').count(), 0, 'the 2025 本部 starts at its 第1回');
  assert.equal(await page.locator('[data-neighbour="next"]').getAttribute('href'), '../cshq-2025-002/');
  assert.equal(await page.locator('[data-index-link]').getAttribute('href'), '../bodies/cshq-2025/');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'bodies-meeting-390');
  await page.goto(`${site.server.url}cshq-003/`);
  await ready(page);
  assert.equal(await page.locator('[data-neighbour="next"]').count(), 0, 'no link across bodies');
  assert.equal(await page.locator('[data-neighbour="prev"]').getAttribute('href'), '../cshq-002/');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a person in several bodies: roles grouped by body, remarks in each, years across them', async () => {
  const page = await open('people/maeda-masahide/');
  const roles = await page.locator('[data-person-role]').evaluateAll((els) => els.map((e) => e.dataset.body));
  assert.deepEqual([...new Set(roles)], ['ispc-kihon', 'cshq']);
  // Each role's meetings are its body's, dated.
  const kihon = page.locator('[data-person-body="ispc-kihon"]');
  assert.ok((await kihon.innerText()).includes(body('ispc-kihon').name));
  const runs = await kihon.locator('[data-meeting-link]').evaluateAll((as) => as.map((a) => a.dataset.meetingLink));
  assert.deepEqual(runs, ['ispc-kihon-013', 'ispc-kihon-015'], 'one run, 第13回 to 第15回');
  const remarks = await page.locator('[data-person-remark]').evaluateAll((els) => els.map((e) => e.dataset.meeting));
  assert.ok(remarks.includes('ispc-kihon-013') && remarks.includes('cshq-001'), remarks.join());
  assert.ok((await page.locator('[data-person-remark][data-meeting="ispc-kihon-014"] [data-remark-body="ispc-kihon"]').count()) === 1, 'a remark names its body');
  // Remarks per year run from the 委員会's 2008 to the 本部's 2015.
  const years = await page.locator('[data-stats-table="years"] tbody th').allInnerTexts();
  assert.equal(years[0], '2008');
  assert.equal(years.at(-1), '2015');
  await screenshot(page, 'bodies-person-1440');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** The series search's result groups, all of them (さらに古い会合を表示 until none is left): [meeting, body]. */
async function groups(page) {
  await page.locator('[data-series-status="done"]').waitFor({ timeout: 15000 });
  for (let more = page.locator('[data-series-more]'); await more.count(); ) {
    const before = await page.locator('[data-series-group]').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-series-group]').length > n || !document.querySelector('[data-series-more]'), before);
  }
  return page.locator('[data-series-group]').evaluateAll((els) => els.map((e) => [e.dataset.seriesGroup, e.dataset.body]));
}

test('the series search covers every body, and narrows to the bodies ticked; the address holds them', async () => {
  const page = await open('');
  await page.locator('#series-search-input').fill('人材');
  const all = await groups(page);
  for (const slug of SLUGS) assert.ok(all.some(([, b]) => b === slug), `${slug} found`);
  // Each group says its body.
  assert.ok((await page.locator('[data-series-group][data-body="ispc-kihon"] .series-group__body').first().innerText()).includes('基本計画検討委員会'));
  await page.locator('input[name="body"][value="ispc-kihon"]').check();
  await page.waitForURL((u) => u.searchParams.getAll('body').join() === 'ispc-kihon');
  await page.locator('[data-series-status="done"]').waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-series-group]')].every((g) => g.dataset.body === 'ispc-kihon'));
  const kihon = await groups(page);
  assert.deepEqual(kihon.map(([id]) => id), ['ispc-kihon-015', 'ispc-kihon-014', 'ispc-kihon-013']);
  await page.locator('input[name="body"][value="cshq-2025"]').check();
  await page.waitForURL((u) => u.searchParams.getAll('body').join() === 'cshq-2025,ispc-kihon');
  await screenshot(page, 'bodies-search-1440');
  await page.context().close();
  // A link with two bodies opens with both ticked and only their meetings.
  const linked = await open('?scope=series&q=%E4%BA%BA%E6%9D%90&body=cshq-2025&body=ispc-kihon');
  const found = await groups(linked);
  assert.deepEqual([...new Set(found.map(([, b]) => b))].sort(), ['cshq-2025', 'ispc-kihon']);
  assert.equal(await linked.locator('input[name="body"]:checked').count(), 2);
  // A body's index links to the search narrowed to it.
  await linked.goto(`${site.server.url}bodies/cshq/`);
  await ready(linked);
  await linked.locator('[data-body-search]').click();
  await linked.waitForURL((u) => u.searchParams.get('body') === 'cshq');
  await ready(linked);
  assert.equal(await linked.locator('input[name="body"][value="cshq"]').isChecked(), true);
  assert.deepEqual(linked.errors, []);
  await linked.context().close();
});

test('links shared before there were several bodies still land where they did', async () => {
  for (const [old, path] of [
    ['?speaker=murai-jun', '/cshq-001/?speaker=murai-jun'],
    ['#sec-2-murai-jun-p3', '/cshq-001/#sec-2-murai-jun-p3'],
  ]) {
    const page = await open(old);
    await page.waitForURL((u) => u.pathname === '/cshq-001/');
    const u = new URL(page.url());
    assert.equal(u.pathname + u.search + u.hash, path);
    await page.context().close();
  }
  // The old series search (no body) searches every body; meeting and share pages stay.
  const search = await open('?scope=series&q=%E4%BA%BA%E6%9D%90');
  assert.ok((await groups(search)).length >= 3);
  await search.goto(`${site.server.url}cshq-001/?q=%E4%BA%BA%E6%9D%90`);
  await ready(search);
  assert.equal(await search.locator('h1').innerText(), '第1回会合 議事概要');
  const share = await search.request.get(`${site.server.url}cshq-001/r/sec-2-murai-jun/`);
  assert.equal(share.status(), 200);
  assert.deepEqual(search.errors, []);
  await search.context().close();
});

test('both languages: the bodies by their English names, the filter and the person page', async () => {
  const page = await open('?lang=en');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.locator('a[data-body="cshq-2025"]').first().innerText(), body('cshq-2025').name_en);
  assert.match(await page.locator('h1').innerText(), /Bodies/);
  assert.match(await page.locator('[data-series-filter="body"] legend').innerText(), /Bodies/);
  await page.goto(`${site.server.url}people/murai-jun/?lang=en`);
  await ready(page);
  assert.ok((await page.locator('[data-person-body="cshq-2025"]').innerText()).includes(body('cshq-2025').name_en));
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'bodies-person-en-390');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

for (const lang of ['ja', 'en']) for (const [width, device] of [[1440, 'desktop'], [390, 'phone']]) {
  test(`axe: the root, a search with a body filter, a body's index, a meeting and a person in several bodies, ${lang}, ${device}`, async () => {
    const suffix = lang === 'en' ? 'lang=en' : '';
    const q = (s) => (suffix ? (s.includes('?') ? `${s}&${suffix}` : `${s}?${suffix}`) : s);
    for (const path of [q(''), q('?scope=series&q=%E4%BA%BA%E6%9D%90&body=cshq'), q('bodies/ispc-kihon/'), q('cshq-2025-001/'), q('people/murai-jun/')]) {
      const page = await open(path, { viewport: { width, height: 800 }, bypassCSP: true, hasTouch: width === 390 });
      if (path.includes('q=')) await page.locator('[data-series-status="done"]').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      assert.deepEqual(await axe(page), [], `${path} at ${width}px`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });
}

const visit = (page, path) => visitControlled(page, site.server.url + path);

test('offline: one body kept says its size and keeps its meetings and what all share, not other bodies\'', async () => {
  const offline = JSON.parse(await readFile(join(site.built.site, 'offline.json'), 'utf8'));
  const sum = (files) => files.reduce((n, f) => n + f.bytes, 0);
  const page = await newPage(site.browser, { viewport: { width: 390, height: 844 } });
  // The root offers everything, a body's index that body.
  await visit(page, '');
  const all = Number(await page.locator('[data-keep-offline]').getAttribute('data-bytes'));
  assert.equal(all, sum(offline.files) - offline.files.find((f) => f.url === './').bytes, 'everything, but the root');
  await visit(page, 'bodies/cshq-2025/');
  const button = page.locator('[data-keep-offline="cshq-2025"]');
  // The body's files and the shared ones (not the root), but this page, which the reader has.
  const kept = offline.files.filter((f) => (f.body ? f.body === 'cshq-2025' : !f.home));
  assert.ok(kept.some((f) => f.url === 'people/murai-jun/') && !kept.some((f) => f.url === './'));
  const here = offline.files.find((f) => f.url === 'bodies/cshq-2025/').bytes;
  assert.equal(Number(await button.getAttribute('data-bytes')), sum(kept) - here, 'what it will download');
  assert.match(await button.innerText(), /この会議体の会合をオフライン用に保存（[\d.]+ (MB|KB)）/);
  await button.click();
  await page.locator('[data-keep-status="done"]').waitFor({ timeout: 30000 });
  await screenshot(page, 'bodies-keep-offline-390');
  await page.context().setOffline(true);
  for (const m of ofBody('cshq-2025')) {
    await page.goto(`${site.server.url}${m.id}/`);
    await ready(page);
    assert.equal(await page.locator('h1').innerText(), m.title, m.id);
  }
  await page.goto(`${site.server.url}people/murai-jun/`);
  await ready(page);
  // Another body's meeting was never opened nor kept.
  await page.goto(`${site.server.url}ispc-kihon-014/`);
  assert.equal(await page.locator('body[data-offline-missing]').count(), 1, 'another body is not kept');
  await page.context().close();
});
