// The viewer's service worker: it keeps the app's shell and every page a reader opens, so
// they open again with no network, and on request the whole series. Generated per build
// by tools/postbuild.mjs, which fills in the build's version and its shell.
//
// - Install: the shell (what every page uses: style, icons, this worker's registration)
//   and the pages open in a tab, each with the app it loads (a meeting page's or the other
//   pages': its head preloads it, src/build/apps.rs).
//   Kept pages of the previous build are carried over when their content hash is
//   unchanged (offline.json), and downloaded again only when it changed: a new deploy is
//   never mixed with the old one, and not downloaded whole again either.
// - Pages, minutes JSON and search files are kept as they are fetched, a page under its
//   folder's address whether asked for as `<page>/` or `<page>/index.html`. A share page
//   never kept opens offline as its remark in the kept meeting page.
// - Message {keep: 'series'}: keep every file of offline.json ({keep: 'series', body}: the
//   files of that body and those of no body but the root), telling the page its
//   progress ({kept, total, bytes}) and the end ({kept, total, done: true} or {error}).
const VERSION = '__BUILD_VERSION__';
const SHELL = __SHELL_FILES__;
const CACHE = `minutes-viewer-${VERSION}`;
const PREFIX = 'minutes-viewer-';
// Each kept response carries the content hash it was kept at.
const HASH = 'x-minutes-hash';

const scoped = (path) => new URL(path, self.registration.scope).href;
// A folder's page is one page by either address: static hosts serve `<page>/index.html`
// as `<page>/` (as Workbox's `directoryIndex` reads them), so it is kept and found under
// the folder's, the address links use.
const folderOf = (href) => {
  const u = new URL(href);
  if (u.pathname.endsWith('/index.html')) u.pathname = u.pathname.slice(0, -'index.html'.length);
  return u.href;
};
// A page is one file whatever its query and fragment.
const pageKey = (href) => {
  const u = new URL(folderOf(href));
  return u.origin + u.pathname;
};

async function manifest() {
  const response = await fetch(scoped('offline.json'), { cache: 'no-cache' });
  if (!response.ok) throw new Error(`offline.json: HTTP ${response.status}`);
  const { files } = await response.json();
  return new Map(files.map((f) => [scoped(f.url), f]));
}

