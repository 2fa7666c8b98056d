// Accessibility audit: axe-core on the main views, in Japanese and English, light and
// dark, desktop and phone, expecting zero violations of WCAG 2.0 to 2.2 A and AA (colour
// contrast and target size included) and of axe's best practices; on every kind of page
// (index, meeting, person, share page, 404) at 390 px with touch and at 1440 px; and on
// the copy buttons in the states only a reader's hand brings about.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useSite, newPage, waitForMeeting, ROOT } from './lib/harness.mjs';

let axeSource;

const site = useSite(async () => {
  axeSource = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
});

const VIEWS = [
  ['the whole meeting', ''],
  ['a topic filter', '?topic=iot'],
  ['a search with hits', '?q=IoT'],
  ['an empty result', '?q=zzzz'],
  ['a link with notices', '?speaker=nobody#nowhere'],
  ['a speaker view', '?speaker=murai-jun'],
];

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The violations of `TAGS` axe finds in `page`, a few nodes of each. */
async function audit(page) {
  await page.evaluate(axeSource);
  // eslint-disable-next-line no-undef
  const result = await page.evaluate((tags) => axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary.split('\n')[1] ?? ''}`),
  }));
}

/** `path` with `lang=en` added to its query string (before any fragment). */
function inEnglish(path) {
  const [rest, fragment] = path.split('#');
  const withLang = rest ? `${rest}&lang=en` : '?lang=en';
  return fragment === undefined ? withLang : `${withLang}#${fragment}`;
}

for (const lang of ['ja', 'en']) for (const scheme of ['light', 'dark']) {
  for (const [width, device] of [[1280, 'desktop'], [360, 'phone']]) {
    for (const [name, jaPath] of VIEWS) {
      const path = lang === 'en' ? inEnglish(jaPath) : jaPath;
      test(`axe: ${name}, ${lang}, ${scheme}, ${device}`, async () => {
        // axe is injected as a script; the page's CSP would rightly refuse it.
        const page = await newPage(site.browser, {
          viewport: { width, height: 800 },
          colorScheme: scheme,
          bypassCSP: true,
        });
        await page.goto(site.meeting + path);
        await waitForMeeting(page);
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        assert.deepEqual(await audit(page), []);
        await page.context().close();
      });
    }
  }
}

// The paragraphs' pair appears only under the pointer or the focus, and a button says
// what it copied for a few seconds: its name must still hold the words it shows (WCAG
// 2.5.3 Label in Name, so that "click Cite" reaches it by voice).
for (const lang of ['ja', 'en']) {
  test(`axe: the copy buttons, on a paragraph and after copying, ${lang}`, async () => {
    const page = await newPage(site.browser, {
      viewport: { width: 1280, height: 800 },
      bypassCSP: true,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.goto(site.meeting + (lang === 'en' ? '?lang=en' : ''));
    await waitForMeeting(page);
    const speech = page.locator('article[data-speaker]:has([data-paragraph])').first();
    await speech.locator('[data-paragraph]').first().hover();
    const pair = speech.locator('[data-paragraph] button[data-copy]');
    assert.equal(await pair.count(), 2);
    assert.deepEqual(await audit(page), [], 'with the paragraph pair shown');
    const copied = lang === 'en' ? ['Citation copied', 'Link copied'] : ['引用をコピーしました', 'リンクをコピーしました'];
    await pair.and(page.locator('[data-copy=citation]')).click();
    await speech.locator('header button[data-copy=link]').click();
    for (const text of copied) await speech.locator('button[data-copy]', { hasText: text }).waitFor();
    assert.deepEqual(await audit(page), [], 'with the confirmations shown');
    await page.context().close();
  });
}

// Every kind of page, as a phone (390 px, touch) and a desktop (1440 px) show it, in both
// languages; on the meeting page with a paragraph's own pair of buttons revealed as a
// reader's hand reveals it (a tap on a phone, the pointer on a desktop).
const PAGES = [
  ['the index', ''],
  ['a meeting', 'cshq-001/'],
  ['a person', 'people/murai-jun/'],
  ['a share page', 'cshq-001/r/sec-2-murai-jun-p3/'],
  ['the 404 page', '404.html'],
];
const DEVICES = [
  ['390 px, touch', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
  ['1440 px', { viewport: { width: 1440, height: 900 } }],
];
for (const lang of ['ja', 'en']) for (const [device, options] of DEVICES) {
  for (const [name, path] of PAGES) {
    test(`axe, WCAG 2.2 AA and best practice: ${name}, ${device}, ${lang}`, async () => {
      const page = await newPage(site.browser, { ...options, bypassCSP: true });
      // A share page sends a reader with JavaScript on to the meeting: it is audited as
      // its previewers and readers without JavaScript get it.
      if (path.includes('/r/')) await page.context().route('**/share.js', (route) => route.abort());
      await page.goto(`${site.server.url}${path}${lang === 'en' ? '?lang=en' : ''}`);
      if (path === 'cshq-001/') {
        await waitForMeeting(page);
        const paragraph = page.locator('article[data-speaker] [data-paragraph]').first();
        if (options.hasTouch) await paragraph.tap();
        else await paragraph.hover();
        await paragraph.locator('button[data-copy]').first().waitFor();
      } else if (!path.includes('/r/') && path !== '404.html') {
        await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
      }
      assert.deepEqual(await audit(page), []);
      await page.context().close();
    });
  }
}
