// The viewer's service worker: it keeps one complete copy of a build so the minutes open
// with no network. Generated per build by tools/postbuild.mjs, which replaces the two
// placeholders below with the build's version, the files kept at install, and the files
// kept only once a reader asks for them (the minutes download).
const VERSION = '__BUILD_VERSION__';
const FILES = __BUILD_FILES__;
const LATER = __LATER_FILES__;
const CACHE = `minutes-viewer-${VERSION}`;

self.addEventListener('install', (event) => {
  // `cache: 'no-cache'`: every file is checked with the server, so a new version never
  // mixes in old files, yet a file the browser already holds (the page has just
  // downloaded most of them) comes back as a 304 with no body instead of a second copy.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'no-cache' })))),
  );
});

self.addEventListener('activate', (event) => {
  // A version replaces the previous one whole: every other cache of ours goes.
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('minutes-viewer-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  // The page asks for this when the reader accepts the new version.
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') {
    // Any navigation in scope (with a query string or not) is the one page of the app.
    event.respondWith(
      caches.open(CACHE)
        .then((cache) => cache.match('./'))
        .then((hit) => hit ?? fetch(request)),
    );
    return;
  }
  const later = LATER.some((f) => new URL(f, self.registration.scope).href === request.url);
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(request);
      if (hit) return hit;
      const response = await fetch(request);
      if (later && response.ok) await cache.put(request, response.clone());
      return response;
    }),
  );
});
