// Trunk post-build hook (Trunk.toml [[hooks]]): finishes the site in the staging folder.
//  1. The page: the build's renderer (`cargo run --features ssr --bin render`, src/render.rs)
//     renders the app natively into index.html (reading view, title, description, the
//     minutes' JSON data block, Content-Security-Policy) and publishes the minutes JSON
//     beside it. No browser takes part.
//  2. Build version: a hash of every file, written into index.html as
//     <meta name="minutes-build"> so a page can say which build it is.
//  3. Service worker: sw.js from tools/sw.js with this build's version and the list of
//     every file in the build (taken from the folder, never kept by hand).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';

const given = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!given) {
  console.error('postbuild: set TRUNK_STAGING_DIR or pass the site folder');
  process.exit(2);
}
const dir = resolve(given);
const source = resolve(process.env.TRUNK_SOURCE_DIR ?? '.');

const render = spawnSync(
  'cargo',
  ['run', '--quiet', '--features', 'ssr', '--bin', 'render', '--', dir, join(source, 'data', 'minutes', 'cshq-001.json')],
  { cwd: source, stdio: 'inherit' },
);
if (render.status !== 0) {
  console.error(`postbuild: the renderer failed (${render.error?.message ?? `exit ${render.status}`})`);
  process.exit(1);
}

async function filesUnder(root) {
  const out = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(root, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'));
  }
  return out.sort();
}

const indexPath = join(dir, 'index.html');
let html = (await readFile(indexPath, 'utf8')).replace(/\s*<meta name="minutes-build"[^>]*>/g, '');
const minutes = JSON.parse(await readFile(join(source, 'data', 'minutes', 'cshq-001.json'), 'utf8'));

// The version covers every file but sw.js (which it is written into) and the meta itself.
const files = (await filesUnder(dir)).filter((f) => f !== 'sw.js');
const hash = createHash('sha256');
for (const f of files) {
  hash.update(f);
  hash.update(f === 'index.html' ? html : await readFile(join(dir, f)));
}
const version = hash.digest('hex').slice(0, 16);

html = html.replace('</title>', () => `</title>\n    <meta name="minutes-build" content="${version}" />`);
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
console.log(`postbuild: build ${version}, ${precache.length} files precached`);
