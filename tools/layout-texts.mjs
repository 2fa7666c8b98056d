// (Re)generates the text of every layout fixture, crates/minutes-core/tests/layouts/NAME.txt,
// from NAME.html: prints the page with headless Chromium (the flags tools/test-pdfs.mjs uses)
// to a temporary PDF, then writes what `pdftotext -layout NAME.pdf -` prints, with its form
// feeds and page numbers. Needs chromium, poppler-utils and fonts-noto-cjk.
//
//   node tools/layout-texts.mjs [NAME ...]      (default: every NAME.html)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAYOUT_DIR as DIR, layoutNames, printToPdf } from './lib/print.mjs';


const names = process.argv.length > 2
  ? process.argv.slice(2)
  : layoutNames();
const tmp = mkdtempSync(join(tmpdir(), 'layout-texts-'));
try {
  for (const name of names) {
    const pdf = join(tmp, `${name}.pdf`);
    printToPdf(join(DIR, `${name}.html`), pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    writeFileSync(join(DIR, `${name}.txt`), text);
    console.log(`${name}.txt: ${text.split('\f').length - 1} pages`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
