// Service worker for web mode (wall screens, browsers): keeps the app shell so
// the console reloads and opens on its local data with no network. The API is
// never cached here: data lives in IndexedDB and the outbox, not in HTTP caches.
const CACHE = 'spark-console-shell-v1';

// The page that registers this worker was loaded before it existed, so nothing
// has passed through it yet: precache the shell and the assets it references.
async function precacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch('/', { cache: 'no-store' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put('/', response);
  // The build references assets relatively ("./assets/…"); cache them under their absolute paths.
  const assets = new Set([...html.matchAll(/(?:src|href)="\.?(\/assets\/[^"]+)"/g)].map((m) => m[1]));
  // And every other file of the build (precache.json, written by the build): screens the
  // console loads on demand, such as the wallboard, must open offline too.
  // (None in development: the dev server builds nothing ahead.)
  try {
    const list = await fetch('/precache.json', { cache: 'no-store' });
    if (list.ok) for (const file of await list.json()) assets.add(`/${file}`);
  } catch {
    // no list: the assets the page references are cached, the rest as they are first used
  }
  await cache.addAll([...assets]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precacheShell().then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/'))
    return;

  if (request.mode === 'navigate') {
    // Network first, so a new release is picked up at once; the cached shell when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          const copy = response.clone();
          void caches.open(CACHE).then((cache) => cache.put('/', copy));
          return response;
        })
        .catch(() => caches.match('/').then((hit) => hit ?? Response.error())),
    );
    return;
  }
  // Built assets have content hashes in their names: cache first is always right for them.
  event.respondWith(
    caches.match(request).then(
      (hit) =>
        hit ??
        fetch(request).then((response) => {
          if (response.ok) {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
    ),
  );
});
