// Issue #12: the offline copy must never delete itself. In a real browser, with the running
// version installed and controlling the page, a new deploy is served whose service worker
// changed and one of whose files answers HTTP 500:
// - a worker changed in its code alone gets a new version (the version hashes sw.js's own
//   code too), its install fails, and the running version's cache is still there by name,
//   complete, with no half-filled cache left: every route still opens offline;
// - a changed sw.js that kept the running version's name (a re-install of the same version)
//   keeps the complete cache it finds instead of downloading into it or deleting it;
// - an install that fails while a cache of its own name exists but is incomplete deletes only
//   the cache it made itself.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {
  serve, newPage, appReady, routes, dist as DIST, xtask as XTASK, useBrowser,
  buildList, offlineReady, cacheState, openFromCache,
} from './support.mjs';

const table = routes();
const UPDATE_NOTE = 'A new version is ready.';
/** A file every build precaches, which the "new deploy" answers with HTTP 500. */
const BROKEN = 'faq/';

const suite = useBrowser();
const { cleanups } = suite;

/** A temporary folder holding a copy of the build, removed after the tests. */
function copyOfDist(name) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), `aftercare-sw-${name}-`));
  cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
  const dir = path.join(tmp, name);
  cpSync(DIST, dir, { recursive: true });
  return dir;
}

/** sw.js with one byte of its code (a comment) changed, its precache list left as it is. */
const withAlteredByte = (sw) => {
  const altered = sw.replace("// Aftercare's service worker", "// Aftercare’s service worker");
  assert.notEqual(altered, sw, 'sw.js has the comment this test alters');
  return altered;
};

/**
 * Puts a new sw.js into the served folder `dir`. Its precompressed copies go, or the server
 * would keep sending the old bytes to a browser that accepts them.
 */
function deploySw(dir, text) {
  writeFileSync(path.join(dir, 'sw.js'), text);
  for (const ext of ['gz', 'br']) rmSync(path.join(dir, `sw.js.${ext}`), { force: true });
}

/** A copy of the build with `change` applied to its folder, then the post-build run again. */
function rebuilt(name, change = () => {}) {
  const dir = copyOfDist(name);
  change(dir);
  execFileSync(XTASK, ['postbuild', dir], { env: { ...process.env, PUBLIC_URL: '/' }, stdio: 'pipe' });
  return dir;
}

/**
 * The project's own static server for `dir`, behind a small proxy on another port that answers
 * HTTP 500 for every path in `failing` and passes everything else through unchanged.
 * Returns { url, failing, log, stop } where log lists "STATUS METHOD PATH" as the proxy saw it.
 */
async function faultyServer(dir) {
  const upstream = await serve({ dir });
  const failing = new Set();
  const log = [];
  const proxy = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, upstream.url);
    if (failing.has(pathname)) {
      log.push(`500 ${req.method} ${pathname}`);
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('Internal Server Error');
      req.resume();
      return;
    }
    const target = new URL(req.url, upstream.url);
    const forward = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      log.push(`${answer.statusCode} ${req.method} ${pathname}`);
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', (error) => {
      res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    });
    req.pipe(forward);
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  let stopped;
  const stop = () =>
    (stopped ??= (async () => {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
      await upstream.stop();
    })());
  cleanups.push(stop);
  return { url: `http://127.0.0.1:${proxy.address().port}/`, failing, log, stop };
}

const cacheName = (version) => `aftercare:/:${version}`;

/** Asks the browser to check sw.js now and waits until that install has succeeded or failed. */
const checkForUpdate = (page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update().catch(() => {});
    for (let i = 0; i < 600 && registration.installing; i++) await new Promise((r) => setTimeout(r, 50));
    return { installing: Boolean(registration.installing), waiting: Boolean(registration.waiting) };
  });

/** A fresh browser context whose page runs the build served at `server.url`, installed. */
async function installed(server) {
  const context = await suite.chromium.newContext();
  cleanups.push(() => context.close().catch(() => {}));
  const page = await newPage(context);
  await page.goto(server.url);
  await appReady(page);
  await offlineReady(page);
  return { context, page };
}

/** A copy of the build served by faultyServer, installed in a fresh context. */
async function installedCopy() {
  const live = copyOfDist('live');
  const server = await faultyServer(live);
  return { live, server, ...(await installed(server)) };
}

