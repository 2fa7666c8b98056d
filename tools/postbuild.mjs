// Trunk post-build hook (Trunk.toml [[hooks]]): finishes the site in the staging folder.
//  0. The second app: Trunk builds one WASM per page it is given, the meeting pages' from
//     index.html; this runs Trunk on pages.html for the other pages' and copies its two
//     files into the site (run by hand on a built site, it finds them there already).
//  1. The pages: the build's renderer (`cargo run --profile render --features ssr --bin render`, src/build/render.rs)
//     renders every page natively from the minutes in data/minutes/ (or $MINUTES_DIR, which
//     tests and the bench point at generated series): the index, a page and a JSON download
//     per meeting, a page per person, and the series search index. No browser takes part.
//  2. Build version: a hash of every file, written into the index page as
//     <meta name="minutes-build"> so a page can say which build it is.
//  3. offline.json: every file of the series with its content hash and size, which the
//     worker reads only to keep the whole series offline or to refresh what it kept. Which
//     files those are the renderer decides, by each file's route (Route::offline in
//     crates/minutes-view/src/route.rs): it lists every file it wrote as series, shell or
//     never kept, and this hook adds the hashes, the sizes and the version.
//  4. Service worker: sw.js from tools/sw.js with this build's version and its shell (the
//     app's own files: everything the renderer did not write, and what it calls shell),
//     taken from the folder, never kept by hand. Pages (the index
//     too), minutes and search files are not in it: the worker keeps them as they are
//     opened, so neither its list nor what it fetches on a first visit grows with the
//     series.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFile, readFile, writeFile, readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';

const given = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!given) {
  console.error('postbuild: set TRUNK_STAGING_DIR or pass the site folder');
  process.exit(2);
}
const dir = resolve(given);
const source = resolve(process.env.TRUNK_SOURCE_DIR ?? '.');
const minutesDir = resolve(process.env.MINUTES_DIR ?? join(source, 'data', 'minutes'));

// The nested Trunk runs this hook too: there it has nothing to do.
if (process.env.MINUTES_SECOND_APP) process.exit(0);
if (process.env.TRUNK_STAGING_DIR) {
  const out = join(source, 'target', 'trunk-pages');
  const release = process.env.TRUNK_PROFILE === 'release' ? ['--release'] : [];
  const trunk = spawnSync('trunk', ['build', 'pages.html', ...release, '--offline', '--dist', out], {
    cwd: source,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, MINUTES_SECOND_APP: '1' },
  });
  if (trunk.status !== 0) {
    console.error(`postbuild: building pages.html's app failed (${trunk.error?.message ?? `exit ${trunk.status}`})`);
    process.exit(1);
  }
  // Its app's files: everything it wrote but its page, which nothing uses (the renderer
  // finds the apps by name, src/build/apps.rs).
  for (const f of await readdir(out)) {
    if (f !== 'index.html') await copyFile(join(out, f), join(dir, f));
  }
}

const render = spawnSync(
  'cargo',
  ['run', '--quiet', '--profile', 'render', '--features', 'ssr', '--bin', 'render', '--', dir, minutesDir],
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

const manifest = join(dir, 'offline.json');
const kept = JSON.parse(await readFile(manifest, 'utf8'));
const files = (await filesUnder(dir)).filter((f) => f !== 'sw.js' && f !== 'offline.json');
const seriesFiles = new Set(kept.files.map((f) => f.file));
const sha = (data) => createHash('sha256').update(data).digest('hex').slice(0, 16);

const contents = new Map();
for (const f of files) contents.set(f, await readFile(join(dir, f)));
const indexPath = join(dir, 'index.html');
const indexHtml = contents.get('index.html').toString('utf8').replace(/\s*<meta name="minutes-build"[^>]*>/g, '');
contents.set('index.html', Buffer.from(indexHtml));

// The version covers every file but sw.js (which it is written into) and the meta itself.
const hash = createHash('sha256');
for (const f of files) {
  hash.update(f);
  hash.update(contents.get(f));
}
const version = hash.digest('hex').slice(0, 16);
await writeFile(indexPath, indexHtml.replace('</title>', () => `</title>\n    <meta name="minutes-build" content="${version}" />`));

const series = kept.files.map(({ url, file, body, home }) => ({
  url,
  // A file of one body says which, the root that it is: keeping one body offline keeps
  // that body's files and the shared ones but the root (tools/sw.js).
  ...(body ? { body } : {}),
  ...(home ? { home } : {}),
  // The index's hash leaves out the build meta, which changes with every build.
  hash: sha(contents.get(file)),
  bytes: contents.get(file).length,
}));
await writeFile(manifest, JSON.stringify({ version, files: series }));

const template = await readFile(new URL('./sw.js', import.meta.url), 'utf8');
const rendered = new Set([...seriesFiles, ...kept.shell, ...kept.never]);
const shell = [...files.filter((f) => !rendered.has(f)), ...kept.shell].sort();
await writeFile(
  join(dir, 'sw.js'),
  template.replace("'__BUILD_VERSION__'", JSON.stringify(version)).replace('__SHELL_FILES__', JSON.stringify(shell, null, 2)),
);
const total = series.reduce((n, f) => n + f.bytes, 0);
console.log(`postbuild: build ${version}, ${shell.length} shell files precached, ${series.length} series files (${total} bytes) kept on demand`);
