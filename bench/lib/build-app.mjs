// Build the app against other minutes data, or from other sources (another commit's,
// bench/.cache/src-<commit>, see `sourcesAt`), without touching the working tree. The
// build reads its minutes from data/cshq-001.json (however it puts them into the site), so
// to measure it on a longer meeting it is built again with that file replaced. This copies
// the sources to a scratch folder, swaps the data, runs the same `trunk build` as
// `./dev build`, and keeps the result under bench/.cache keyed by a hash of everything the
// build reads, so a second run with the same sources and data costs nothing, whichever
// name asked for it first.
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

// What a release build reads (Trunk.toml, index.html and the Cargo workspace, whose
// members are added from Cargo.toml). Anything else in the repository (tests, e2e, docs,
// bench) cannot change the site. Entries that a given tree lacks (an older or newer
// commit's) are skipped.
const BUILD_INPUTS = ['.cargo', 'Cargo.toml', 'Cargo.lock', 'build.rs', 'Trunk.toml', 'index.html', 'pages.html', 'src', 'crates', 'style', 'public', 'tools', 'data'];
// Never copied: build output and folders the build does not need.
const SKIP = new Set(['target', 'dist', 'node_modules', '.git', 'fuzz']);

/**
 * The environment `./dev` gives its builds: binaryen's wasm-opt from npm first on PATH
 * (Debian's breaks the WASM), cargo-installed tools (trunk, wasm-bindgen) found.
 */
export function toolEnv(root) {
  return { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${join(homedir(), '.cargo', 'bin')}:${process.env.PATH}` };
}

async function filesUnder(root, path) {
  const full = join(root, path);
  const info = await stat(full).catch(() => null);
  if (!info) return [];
  if (info.isFile()) return [path];
  const out = [];
  for (const entry of await readdir(full, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const rel = relative(root, join(entry.parentPath ?? entry.path, entry.name));
    if (rel.split(sep).some((part) => SKIP.has(part))) continue;
    out.push(rel);
  }
  return out.sort();
}

/**
 * BUILD_INPUTS and the Cargo workspace's member folders (`members = [...]` in the root
 * Cargo.toml), so that a tree with a crate outside `crates/` still builds.
 */
async function buildInputs(root) {
  const manifest = await readFile(join(root, 'Cargo.toml'), 'utf8').catch(() => '');
  const members = manifest.match(/^\s*members\s*=\s*\[([^\]]*)\]/m)?.[1] ?? '';
  const extra = [...members.matchAll(/"([^"]+)"/g)]
    .map((m) => m[1].replace(/\/\*$/, ''))
    .filter((m) => m !== '.' && !m.includes('*') && !m.startsWith('..'));
  return [...new Set([...BUILD_INPUTS, ...extra])];
}

/** A hash of the build's inputs with `data/cshq-001.json` replaced by `dataJson`. */
async function buildKey(root, dataJson) {
  const hash = createHash('sha256');
  for (const input of await buildInputs(root)) {
    for (const file of await filesUnder(root, input)) {
      if (file === join('data', 'cshq-001.json') || file === join('data', 'minutes', 'cshq-001.json')) continue;
      hash.update(file).update('\0').update(await readFile(join(root, file))).update('\0');
    }
  }
  hash.update('data\0').update(dataJson);
  return hash.digest('hex').slice(0, 16);
}

function run(cmd, args, options) {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok(log) : fail(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${log.slice(-4000)}`))));
  });
}

/**
 * The dist/ folder of the app built with `dataJson` as its minutes. `root` is the project
 * (its bench/.cache holds the builds, its node_modules the tools); `sources` is the tree
 * the app is built from (default `root`; e.g. `await sourcesAt(root, rev)` for another
 * commit). `name` labels the cache entry (e.g. '100x'). Resolves to
 * { dist, cached, seconds }.
 */
