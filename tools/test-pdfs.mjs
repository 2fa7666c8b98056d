// Makes the PDFs that the converter's PDF tests read, from the seed's committed conversion
// (data/cshq-001.json, itself the seed text converted losslessly): the minutes laid out as
// the series' originals are (A4, a header line on every page, the page number at the foot,
// the attendees in a real table), printed by headless Chromium, and the bad inputs the
// converter must refuse. Run by `./dev test` before the cargo tests:
//
//   node tools/test-pdfs.mjs [OUT_DIR]      (default: target/test-pdfs)
//
// Beside the PDFs it writes manifest.json: for each good PDF, the page on which every
// paragraph starts and ends. Those pages are read back from the printed PDF with
// `pdftotext -raw -f N -l N`, one page at a time, by finding each paragraph's first and
// last characters in order; this uses none of the converter's mending, so the tests check
// the converter against the printed pages, not against itself.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LAYOUT_DIR, layoutNames, printToPdf } from './lib/print.mjs';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(process.argv[2] ?? join(ROOT, 'target/test-pdfs'));
const minutes = JSON.parse(readFileSync(join(ROOT, 'data/minutes/cshq-001.json'), 'utf8'));

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page's style: A4, the header line and the page number in the page margins. */
function style({ pageNumber, bodySize, cut, justify }) {
  return `
  @page {
    size: A4;
    margin: 25mm 22mm 22mm 22mm;
    @top-right { content: "${esc(minutes.body)} ${esc(minutes.title)}"; font-size: 9pt; }
    @bottom-center { content: ${pageNumber}; font-size: 10pt; }
  }
  body { font-family: "Noto Serif CJK JP", serif; font-size: ${bodySize}; line-height: 1.7; margin: 0; }
  h1, .body { text-align: center; font-weight: bold; margin: 0 0 0.3em; }
  .body { font-size: 14pt; } h1 { font-size: 14pt; margin-bottom: 2em; }
  h2 { font-size: 1em; font-weight: normal; margin: 1.2em 0 0.4em; }
  h3 { font-size: 1em; font-weight: normal; margin: 1em 0 0.3em; }
  .part { margin: 0 0 0 2em; }
  p { margin: 0 0 0.6em; text-indent: 1em; ${justify ? 'text-align: justify; text-justify: inter-character;' : ''}
      ${cut ? '' : 'break-inside: avoid;'} orphans: 1; widows: 1; }
  p.speech { text-indent: 0; }
  ul.agenda { list-style: none; padding-left: 2em; margin: 0 0 0.6em; }
  table { border-collapse: collapse; margin-left: 2em; }
  td { border: 0.5pt solid #444; padding: 1pt 6pt; vertical-align: top; }
  td.name { white-space: nowrap; }
  .end { text-align: right; margin-top: 2em; text-indent: 0; }`;
}

/** The attendee table: one person a row, or two side by side, read down the left column and
 * then down the right one. Names never wrap (a printed table gives them room); roles do. */
function attendees(columns) {
  const people = minutes.attendees;
  const cells = (a) => (a ? `<td class="name">${esc(a.name)}</td><td>${esc(a.role)}</td>` : '<td></td><td></td>');
  if (columns === 1) return people.map((a) => `<tr>${cells(a)}</tr>`).join('\n');
  const half = Math.ceil(people.length / 2);
  const rows = [];
  for (let i = 0; i < half; i++) rows.push(`<tr>${cells(people[i])}${cells(people[half + i])}</tr>`);
  return rows.join('\n');
}

/** The proceedings, each paragraph a `<p>` (speech headings printed before the first). */
function proceedings() {
  const out = [];
  for (const s of minutes.sections) {
    out.push(`<h3>(${s.number}) ${esc(s.title)}</h3>`);
    s.blocks.forEach((b, k) => {
      if (b.type === 'agenda') {
        out.push(`<p class="speech">【${esc(b.heading)}】</p>`);
        out.push(`<ul class="agenda">${b.items.map((i) => `<li>・ ${esc(i.text)}</li>`).join('')}</ul>`);
      } else if (b.type === 'narrative') {
        out.push(`<p data-id="${b.id}">${esc(b.text)}</p>`);
      } else {
        // A section titled by its speech (安倍内閣総理大臣冒頭御挨拶) has no heading of its own.
        const titled = k === 0 && s.title.startsWith(b.designation);
        b.paragraphs.forEach((p, j) => {
          const heading = j === 0 && !titled ? `○（${esc(b.designation)}）` : '';
          out.push(`<p data-id="${p.id}"${heading ? ' class="speech"' : ''}>${heading}${esc(p.text)}</p>`);
        });
      }
    });
  }
  if (minutes.end_mark) out.push(`<p class="end">以上</p>`);
  return out.join('\n');
}

