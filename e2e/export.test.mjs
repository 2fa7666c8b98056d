// Export the current view: each format is downloaded as a reader would, parsed back, and
// compared with the data narrowed by the same filters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useSite, newPage, waitForMeeting, speechesOf, screenshot } from './lib/harness.mjs';

// One page for the whole file (closed with the browser): every export reads the same view.
let page;

const site = useSite(async ({ browser, server }) => {
  page = await newPage(browser, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await page.goto(`${server.url}?topic=iot`);
  await waitForMeeting(page);
});

/** Click an export button and return the downloaded file's name and text. */
async function download(ext) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`button[data-export="${ext}"]`).click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** The IoT paragraphs of the data, as the view shows them (speech paragraphs and narrative). */
const iotParagraphs = () => site.minutes.sections.flatMap((s) => s.blocks.flatMap((b) => {
  const ps = b.type === 'speech' ? b.paragraphs.map((p) => ({ ...p, speech: b })) : b.type === 'narrative' ? [b] : [];
  return ps.filter((p) => p.topics.some((t) => t.topic === 'iot'));
}));

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  return rows;
}

test('JSON export is the model narrowed to the view', async () => {
  const { name, text } = await download('json');
  assert.equal(name, 'cshq-001-filtered.json');
  const data = JSON.parse(text);
  assert.equal(data.schema_version, site.minutes.schema_version);
  assert.deepEqual(data.attendees, site.minutes.attendees);
  const ids = data.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'speech' ? b.paragraphs : b.type === 'narrative' ? [b] : []))).map((p) => p.id);
  assert.deepEqual(ids, iotParagraphs().map((p) => p.id));
});

test('CSV export: one row per paragraph with speech id, speaker, role, topics, text; BOM for spreadsheets', async () => {
  const { text } = await download('csv');
  assert.ok(text.startsWith('\ufeff'), 'UTF-8 byte-order mark');
  const [header, ...rows] = parseCsv(text.slice(1));
  assert.deepEqual(header, ['speech_id', 'paragraph_id', 'speaker_id', 'speaker', 'role', 'topics', 'text', 'pages']);
  const expected = iotParagraphs();
  assert.equal(rows.length, expected.length);
  for (const [i, p] of expected.entries()) {
    const a = site.minutes.attendees.find((x) => x.id === p.speech?.speaker);
    assert.deepEqual(rows[i], [
      p.speech?.id ?? '', p.id, p.speech?.speaker ?? '', a?.name ?? '', a?.role ?? '',
      p.topics.map((t) => t.topic).join(';'), p.text,
      // The seed has no PDF: no pages.
      p.page === undefined ? '' : p.page_end ? `${p.page}-${p.page_end}` : `${p.page}`,
    ]);
  }
});

test('Markdown export names each speaker and role and keeps the text', async () => {
  const { text } = await download('md');
  assert.ok(text.startsWith(`# ${site.minutes.body} ${site.minutes.title}`));
  for (const p of iotParagraphs()) assert.ok(text.includes(p.text), p.id);
  assert.ok(text.includes('### 村井 純（慶應義塾大学教授）'));
});

test('Akoma Ntoso export: debate → debateBody → debateSection → speech, by → TLCPerson', async () => {
  const { text } = await download('akn.xml');
  const result = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
    const ns = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';
    const people = new Set([...doc.getElementsByTagNameNS(ns, 'TLCPerson')].map((e) => e.getAttribute('eId')));
    const speeches = [...doc.getElementsByTagNameNS(ns, 'speech')].map((s) => ({
      id: s.getAttribute('eId'),
      by: s.getAttribute('by'),
      path: [s.parentElement.localName, s.parentElement.parentElement.localName, s.parentElement.parentElement.parentElement.localName],
      paragraphs: [...s.getElementsByTagNameNS(ns, 'p')].map((p) => p.getAttribute('eId')),
    }));
    return { root: doc.documentElement.localName, people: [...people], speeches };
  }, text);
  assert.equal(result.error, undefined, result.error);
  assert.equal(result.root, 'akomaNtoso');
  const expected = speechesOf(site.minutes).filter((s) => s.paragraphs.some((p) => p.topics.some((t) => t.topic === 'iot')));
  assert.deepEqual(result.speeches.map((s) => s.id), expected.map((s) => s.id));
  for (const s of result.speeches) {
    assert.deepEqual(s.path, ['debateSection', 'debateBody', 'debate']);
    assert.ok(result.people.includes(s.by.slice(1)), `${s.by} names a TLCPerson`);
  }
  assert.deepEqual(page.errors, []);
});

test('printing the view drops the tools and prints each speech\'s permalink', async () => {
  const print = await newPage(site.browser, { viewport: { width: 1280, height: 900 } });
  await print.goto(`${site.meeting}?speaker=murai-jun`);
  await waitForMeeting(print);
  await print.emulateMedia({ media: 'print' });
  assert.equal(await print.getByRole('complementary', { name: '検索と絞り込み' }).isVisible(), false, 'no search or filters on paper');
  assert.equal(await print.getByRole('button', { name: 'リンク', exact: true }).first().isVisible(), false);
  const after = await print.locator('article[data-speaker="murai-jun"] header').evaluate((h) => getComputedStyle(h, '::after').content);
  assert.equal(after, JSON.stringify(`${site.meeting}r/sec-2-murai-jun/`));
  await screenshot(print, 'print', { fullPage: false });
  const pdf = await print.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000, 'a PDF of the view is produced');
  await print.context().close();
});

test('a search of several words exports what it shows: the paragraphs that hold a word, of the speeches that hold them all', async () => {
  await page.goto(`${site.server.url}cshq-001/?q=${encodeURIComponent('IoT 人材')}`);
  await waitForMeeting(page);
  const fold = (s) => s.normalize('NFKC').toLowerCase().replace(/\s/g, '');
  const words = ['IoT', '人材'].map(fold);
  const want = speechesOf(site.minutes)
    .filter((s) => words.every((w) => s.paragraphs.some((p) => p.search.includes(w))))
    .flatMap((s) => s.paragraphs.filter((p) => words.some((w) => p.search.includes(w))))
    .map((p) => p.id);
  assert.ok(want.length > 0);
  const { text } = await download('json');
  const data = JSON.parse(text);
  const ids = data.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'speech' ? b.paragraphs : b.type === 'narrative' ? [b] : []))).map((p) => p.id);
  assert.deepEqual(ids, want);
  const shown = await page.locator('.paragraph[data-matched]').evaluateAll((ps) => ps.map((p) => p.dataset.paragraph));
  assert.deepEqual(ids, shown, 'the export is the view');
});
