// Printing HTML to PDF with headless Chromium, as the test PDFs are made: one way, for the
// seed's layouts (tools/test-pdfs.mjs) and the layout fixtures (tools/test-pdfs.mjs,
// tools/layout-texts.mjs).
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Where the layout fixtures are: NAME.html, NAME.txt, NAME.facts.json. */
export const LAYOUT_DIR = join(ROOT, 'crates/minutes-core/tests/layouts');

/** The names of the layout fixtures, from their HTML files. */
export function layoutNames() {
  return readdirSync(LAYOUT_DIR).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -'.html'.length)).sort();
}

/** Print the HTML file `html` to `pdf` (A4 as its CSS says, no header or footer of Chromium's own). */
export function printToPdf(html, pdf) {
  execFileSync(CHROMIUM, [
    '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
    `--print-to-pdf=${pdf}`, `file://${html}`,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (!statSync(pdf).size) throw new Error(`${pdf}: Chromium printed nothing`);
}
