// Trunk post-build hook (Trunk.toml [[hooks]]): finishes the site in the staging folder.
//  0. The minutes: the committed JSON (data/cshq-001.json) in a
//     <script type="application/json" id="minutes-data"> at the end of the body, where the
//     app reads it (src/data.rs), and the same file beside the page as a download
//     (<id>.json).
//  1. Pre-rendering: the reading view as the app draws it, written into index.html's body
//     with the page's title and description (tools/prerender.mjs).
//  2. Content-Security-Policy: hashes every inline script Trunk wrote (its WASM loader) and
//     puts a strict policy in a <meta> tag, so no other inline script can run.
//  3. Build version: a hash of every file, written into index.html as
//     <meta name="minutes-build"> so a page can say which build it is.
//  4. Service worker: sw.js from tools/sw.js with this build's version and the list of
//     every file in the build (taken from the folder, never kept by hand).
// Running it again on a finished folder gives the same result (it replaces, never appends).
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
  .replace(/\s*<script type="application\/json" id="minutes-data">[\s\S]*?<\/script>/, '');

const source = resolve(process.env.TRUNK_SOURCE_DIR ?? '.');
const json = await readFile(join(source, 'data', 'cshq-001.json'), 'utf8');
let minutes;
try {
  minutes = JSON.parse(json);
} catch (e) {
  console.error(`postbuild: data/cshq-001.json is not JSON: ${e.message}`);
  process.exit(1);
}
if (typeof minutes.id !== 'string' || !/^[a-z0-9-]+$/.test(minutes.id)) {
  console.error('postbuild: data/cshq-001.json has no meeting id to publish it under');
  process.exit(1);
}
await writeFile(join(dir, `${minutes.id}.json`), json);
if (!html.includes('</body>')) {
  console.error('postbuild: index.html has no </body> to put the minutes before');
  process.exit(1);
}
// A data block's text ends at the first "</script": writing every "<" as its JSON escape
// (it can only occur inside strings) keeps the text from closing the element, and
// JSON.parse or serde_json read the same string back.
const block = json.replaceAll('<', '\\u003c');
html = html.replace('</body>', () => `<script type="application/json" id="minutes-data">${block}</script>\n  </body>`);

if (!html.includes('</noscript>')) {
  console.error('postbuild: index.html has no <noscript> to put the pre-rendered view after');
  process.exit(1);
}
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const view = await prerender(dir, html);
html = html
  .replace(/<title>[\s\S]*?<\/title>/, `<title>${esc(view.title)}</title>\n    <meta name="description" content="${esc(view.description)}" />`)
  .replace(/<\/noscript>/, `</noscript>\n    <!-- prerendered -->\n${view.body}\n    <!-- /prerendered -->`);

// Inline scripts the browser runs, which the policy must allow by hash. A data block
// (type="application/json") is never run, so the policy does not govern it.
const inline = [...html.matchAll(/<script(?![^>]*\b(?:src=|type="application\/json"))[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
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
// The minutes download is the page's own data block a second time: the worker keeps it
// when a reader first asks for it, rather than every first visit downloading it twice.
const download = `${minutes.id}.json`;
const precache = ['./', ...files.filter((f) => f !== 'index.html' && f !== download)];
await writeFile(
  join(dir, 'sw.js'),
  template.replace("'__BUILD_VERSION__'", JSON.stringify(version)).replace('__BUILD_FILES__', JSON.stringify(precache, null, 2))
    .replace('__LATER_FILES__', JSON.stringify([download])),
);
console.log(
  `postbuild: build ${version}, ${json.length} characters of minutes JSON, ${view.body.length} characters pre-rendered, ${precache.length} files precached, ${inline.length} inline script(s) hashed`,
);
