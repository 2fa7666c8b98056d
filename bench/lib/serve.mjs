// A static file server that compresses, as real static hosts do (nginx, Netlify, GitHub
// Pages), for the measurements on a throttled network: there the bytes on the wire are
// the time, and e2e/lib/harness.mjs's server sends every body uncompressed (fine on
// loopback, three to four times the real transfer on a slow link). Otherwise it serves as
// that one does: no rewrites, a folder's index.html, an ETag on every file and 304 for a
// request that holds it. Every file is read and compressed (brotli, for a browser that
// offers it, and gzip) before the server starts, so no request waits for the compressor;
// the folder must not change while it is served.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
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

/**
 * Serve `dir` on 127.0.0.1 at a free port, compressed. Resolves to { url, close,
 * encodings }, `encodings` counting the responses sent in each encoding (so a report can
 * say what the browser accepted).
 */
export async function serveCompressed(dir) {
  const base = resolve(dir);
  const files = new Map();
  for (const entry of await readdir(base, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath ?? entry.path, entry.name);
    const body = await readFile(full);
    const stored = STORED.has(extname(full));
    files.set(`/${relative(base, full).split(sep).join('/')}`, {
      type: TYPES[extname(full)] ?? 'application/octet-stream',
      etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"`,
      identity: body,
      br: stored ? null : brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
      gzip: stored ? null : gzipSync(body, { level: 9 }),
    });
  }
  const encodings = {};
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      path = '';
    }
    const file = files.get(path) ?? files.get(`${path.replace(/\/$/, '')}/index.html`);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers = { etag: file.etag, 'cache-control': 'no-cache', vary: 'accept-encoding' };
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
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    encodings,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
