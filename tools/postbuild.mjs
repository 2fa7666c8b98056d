// Trunk post-build hook (Trunk.toml [[hooks]]): finishes the site in the staging folder.
//  0. The minutes: their compact text form (`minutes --compact`, the CLI beside the app)
//     in a <template id="minutes-data"> at the end of the body, where the app reads them
//     (src/data.rs): the WASM carries no copy of its own.
//  1. Pre-rendering: the reading view as the app draws it, written into index.html's body
//     with the page's title and description (tools/prerender.mjs).
//  2. Content-Security-Policy: hashes every inline script Trunk wrote (its WASM loader) and
//     puts a strict policy in a <meta> tag, so no other inline script can run.
//  3. Build version: a hash of every file, written into index.html as
//     <meta name="minutes-build"> so a page can say which build it is.
//  4. Service worker: sw.js from tools/sw.js with this build's version and the list of
//     every file in the build (taken from the folder, never kept by hand).
// Running it again on a finished folder gives the same result (it replaces, never appends).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { prerender } from './prerender.mjs';

const given = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!given) {
  console.error('postbuild: set TRUNK_STAGING_DIR or pass the site folder');
  process.exit(2);
}
const dir = resolve(given);

async function filesUnder(root) {
  const out = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(root, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'));
  }
  return out.sort();
}

const sha = (data, enc = 'base64') => createHash('sha256').update(data).digest(enc);

const indexPath = join(dir, 'index.html');
let html = await readFile(indexPath, 'utf8');
html = html
  .replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/g, '')
  .replace(/\s*<meta name="minutes-build"[^>]*>/g, '')
  .replace(/\s*<meta name="description"[^>]*>/g, '')
  .replace(/\s*<!-- prerendered -->[\s\S]*<!-- \/prerendered -->/, '')
  .replace(/\s*<template id="minutes-data">[\s\S]*?<\/template>/, '');

// The same file build.rs checks. `cargo run` builds the CLI natively on first use.
const source = resolve(process.env.TRUNK_SOURCE_DIR ?? '.');
const compact = execFileSync(
  'cargo',
  ['run', '--quiet', '-p', 'minutes-cli', '--bin', 'minutes', '--', '--compact', join(source, 'data', 'cshq-001.json')],
  { cwd: source, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'] },
);
// Template contents are parsed as HTML: escape markup, and keep CR (the parser would fold
// a raw one into LF).
const island = compact.replace(/[&<\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '\r': '&#13;' })[c]);
if (!html.includes('</body>')) {
  console.error('postbuild: index.html has no </body> to put the minutes before');
  process.exit(1);
}
html = html.replace('</body>', `<template id="minutes-data">${island}</template>\n  </body>`);

if (!html.includes('</noscript>')) {
  console.error('postbuild: index.html has no <noscript> to put the pre-rendered view after');
  process.exit(1);
}
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const view = await prerender(dir, html);
html = html
  .replace(/<title>[\s\S]*?<\/title>/, `<title>${esc(view.title)}</title>\n    <meta name="description" content="${esc(view.description)}" />`)
  .replace(/<\/noscript>/, `</noscript>\n    <!-- prerendered -->\n${view.body}\n    <!-- /prerendered -->`);

const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${inline.map((s) => `'sha256-${sha(s)}'`).join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

// The version covers every file but sw.js (which it is written into) and the meta itself.
const files = (await filesUnder(dir)).filter((f) => f !== 'sw.js');
const hash = createHash('sha256');
for (const f of files) {
  hash.update(f);
  hash.update(f === 'index.html' ? html : await readFile(join(dir, f)));
}
hash.update(csp);
const version = hash.digest('hex').slice(0, 16);

// Right after the charset, before any script the policy must govern.
const charset = /<meta charset="utf-8"\s*\/?>/i;
if (!charset.test(html)) {
  console.error('postbuild: index.html has no <meta charset="utf-8">');
  process.exit(1);
}
html = html.replace(
  charset,
  (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />\n    <meta name="minutes-build" content="${version}" />`,
);
await writeFile(indexPath, html);

const template = await readFile(new URL('./sw.js', import.meta.url), 'utf8');
// './' is the page itself: navigations are answered with it.
const precache = ['./', ...files.filter((f) => f !== 'index.html')];
await writeFile(
  join(dir, 'sw.js'),
  template.replace("'__BUILD_VERSION__'", JSON.stringify(version)).replace('__BUILD_FILES__', JSON.stringify(precache, null, 2)),
);
console.log(
  `postbuild: build ${version}, ${compact.length} characters of minutes, ${view.body.length} characters pre-rendered, ${precache.length} files precached, ${inline.length} inline script(s) hashed`,
);
