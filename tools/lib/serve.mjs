// The one static file server of the tests and the benchmarks, serving a folder as static
// hosts do (nginx, GitHub Pages, Netlify): no rewrites, a folder's index.html, an ETag on
// every file and 304 for a request that holds it, the site's 404.html with status 404 for
// a path that names nothing.
//
// With `compress`, it also compresses as those hosts do (brotli for a browser that offers
// it, else gzip), for measurements on a throttled network, where the bytes on the wire are
// the time. Every file is then read and compressed before the server starts, so no request
// waits for the compressor, and the folder must not change while it is served. Without
// it, files are read at each request (`setRoot` can swap the folder, as a new deploy does)
// and sent uncompressed, which on loopback costs nothing.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
// Already compressed: sent as they are.
const STORED = new Set(['.png', '.ico']);

/** A file as served: its type, ETag and body in each encoding it is sent in. */
function entry(path, body, compress) {
  const stored = !compress || STORED.has(extname(path));
  return {
    type: TYPES[extname(path)] ?? 'application/octet-stream',
    etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"`,
    identity: body,
    br: stored || compress === 'gzip' ? null : brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gzip: stored ? null : gzipSync(body, { level: 9 }),
  };
}

/**
 * Serve `dir` on 127.0.0.1 at a free port, under `prefix` (e.g. '/minutes/', as a sub-path
 * deployment would be); `compress: 'gzip'` compresses with gzip only, as GitHub Pages does. Resolves to { url, close, setRoot, encodings }: `setRoot` swaps
 * the folder served (not with `compress`), `encodings` counts the responses sent in each
 * encoding, so a report can say what the browser accepted.
 */
export async function serve(dir, { prefix = '/', compress = false } = {}) {
  let base = resolve(dir);
  const ready = new Map();
  if (compress) {
    for (const found of await readdir(base, { withFileTypes: true, recursive: true })) {
      if (!found.isFile()) continue;
      const full = join(found.parentPath ?? found.path, found.name);
      ready.set(full, entry(full, await readFile(full), true));
    }
  }
  /** The file a path names, or null. */
  const lookup = async (path) => {
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return null;
    if (compress) return ready.get(file) ?? ready.get(join(file, 'index.html')) ?? null;
    const info = await stat(file).catch(() => null);
    if (info?.isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file).catch(() => null);
    return body && entry(file, body, false);
  };
  const encodings = {};
  const server = createServer(async (req, res) => {
    let full = '';
    try {
      full = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      full = '';
    }
    const file = full.startsWith(prefix) ? await lookup(relative('/', full.slice(prefix.length - 1)) || '.') : null;
    if (!file) {
      // As GitHub Pages, Netlify and nginx with `error_page` do: the site's 404.html, if
      // it has one, with the status 404.
      const page = full.startsWith(prefix) ? await lookup('404.html') : null;
      if (page) res.writeHead(404, { 'content-type': TYPES['.html'] }).end(page.identity);
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // Revalidation as static hosts do it: the browser keeps the file, asks each time, and
    // gets 304 with no body while it is unchanged.
    const headers = { etag: file.etag, 'cache-control': 'no-cache' };
    if (compress) headers.vary = 'accept-encoding';
    if (req.headers['if-none-match'] === file.etag) {
      res.writeHead(304, headers).end();
      return;
    }
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const encoding = file.br && /\bbr\b/.test(accepts) ? 'br' : file.gzip && /\bgzip\b/.test(accepts) ? 'gzip' : 'identity';
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    encodings[encoding] = (encodings[encoding] ?? 0) + 1;
    const body = file[encoding];
    res.writeHead(200, { ...headers, 'content-type': file.type, 'content-length': body.length });
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    encodings,
    close: () => new Promise((ok) => server.close(ok)),
    setRoot: (next) => {
      if (compress) throw new Error('a compressed folder is read once: serve the new one');
      base = resolve(next);
    },
  };
}
