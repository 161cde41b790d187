// Aftercare's service worker: keeps one complete, verified copy of one build of the site, so
// the app opens with no network, and moves to a newer build only when the person says so.
//
// - version: written by `xtask postbuild` with the list below. It hashes every file of the
//   build and this script's own code (the list left out), so a new build or a new worker
//   always means a new cache name, never the one the running version serves from.
// - install: downloads every file of this build (the list below is written by `xtask
//   postbuild` from the finished dist/ folder, with each file's SHA-256), checks every file
//   against its hash and stores them in a fresh cache of this install's own; only when all
//   are there does it copy them into the cache named after the build's version. Any failure
//   fails the install and deletes only the fresh cache this install made: the version already
//   running keeps its cache and keeps working, and the browser tries again on a later visit.
//   (A host or CDN still serving an older copy of some file can therefore never produce a
//   cache that mixes two builds.) A re-install of this same version that finds its cache
//   complete keeps it as it is.
// - activate: once this version's cache is complete, deletes this site's other caches (older
//   builds, installs that never finished) unless a newer version is installing or waiting,
//   whose cache is not old (its own activation cleans up). Cache names carry the site's
//   scope, so other sites on the same origin (other GitHub Pages projects) are never touched.
// - fetch: files of this build come from its cache (a build's files never change, so pages
//   and the code they load always match); page loads (navigations) get the cached page for
//   their address, with any ?query kept. Anything else goes to the network untouched, and
//   requests to other origins are never intercepted or cached. Reading never creates a cache.
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
/** The start of the name of a cache an install fills before it is complete (never served). */
const INSTALLING = `${CACHE}:installing:`;
/** Absolute URL -> expected SHA-256 (hex) of every file of this build. */
const FILES = new Map(BUILD.files.map(([path, sha256]) => [new URL(path, SCOPE).href, sha256]));
const NOT_FOUND = new URL('404.html', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await deleteOtherCaches();
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

/**
 * Downloads, verifies and stores every file into a fresh cache of this install's own, then
 * copies them into CACHE. Never deletes a cache it did not create: on any failure only the
 * fresh cache goes (and CACHE, if this install created it), so the running version's copy is
 * never touched, even if it had the same name.
 */
async function precache() {
  if (FILES.size === 0) throw new Error('Aftercare: sw.js has no precache list (run xtask postbuild)');
  // The same version installing again (the name hashes this script and every file, so it is
  // the same worker and build): a complete copy is kept as it is, as the running worker may
  // be serving from it.
  if (await complete(CACHE)) return;
  const name = INSTALLING + Date.now().toString(36) + Math.random().toString(36).slice(2);
  try {
    const fresh = await caches.open(name);
    await Promise.all([...FILES].map(([url, sha256]) => store(fresh, url, sha256)));
    await promote(fresh);
  } finally {
    await caches.delete(name);
  }
}

/**
 * Copies a complete, verified install into CACHE. Only files verified against this version's
 * hashes are ever stored under its name, so completing an existing, incomplete CACHE (left by
 * an install the browser stopped half-way) is safe; a CACHE this copy created is deleted
 * again if the copy fails (a full disk), one that existed before is left as it was.
 */
async function promote(fresh) {
  const existed = await caches.has(CACHE);
  try {
    const cache = await caches.open(CACHE);
    const requests = await fresh.keys();
    await Promise.all(requests.map(async (request) => cache.put(request, await fresh.match(request))));
    if (!(await complete(CACHE))) throw new Error(`Aftercare: ${CACHE} is incomplete after the copy`);
  } catch (error) {
    if (!existed) await caches.delete(CACHE);
    throw error;
  }
}

/** Whether the cache `name` exists and holds every file of this build. */
async function complete(name) {
  if (!(await caches.has(name))) return false;
  const stored = new Set((await (await caches.open(name)).keys()).map((request) => request.url));
  for (const url of FILES.keys()) if (!stored.has(url)) return false;
  return true;
}

/**
 * This site's caches other than this version's: older builds and installs that never
 * finished. Deleted only once this version's cache is complete, and not while a newer
 * version is installing or waiting (its caches are not older; its own activation cleans up).
 */
async function deleteOtherCaches() {
  if (!(await complete(CACHE))) return;
  if (self.registration.installing || self.registration.waiting) return;
  const names = await caches.keys();
  await Promise.all(
    names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
  );
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
  return (await cached(url)) || fetch(request);
}

/** A file from this version's cache. (caches.open would create a missing cache: never here.) */
function cached(url) {
  return caches.match(url, { cacheName: CACHE });
}

/** A page load: the cached page for this address, else the network, else the 404 page. */
async function navigate(request, url) {
  const search = url.search;
  url.search = '';
  const page = FILES.has(url.href) && (await cached(url.href));
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
    const notFound = await cached(NOT_FOUND);
    if (notFound) return new Response(notFound.body, { status: 404, headers: notFound.headers });
    throw error;
  }
}

async function hex(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
