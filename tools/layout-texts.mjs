// (Re)generates the text of every layout fixture, crates/minutes-core/tests/layouts/NAME.txt,
// from NAME.html: prints the page with headless Chromium (the flags tools/test-pdfs.mjs uses)
// to a temporary PDF, then writes what `pdftotext -layout NAME.pdf -` prints, with its form
// feeds and page numbers. Needs chromium, poppler-utils and fonts-noto-cjk.
//
//   node tools/layout-texts.mjs [NAME ...]      (default: every NAME.html)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, 'crates/minutes-core/tests/layouts');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const names = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync(DIR).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -'.html'.length)).sort();
const tmp = mkdtempSync(join(tmpdir(), 'layout-texts-'));
try {
  for (const name of names) {
    const pdf = join(tmp, `${name}.pdf`);
    execFileSync(CHROMIUM, [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`, `file://${join(DIR, `${name}.html`)}`,
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (!statSync(pdf).size) throw new Error(`${name}: Chromium printed nothing`);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    writeFileSync(join(DIR, `${name}.txt`), text);
    console.log(`${name}.txt: ${text.split('\f').length - 1} pages`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