async function keep(cache, href, hash) {
  const response = await fetch(href, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${href}: HTTP ${response.status}`);
  const headers = new Headers(response.headers);
  if (hash) headers.set(HASH, hash);
  const body = await response.arrayBuffer();
  await cache.put(href, new Response(body, { status: response.status, headers }));
  return body.byteLength;
}

// A page kept with its app: the script and WASM its head preloads, where not kept yet
// (`files`: offline.json's, by address, for their hashes).
async function keepPage(cache, href, hash, files) {
  await keep(cache, href, hash);
  const page = await cache.match(href);
  if (!page?.headers.get('content-type')?.includes('text/html')) return;
  const html = await page.text();
  for (const [, file] of html.matchAll(/<link rel="(?:modulepreload|preload)" href="([^"]+)"/g)) {
    const app = new URL(file, href).href;
    if (!(await cache.match(app))) await keep(cache, app, files?.get(app)?.hash);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // `cache: 'no-cache'`: every file is checked with the server, so a new version never
    // mixes in old files, yet a file the browser already holds comes back as a 304.
    await cache.addAll(SHELL.map((f) => new Request(f, { cache: 'no-cache' })));
    const open = (await self.clients.matchAll({ type: 'window', includeUncontrolled: true })).map((c) => pageKey(c.url));
    const old = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
    const shell = new Set(SHELL.map(scoped));
    const kept = new Map();
    for (const name of old) {
      const previous = await caches.open(name);
      for (const request of await previous.keys()) {
        if (!shell.has(request.url)) kept.set(request.url, previous);
      }
    }
    if (kept.size > 0) {
      const files = await manifest();
      for (const [href, previous] of kept) {
        const now = files.get(href);
        if (!now) continue;
        const response = await previous.match(href);
        if (response?.headers.get(HASH) === now.hash) await cache.put(href, response);
        else await keepPage(cache, href, now.hash, files).catch(() => {});
      }
    }
    // Not offline.json for their hashes: on a first visit it would be a download that
    // grows with the series. A file named by its content needs none.
    for (const href of open) {
      if (!(await cache.match(href))) await keepPage(cache, href).catch(() => {});
    }
  })());
});

self.addEventListener('activate', (event) => {
  // A version replaces the previous one whole: every other cache of ours goes.
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// `body`: only that body's files (offline.json's `body`) and those every body shares but
// the root (`home`), which is kept with everything (src/build/render.rs, kept_with).
async function keepSeries(client, body) {
  const cache = await caches.open(CACHE);
  const files = [...(await manifest()).values()].filter((f) => !body || (f.body ? f.body === body : !f.home));
  let kept = 0;
  let bytes = 0;
  const queue = [...files];
  const worker = async () => {
    for (let f = queue.shift(); f; f = queue.shift()) {
      const href = scoped(f.url);
      const have = await cache.match(href);
      if (have?.headers.get(HASH) !== f.hash) bytes += await keep(cache, href, f.hash);
      kept += 1;
      client?.postMessage({ kept, total: files.length, bytes });
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  client?.postMessage({ kept, total: files.length, bytes, done: true });
}

self.addEventListener('message', (event) => {
  // The page asks for this when the reader accepts the new version.
  if (event.data === 'skip-waiting') self.skipWaiting();
  if (event.data?.keep === 'series') {
    const body = typeof event.data.body === 'string' ? event.data.body : null;
    event.waitUntil(keepSeries(event.source, body).catch((e) => event.source?.postMessage({ error: String(e) })));
  }
});

// A page that was never opened nor kept, asked for with no network: said so in both
// languages, with the pages this device does keep (their titles read from the kept
// pages), so that a reader offline still finds the way to what they have.
const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

async function notKept(cache) {
  const pages = [];
  for (const request of await cache.keys()) {
    if (!request.url.endsWith('/')) continue;
    const text = await (await cache.match(request)).text();
    const title = text.match(/<title>([^<]*)<\/title>/)?.[1] ?? request.url;
    pages.push(`<li><a href="${escapeHtml(request.url)}" data-kept-page>${title}</a></li>`);
  }
  const html = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>オフライン / Offline</title></head>
<body data-offline-missing><main><h1>このページはオフライン用に保存されていません</h1><p lang="en">This page was not kept for reading offline.</p>
<h2>この端末に保存されているページ <span lang="en">/ Pages kept on this device</span></h2><ul>${pages.join('')}</ul>
<p><a href="${scoped('./')}">会合一覧 / All meetings</a></p></main></body></html>`;
  return new Response(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

// A share page (`<meeting>/r/<remark>/`) asked for with no network: it is for link
// previews, and a reader would be sent on to the remark in its meeting page anyway, so
// go there directly when that page is kept, with the link's query.
async function toKeptRemark(cache, href) {
  const url = new URL(href);
  const share = url.pathname.match(/^(.*\/)r\/([^/]+)\/$/);
  if (!share) return null;
  const meeting = new URL(share[1], url);
  if (!(await cache.match(meeting.href))) return null;
  return Response.redirect(`${meeting.href}${url.search}#${share[2]}`, 302);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  const key = request.mode === 'navigate' ? pageKey(request.url) : folderOf(request.url);
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(key);
    if (hit) return hit;
    try {
      const response = await fetch(request);
      // What a reader opened or searched is kept for reading offline, after the page has
      // its response: the page does not wait for the cache to be written.
      if (response.ok && response.type === 'basic') event.waitUntil(cache.put(key, response.clone()));
      return response;
    } catch (error) {
      if (request.mode !== 'navigate') throw error;
      return (await toKeptRemark(cache, request.url)) ?? notKept(cache);
    }
  })());
});