export async function buildAppWithData(root, name, dataJson, { log = () => {}, sources = root } = {}) {
  const cache = join(root, 'bench', '.cache');
  const key = await buildKey(sources, dataJson);
  const dist = join(cache, `app-${name}-${key}`, 'dist');
  if (await stat(join(dist, 'index.html')).catch(() => null)) return { dist, cached: true, seconds: 0 };
  // The same sources and data built under another name (e.g. the baseline commit is the
  // working tree's own): the site is the same.
  for (const entry of await readdir(cache).catch(() => [])) {
    const other = join(cache, entry, 'dist');
    if (entry.startsWith('app-') && entry.endsWith(`-${key}`) && (await stat(join(other, 'index.html')).catch(() => null))) {
      return { dist: other, cached: true, seconds: 0 };
    }
  }

  // Drop older builds of this variant: they are for sources that no longer exist.
  await mkdir(cache, { recursive: true });
  for (const entry of await readdir(cache)) {
    if (entry.startsWith(`app-${name}-`)) await rm(join(cache, entry), { recursive: true, force: true });
  }

  // A fixed scratch path (not a fresh mkdtemp): cargo names the workspace crates'
  // artifacts after their path, so a new path per run would pile up copies in the target
  // folder. Only those crates recompile on a cache miss; dependencies are reused.
  const tree = join(tmpdir(), `minutes-bench-${name}-tree`);
  await rm(tree, { recursive: true, force: true });
  await mkdir(tree, { recursive: true });
  for (const input of await buildInputs(sources)) {
    const from = join(sources, input);
    if (!(await stat(from).catch(() => null))) continue;
    await cp(from, join(tree, input), {
      recursive: true,
      filter: (src) => !relative(sources, src).split(sep).some((part) => SKIP.has(part)),
    });
  }
  // The minutes' place: one file per meeting in data/minutes/ since the series, the one
  // data/cshq-001.json before.
  const folder = (await stat(join(tree, 'data', 'minutes')).catch(() => null)) ? join(tree, 'data', 'minutes') : join(tree, 'data');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'cshq-001.json'), dataJson);
  // The post-build hook pre-renders with playwright-core from the project's node_modules.
  await symlink(join(root, 'node_modules'), join(tree, 'node_modules'));

  log(`building the app with ${name} data (cached afterwards; several minutes on 2 cores)`);
  const started = Date.now();
  await run('trunk', ['build', '--release', '--offline', '--dist', dist], {
    cwd: tree,
    env: {
      ...toolEnv(root),
      // Its own target folder: sharing target/ with a concurrent `./dev build` would make
      // the two builds wait on cargo's lock; this one survives between benchmark runs.
      CARGO_TARGET_DIR: join(cache, 'target'),
    },
  });
  await rm(tree, { recursive: true, force: true });
  return { dist, cached: false, seconds: (Date.now() - started) / 1000 };
}

/**
 * The sources of commit `rev` of the repository at `root`, unpacked once (`git archive`)
 * into bench/.cache/src-<commit> and kept there; the working tree and the repository's
 * worktrees are left alone. Resolves to { dir, commit, subject }.
 */
export async function sourcesAt(root, rev) {
  const git = (...args) => run('git', ['-C', root, ...args], {}).then((out) => out.trim());
  const commit = await git('rev-parse', '--verify', '--quiet', `${rev}^{commit}`);
  const subject = await git('log', '-1', '--format=%s', commit);
  const dir = join(root, 'bench', '.cache', `src-${commit.slice(0, 12)}`);
  const done = join(dir, '.unpacked');
  if (!(await stat(done).catch(() => null))) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await new Promise((ok, fail) => {
      const archive = spawn('git', ['-C', root, 'archive', '--format=tar', commit], { stdio: ['ignore', 'pipe', 'pipe'] });
      const tar = spawn('tar', ['-x', '-C', dir], { stdio: ['pipe', 'ignore', 'pipe'] });
      let err = '';
      archive.stderr.on('data', (d) => (err += d));
      tar.stderr.on('data', (d) => (err += d));
      archive.stdout.pipe(tar.stdin);
      archive.on('error', fail);
      tar.on('error', fail);
      tar.on('close', (code) => (code === 0 ? ok() : fail(new Error(`git archive ${commit} | tar -x failed (${code}): ${err}`))));
    });
    await writeFile(done, `${commit}\n`);
  }
  return { dir, commit, subject };
}
