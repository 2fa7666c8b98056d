// Build the app against other minutes data without touching the working tree: the app
// embeds data/cshq-001.json at compile time (src/data.rs, include_str!), so the only way
// to measure it on a longer meeting is to compile it again with that file replaced. This
// copies the sources to a scratch folder, swaps the data, runs the same `trunk build` as
// `./dev build`, and keeps the result under bench/.cache keyed by a hash of everything
// the build reads, so a second run with unchanged sources costs nothing.
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

// What a release build reads (Trunk.toml, index.html and the Cargo workspace). Anything
// else in the repository (tests, e2e, docs, bench) cannot change the site.
const BUILD_INPUTS = ['.cargo', 'Cargo.toml', 'Cargo.lock', 'build.rs', 'Trunk.toml', 'index.html', 'src', 'crates', 'style', 'public', 'tools', 'data'];
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

/** A hash of the build's inputs with `data/cshq-001.json` replaced by `dataJson`. */
async function buildKey(root, dataJson) {
  const hash = createHash('sha256');
  for (const input of BUILD_INPUTS) {
    for (const file of await filesUnder(root, input)) {
      if (file === join('data', 'cshq-001.json')) continue;
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
 * The dist/ folder of the app built with `dataJson` as its minutes. `name` labels the
 * cache entry (e.g. '100x'). Resolves to { dist, cached, seconds }.
 */
export async function buildAppWithData(root, name, dataJson, { log = () => {} } = {}) {
  const cache = join(root, 'bench', '.cache');
  const key = await buildKey(root, dataJson);
  const dist = join(cache, `app-${name}-${key}`, 'dist');
  if (await stat(join(dist, 'index.html')).catch(() => null)) return { dist, cached: true, seconds: 0 };

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
  for (const input of BUILD_INPUTS) {
    const from = join(root, input);
    if (!(await stat(from).catch(() => null))) continue;
    await cp(from, join(tree, input), {
      recursive: true,
      filter: (src) => !relative(root, src).split(sep).some((part) => SKIP.has(part)),
    });
  }
  await writeFile(join(tree, 'data', 'cshq-001.json'), dataJson);
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