/** With the server gone and the browser offline, every route opens from the running version. */
async function everyRouteOpensOffline(context, page, server) {
  await context.setOffline(true);
  await server.stop();
  await page.reload();
  await appReady(page);
  for (const route of table) {
    await openFromCache(page, server.url, route);
    if (route.heading) assert.equal((await page.locator('main h1').innerText()).trim(), route.heading, route.path);
  }
}

describe('a failed update never costs the running version its offline copy', () => {
  test('a new sw.js (code changed alone) gets a new version; its failed install leaves the old cache, and every route opens offline', async () => {
    // Two builds through the same post-build, one with sw.js's code changed by a byte: the
    // same files, a different version (the post-build writes the list and the version).
    const live = rebuilt('live');
    const b = rebuilt('b', (dir) => {
      const sw = path.join(dir, 'sw.js');
      writeFileSync(sw, withAlteredByte(readFileSync(sw, 'utf8')));
    });
    const a = buildList(live);
    const listB = buildList(b);
    assert.deepEqual(listB.files, a.files, 'the new deploy changes sw.js alone');
    assert.notEqual(listB.version, a.version, 'the version covers sw.js’s own code');

    const server = await faultyServer(live);
    const { context, page } = await installed(server);
    assert.deepEqual(await cacheState(page), { [cacheName(a.version)]: a.files.length });

    // Deploy: the new sw.js, and one precached file the host fails to serve.
    deploySw(live, readFileSync(path.join(b, 'sw.js'), 'utf8'));
    server.failing.add(`/${BROKEN}`);
    assert.deepEqual(await checkForUpdate(page), { installing: false, waiting: false }, 'the update failed to install');
    assert.ok(server.log.includes(`500 GET /${BROKEN}`), `the new worker's install asked for ${BROKEN}`);
    assert.equal(await page.getByText(UPDATE_NOTE).count(), 0);
    // The running version's cache, by name and complete; nothing of the failed install left.
    assert.deepEqual(await cacheState(page), { [cacheName(a.version)]: a.files.length });

    await everyRouteOpensOffline(context, page, server);
    assert.deepEqual(await cacheState(page), { [cacheName(a.version)]: a.files.length });
    assert.deepEqual(page.problems, []);
  });

  test('a re-install under the running version’s own name keeps its complete cache', async () => {
    const a = buildList(DIST);
    const { live, server, context, page } = await installedCopy();

    // A sw.js the browser sees as new (one byte differs) that names the same version, and a
    // host failing one file: the install must neither download into nor delete that cache.
    deploySw(live, withAlteredByte(readFileSync(path.join(live, 'sw.js'), 'utf8')));
    assert.equal(buildList(live).version, a.version);
    server.failing.add(`/${BROKEN}`);
    const requestsBefore = server.log.length;
    const update = await checkForUpdate(page);
    assert.deepEqual(await cacheState(page), { [cacheName(a.version)]: a.files.length });
    assert.deepEqual(update, { installing: false, waiting: true }, 'the complete copy was reused');
    assert.deepEqual(
      server.log.slice(requestsBefore).filter((line) => !line.endsWith(' /sw.js')),
      [],
      'nothing downloaded again',
    );

    await everyRouteOpensOffline(context, page, server);
    assert.deepEqual(await cacheState(page), { [cacheName(a.version)]: a.files.length });
    assert.deepEqual(page.problems, []);
  });

  test('a failed install deletes only the cache it made, not an incomplete one of its name', async () => {
    const a = buildList(DIST);
    const { live, server, page } = await installedCopy();

    // The running version's copy lost one file (it serves that one from the network).
    const lost = new URL('robots.txt', server.url).href;
    assert.ok(await page.evaluate(([name, url]) => caches.open(name).then((c) => c.delete(url)), [cacheName(a.version), lost]));
    deploySw(live, withAlteredByte(readFileSync(path.join(live, 'sw.js'), 'utf8')));
    server.failing.add(`/${BROKEN}`);
    assert.deepEqual(await checkForUpdate(page), { installing: false, waiting: false }, 'the update failed to install');
    assert.ok(server.log.includes(`500 GET /${BROKEN}`), `the new worker's install asked for ${BROKEN}`);
    assert.deepEqual(await cacheState(page), { [cacheName(a.version)]: a.files.length - 1 });

    // Still served from that cache.
    await page.goto(server.url + 'about/');
    await appReady(page);
    assert.deepEqual(page.problems, []);
  });
});
