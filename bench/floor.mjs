// The framework's floor under the first-load budget: builds bench/floor (one button and
// one signal in Leptos 0.8, built as the viewer is) and prints its WASM and loader,
// raw and brotli (quality 11, as bench.mjs weighs). `node bench/floor.mjs`, after
// `./dev setup` (several minutes the first time: Leptos is compiled for this crate alone).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { ROOT } from '../e2e/lib/harness.mjs';
import { toolEnv } from './lib/build-app.mjs';

const dir = join(ROOT, 'bench', 'floor');
execFileSync('trunk', ['build', '--release', '--offline'], { cwd: dir, env: toolEnv(ROOT), stdio: ['ignore', 'ignore', 'inherit'] });
let total = 0;
for (const file of readdirSync(join(dir, 'dist')).filter((f) => /\.(wasm|js)$/.test(f))) {
  const body = readFileSync(join(dir, 'dist', file));
  const brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total += brotli;
  console.log(`${file.padEnd(36)} raw ${String(body.length).padStart(8)}  brotli ${String(brotli).padStart(7)}`);
}
console.log(`${'WASM and loader'.padEnd(36)} brotli ${String(total).padStart(24)}`);
