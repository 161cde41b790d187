// Aftercare's service worker: keeps one complete, verified copy of one build of the site, so
// the app opens with no network, and moves to a newer build only when the person says so.
//
// - install: downloads every file of this build (the list below is written by `xtask
//   postbuild` from the finished dist/ folder, with each file's SHA-256), checks every file
//   against its hash and stores them in a cache named after the build's version. Any failure
//   fails the install: the version already running keeps working and the browser tries again
//   on a later visit. (A host or CDN still serving an older copy of some file can therefore
//   never produce a cache that mixes two builds.)
// - activate: deletes this site's caches of older builds. Cache names carry the site's scope,
//   so other sites on the same origin (other GitHub Pages projects) are never touched.
// - fetch: files of this build come from its cache (a build's files never change, so pages
//   and the code they load always match); page loads (navigations) get the cached page for
//   their address, with any ?query kept. Anything else goes to the network untouched, and
//   requests to other origins are never intercepted or cached.
// - message "skip-waiting": sent by the app when the person presses Reload on "A new version
//   is ready"; only then does a waiting version take over, and the app reloads.
//
// Why cache-first for pages too, rather than network-first: a page and the hashed code it
// loads must come from the same build. Network-first could pair a new page with a cache of
// old code, and on a slow connection waits for a timeout before showing anything. Updates
// stay reliable because the browser checks sw.js on every page load (bypassing the HTTP
// cache) and the app checks again when it comes back online or to the foreground; nobody is
// trapped on an old version: the prompt stays until accepted, and closing every tab of the
// app also switches to the new version.

const BUILD = /* precache */ {"version": "dev", "files": []} /* end precache */;

const SCOPE = new URL('./', self.location.href).href;
const PREFIX = `aftercare:${new URL(SCOPE).pathname}:`;
const CACHE = PREFIX + BUILD.version;
/** Absolute URL -> expected SHA-256 (hex) of every file of this build. */
const FILES = new Map(BUILD.files.map(([path, sha256]) => [new URL(path, SCOPE).href, sha256]));
const NOT_FOUND = new URL('404.html', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
      );
      // The first version takes control of the page that installed it, so it works offline
      // without a reload. (Later versions only ever activate after the person accepted.)
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  url.hash = '';
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request, url));
  } else if (FILES.has(url.href)) {
    event.respondWith(asset(request, url.href));
  }
});

/** Downloads, verifies and stores every file; on any failure, leaves no half-filled cache. */
async function precache() {
  if (FILES.size === 0) throw new Error('Aftercare: sw.js has no precache list (run xtask postbuild)');
  const cache = await caches.open(CACHE);
  try {
    await Promise.all([...FILES].map(([url, sha256]) => store(cache, url, sha256)));
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

/**
 * Stores one file if its bytes hash to what the build says. The first try may be answered by
 * the HTTP cache (the page has usually just downloaded the same files); a stale answer there
 * is caught by the hash and retried from the server.
 */
async function store(cache, url, sha256) {
  for (const mode of ['default', 'reload']) {
    const response = await fetch(url, { cache: mode, credentials: 'same-origin' });
    if (!response.ok) throw new Error(`Aftercare: ${url} answered ${response.status}`);
    const body = await response.arrayBuffer();
    if ((await hex(body)) !== sha256) continue;
    // A fresh response holding exactly the served bytes (so Trunk's integrity attributes still
    // match) and the type the browser needs (application/wasm for streaming compilation).
    const headers = new Headers();
    const type = response.headers.get('Content-Type');
    if (type) headers.set('Content-Type', type);
    await cache.put(url, new Response(body, { status: 200, headers }));
    return;
  }
  throw new Error(`Aftercare: ${url} does not match this build (is the server mid-deploy?)`);
}

/** A file of this build, from the cache; from the network if the cache lost it. */
async function asset(request, url) {
  const cache = await caches.open(CACHE);
  return (await cache.match(url)) || fetch(request);
}

/** A page load: the cached page for this address, else the network, else the 404 page. */
async function navigate(request, url) {
  const search = url.search;
  url.search = '';
  const cache = await caches.open(CACHE);
  const page = FILES.has(url.href) && (await cache.match(url.href));
  // A new Response has no URL of its own, so the document keeps the address it was opened
  // with, ?query included (search terms and filters live there).
  if (page) return new Response(page.body, { status: 200, headers: page.headers });
  try {
    return await fetch(request);
  } catch (error) {
    // Offline. "faq" for "faq/": send the browser where the server would have.
    if (!url.pathname.endsWith('/') && FILES.has(`${url.href}/`)) {
      return Response.redirect(`${url.href}/${search}`, 301);
    }
    const notFound = await cache.match(NOT_FOUND);
    if (notFound) return new Response(notFound.body, { status: 404, headers: notFound.headers });
    throw error;
  }
}

async function hex(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