function html(layout) {
  const note = minutes.attendees_note ? `（${esc(minutes.attendees_note)}）` : '';
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>${style(layout)}</style></head><body>
<p class="body" style="text-indent:0">${esc(minutes.body)}</p>
<h1>${esc(minutes.title)}</h1>
<h2>1 日時</h2><div class="part">${esc(minutes.date.printed)}</div>
<h2>2 場所</h2><div class="part">${esc(minutes.place)}</div>
<h2>3 出席者${note}</h2>
<table>${attendees(layout.attendeeColumns)}</table>
<h2>4 議事概要</h2>
${proceedings()}
</body></html>`;
}

function print(htmlText, pdf) {
  const file = pdf.replace(/\.pdf$/, '.html');
  writeFileSync(file, htmlText);
  printToPdf(file, pdf);
  rmSync(file);
}

const tool = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const compact = (s) => s.replace(/\s+/g, '');

/** Every paragraph's first and last page, found in the PDF's per-page text. */
function pages(pdf) {
  const count = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [pdf]))[1]);
  const texts = [];
  const starts = [];
  for (let n = 1; n <= count; n++) {
    starts.push(texts.join('').length);
    // The body only: the header line and the page number sit in the page margins (A4 is
    // 595 × 842 pt; the margins are 25 mm ≈ 71 pt above and 22 mm ≈ 62 pt below).
    const body = ['-x', '0', '-y', '71', '-W', '595', '-H', '709'];
    texts.push(compact(tool('pdftotext', ['-raw', ...body, '-f', `${n}`, '-l', `${n}`, pdf, '-'])));
  }
  const all = texts.join('');
  const pageAt = (offset) => starts.findLastIndex((s) => s <= offset) + 1;
  const found = {};
  let cursor = 0;
  for (const s of minutes.sections) for (const b of s.blocks) {
    const paragraphs = b.type === 'narrative' ? [b] : b.type === 'speech' ? b.paragraphs : [];
    for (const p of paragraphs) {
      const text = compact(p.text);
      const head = text.slice(0, 12);
      const tail = text.slice(-12);
      const at = all.indexOf(head, cursor);
      const end = all.indexOf(tail, at + Math.max(0, text.length - 40));
      if (at < 0 || end < 0) throw new Error(`${pdf}: cannot find ${p.id} in the printed pages`);
      found[p.id] = [pageAt(at), pageAt(end + tail.length - 1)];
      cursor = end + tail.length;
    }
  }
  return { pages: count, paragraphs: found };
}

// The good PDFs: the layouts the converter must read.
const LAYOUTS = {
  // Paragraphs kept whole on their page; page numbers as `- N -`.
  'one-column': { pageNumber: '"- " counter(page) " -"', bodySize: '10.5pt', cut: false, justify: false, attendeeColumns: 1 },
  // Paragraphs run on across page breaks, justified (extraction spaces CJK apart); `N / M`.
  'page-cut': { pageNumber: 'counter(page) " / " counter(pages)', bodySize: '12pt', cut: true, justify: true, attendeeColumns: 1 },
  // Two people a row in the attendee table; bare page numbers.
  'two-column-attendees': { pageNumber: 'counter(page)', bodySize: '10.5pt', cut: true, justify: false, attendeeColumns: 2 },
};

mkdirSync(OUT, { recursive: true });
const manifest = {};
for (const [name, layout] of Object.entries(LAYOUTS)) {
  const pdf = join(OUT, `${name}.pdf`);
  print(html(layout), pdf);
  manifest[name] = pages(pdf);
}

// The bad ones. A scan: page 1 of a good PDF as a picture, with no text layer.
const png = join(OUT, 'scan-page');
tool('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', join(OUT, 'one-column.pdf'), png]);
const picture = readFileSync(`${png}.png`).toString('base64');
rmSync(`${png}.png`);
print(`<!doctype html><style>@page{size:A4;margin:0}body{margin:0}img{display:block;width:190mm;margin:10mm}</style><img src="data:image/png;base64,${picture}">`, join(OUT, 'scan.pdf'));
// Encrypted: opening it needs a password.
tool('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', join(OUT, 'one-column.pdf'), join(OUT, 'encrypted.pdf')]);
// Locked only against copying and printing, with no password to open it, as many published
// PDFs are: not refused, since reading the text needs no password.
tool('qpdf', ['--encrypt', '', 'owner-secret', '256', '--extract=n', '--print=none', '--', join(OUT, 'one-column.pdf'), join(OUT, 'copy-locked.pdf')]);
// Damaged: the first half of a good PDF, as a broken download leaves it.
const whole = readFileSync(join(OUT, 'one-column.pdf'));
writeFileSync(join(OUT, 'truncated.pdf'), whole.subarray(0, Math.floor(whole.length / 2)));
// Not minutes: a PDF with text, but not a 議事概要.
print(`<!doctype html><html lang="ja"><meta charset="utf-8"><style>body{font-family:"Noto Serif CJK JP"}</style><h1>請求書</h1><p>下記のとおり御請求申し上げます。</p><p>合計金額 12,000円</p>`, join(OUT, 'not-minutes.pdf'));

writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`test PDFs in ${OUT}: ${Object.entries(manifest).map(([n, m]) => `${n} (${m.pages} pages)`).join(', ')}, scan, encrypted, copy-locked, truncated, not-minutes`);

// The layout fixtures: every crates/minutes-core/tests/layouts/NAME.html (made-up minutes laid out
// as the series' other published layouts are) printed as it is to
// OUT/layouts/NAME.pdf. Beside each, NAME.txt is what `pdftotext -layout` prints for that PDF
// and NAME.facts.json what a correct conversion finds; tools/layout-texts.mjs regenerates the
// texts the same way.
const layoutPdfs = join(OUT, 'layouts');
mkdirSync(layoutPdfs, { recursive: true });
for (const name of layoutNames()) printToPdf(join(LAYOUT_DIR, `${name}.html`), join(layoutPdfs, `${name}.pdf`));
console.log(`layout PDFs in ${layoutPdfs}: ${layoutNames().join(', ')}`);
