// The installable, offline-first app on a plain static server, in a real browser: the
// manifest parses with no errors and its icons load; the service worker precaches every file
// of the build and controls the page; with the network gone every route still loads (at the
// root and under a subpath), search, the symptom filter and the journal still work; a new
// build on the same origin shows the update note, Reload loads it and old caches go; a
// half-deployed build is never installed; every request stays on the page's own origin; and
// the Content-Security-Policy is in every page with zero violations through a full session.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium as chromiumType } from 'playwright-core';
import {
  serve, newPage, appReady, axe, routes, dist as DIST, xtask as XTASK, useBrowser,
  buildList, offlineReady, cacheState, openFromCache,
} from './support.mjs';

const table = routes();
const UPDATE_NOTE = 'A new version is ready.';

const suite = useBrowser();
const { cleanups } = suite;

/** A server for `dir` under `prefix` and a fresh browser context (its own caches and SW). */
async function site({ dir = DIST, prefix = '/' } = {}) {
  const server = await serve({ dir, prefix });
  // stop() waits for the server to exit, which happens once: a second call would never end.
  const stop = server.stop;
  let stopped;
  server.stop = () => (stopped ??= stop());
  const context = await suite.chromium.newContext();
  cleanups.push(() => context.close().catch(() => {}), () => server.stop());
  return { server, context };
}

/** Every file of a build folder, relative, with "/" separators. */
function filesOf(dir, prefix = '') {
  return readdirSync(path.join(dir, prefix)).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(path.join(dir, rel)).isDirectory() ? filesOf(dir, rel) : [rel];
  });
}

/** Fetches from inside the page, as the app would: {status, type, manifest (parsed JSON)}. */
const get = (page, url, as) =>
  page.evaluate(
    async ([url, as]) => {
      const r = await fetch(url, { cache: 'no-store' });
      return { status: r.status, type: r.headers.get('content-type'), manifest: as === 'json' ? await r.json() : null };
    },
    [url, as],
  );

const cacheName = (prefix, version) => `aftercare:${prefix}:${version}`;

describe('install criteria', () => {
  test('the manifest parses with no errors, works under any path and names every icon', async () => {
    const { server, context } = await site();
    const page = await newPage(context);
    await page.goto(server.url);
    await appReady(page);
    const href = await page.locator('link[rel="manifest"]').evaluate((l) => l.href);
    assert.equal(href, server.url + 'manifest.webmanifest');
    const { status, type, manifest } = await get(page, href, 'json');
    assert.equal(status, 200);
    assert.match(type, /^application\/manifest\+json/);
    assert.equal(manifest.name.length > 0 && manifest.short_name, 'Aftercare');
    assert.ok(manifest.description.length > 20);
    // Relative to the manifest's own URL, so one build installs at "/" or "/aftercare/".
    assert.equal(manifest.start_url, './');
    assert.equal(manifest.scope, './');
    assert.equal(manifest.display, 'standalone');
    assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
    assert.match(manifest.background_color, /^#[0-9a-f]{6}$/);
    assert.match(manifest.color_scheme_dark.background_color, /^#[0-9a-f]{6}$/);
    const icons = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`).sort();
    assert.deepEqual(icons, ['192x192 any', '512x512 any', '512x512 maskable']);

    // Chromium's own parser: no errors, and the URLs it resolved.
    const cdp = await context.newCDPSession(page);
    const parsed = await cdp.send('Page.getAppManifest');
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.url, href);
    assert.deepEqual(page.problems, []);
  });

  test('Chromium finds nothing stopping installation', async () => {
    // A real profile: Playwright's usual contexts are incognito, where nothing installs.
    const server = await serve();
    const profile = mkdtempSync(path.join(os.tmpdir(), 'aftercare-profile-'));
    const context = await chromiumType.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    cleanups.push(() => rmSync(profile, { recursive: true, force: true }), () => server.stop(), () => context.close());
    const page = await newPage(context);
    await page.goto(server.url);
    await appReady(page);
    await offlineReady(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    assert.deepEqual(page.problems, []);
  });

  test('every icon loads as a PNG of its stated size, drawn from icon.svg', async () => {
    const { server, context } = await site();
    const page = await newPage(context);
    await page.goto(server.url);
    await appReady(page);
    const { manifest } = await get(page, server.url + 'manifest.webmanifest', 'json');
    const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    const icons = [...manifest.icons, { src: apple, sizes: '180x180', purpose: 'apple' }];
    for (const icon of icons) {
      const response = await get(page, server.url + icon.src);
      assert.equal(response.status, 200, icon.src);
      assert.equal(response.type, 'image/png', icon.src);
      const { width, height, centre, corner } = await page.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const g = canvas.getContext('2d');
        g.drawImage(img, 0, 0);
        const px = (x, y) => Array.from(g.getImageData(x, y, 1, 1).data);
        return { width: img.naturalWidth, height: img.naturalHeight, centre: px(img.naturalWidth / 2, img.naturalHeight / 2), corner: px(0, 0) };
      }, icon.src);
      const [w, h] = icon.sizes.split('x').map(Number);
      assert.deepEqual([width, height], [w, h], icon.src);
      // The calm dot in the middle (#f6f4ef) on teal; corners see-through only where the
      // platform does not cut its own shape.
      assert.deepEqual(centre, [0xf6, 0xf4, 0xef, 255], icon.src);
      const fullBleed = icon.purpose === 'maskable' || icon.purpose === 'apple';
      assert.deepEqual(corner, fullBleed ? [0x1f, 0x5f, 0x5b, 255] : [0, 0, 0, 0], icon.src);
    }
    assert.deepEqual(page.problems, []);
  });

  test('the service worker controls the page and has precached every file of the build', async () => {
    const { server, context } = await site();
    const page = await newPage(context);
    await page.goto(server.url + 'faq/');
    await appReady(page);
    await offlineReady(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, server.url);

    const list = buildList(DIST);
    const expected = filesOf(DIST)
      .filter((f) => f !== 'sw.js' && !/\.(gz|br)$/.test(f))
      .map((f) => (f === 'index.html' ? './' : f.replace(/(^|\/)index\.html$/, '$1')))
      .sort();
    assert.deepEqual(list.files.map(([url]) => url).sort(), expected);
    for (const kind of [/\.wasm$/, /\.js$/, /\.css$/, /^404\.html$/, /^icons\/.*\.png$/, /^manifest\.webmanifest$/]) {
      assert.ok(list.files.some(([url]) => kind.test(url)), `precache has ${kind}`);
    }
    assert.ok(list.files.length >= table.length + 6);
    assert.deepEqual(await cacheState(page), { [cacheName('/', list.version)]: list.files.length });
    assert.deepEqual(page.problems, []);
  });
});

/** Types a search and, where the pages exist, uses the filter and adds a journal entry. */
async function useTheApp(page, url) {
  // Search from the header box (every page has it).
  const box = page.getByLabel('Search the guide');
  if (await box.count()) {
    await box.fill('tired');
    // The reader answers as the words are typed; in the other bundles Enter opens the search.
    await box.press('Enter');
    await page.waitForURL(/search\/\?q=tired/);
    await appReady(page);
    if ((await page.locator('main h1').innerText()).trim() === 'Find an answer') {
      await page.locator('.results .result').first().waitFor();
      assert.ok((await page.locator('.results .result').count()) > 0, 'search finds answers');
      // The symptom filter: open on the search page when no words are typed.
      await page.goto(url + 'search/');
      await appReady(page);
      const toggle = page.locator('.symptom-filter button.toggle').first();
      if (await toggle.count()) {
        await toggle.click();
        await page.waitForURL(/symptoms=/);
        await page.locator('.results .result').first().waitFor();
        assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      }
    }
  }
  // Add a journal entry, when the journal exists.
  await page.goto(url + 'journal/entry/');
  await appReady(page);
  const save = page.getByRole('button', { name: 'Save entry' });
  if (await save.count()) {
    await page.getByRole('checkbox').first().check();
    await page.getByRole('radio', { name: '4', exact: true }).check();
    await page.getByLabel('Notes (optional)').fill('Written with no connection.');
    await save.click();
    await page.waitForURL(url + 'journal/');
    await page.locator('.journal-entry', { hasText: 'Written with no connection.' }).waitFor();
    await page.reload();
    await appReady(page);
    assert.equal(await page.locator('.journal-entry', { hasText: 'Written with no connection.' }).count(), 1);
  }
}

describe('the notes', () => {
  test('Install appears when the browser offers it, the offline note follows the connection, axe is clean', async () => {
    const { server, context } = await site();
    const page = await newPage(context);
    await page.goto(server.url + 'help/');
    await appReady(page);
    await offlineReady(page);
    assert.equal(await page.getByRole('button', { name: 'Install' }).count(), 0, 'no offer, no button');
    // What Chromium fires when the app can be installed (headless never does by itself).
    const offer = () =>
      page.evaluate(() => {
        const event = new Event('beforeinstallprompt', { cancelable: true });
        event.prompt = () => {
          window.__prompted = (window.__prompted || 0) + 1;
          return Promise.resolve({ outcome: 'dismissed' });
        };
        window.dispatchEvent(event);
        return event.defaultPrevented;
      });
    assert.equal(await offer(), true, 'the mini-infobar is replaced by our button');
    await context.setOffline(true);
    await page.getByText('You’re offline. Aftercare still works.').waitFor();
    await page.getByRole('button', { name: 'Install' }).waitFor();
    assert.equal(await page.getByRole('status').filter({ hasText: 'Install' }).count(), 1, 'announced politely');
    assert.deepEqual(await axe(page), []);
    // The skip link is still the first tab stop.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');

    await page.getByRole('button', { name: 'Install' }).click();
    assert.equal(await page.evaluate(() => window.__prompted), 1);
    assert.equal(await page.getByRole('button', { name: 'Install' }).count(), 0);
    await offer();
    await page.getByRole('button', { name: 'Not now' }).click();
    assert.equal(await page.getByRole('button', { name: 'Install' }).count(), 0);

    await context.setOffline(false);
    await page.getByText('You’re offline.').waitFor({ state: 'detached' });
    assert.deepEqual(page.problems, []);
  });
});

describe('offline', () => {
  for (const prefix of ['/', '/aftercare/']) {
    test(`after one visit, every route loads with no network (served at ${prefix})`, async () => {
      const { server, context } = await site({ prefix });
      const page = await newPage(context);
      await page.goto(server.url);
      await appReady(page);
      await offlineReady(page);

      // No network at all: the browser is offline and the server is gone.
      await context.setOffline(true);
      await server.stop();
      await page.reload();
      await appReady(page);
      await page.getByText('You’re offline. Aftercare still works.').waitFor();
      for (const route of table) {
        await openFromCache(page, server.url, route);
        if (route.heading) assert.equal((await page.locator('main h1').innerText()).trim(), route.heading);
        assert.equal(await page.locator('main h1').count(), 1, route.path);
      }
      // A shared link keeps its query (search words live in the URL).
      await page.goto(server.url + 'search/?q=dizzy');
      await appReady(page);
      assert.equal(new URL(page.url()).search, '?q=dizzy');
      // A folder typed without its slash, as the server would redirect it.
      await page.goto(server.url + 'faq');
      await appReady(page);
      assert.equal(page.url(), server.url + 'faq/');
      // Reading and searching by links alone: each static page comes from the offline copy
      // (the reader takes its content from there), search answers in place, and Back
      // returns to the answers.
      await page.goto(server.url);
      await appReady(page);
      await page.locator('.cards a', { hasText: 'Fatigue' }).first().click();
      await page.waitForURL(server.url + 'effects/fatigue/');
      await appReady(page);
      assert.equal(await page.locator('main h1').count(), 1);
      await page.getByLabel('Search the guide').fill('pee');
      await page.locator('.results .result').first().waitFor();
      await page.locator('.results .result-title').first().click();
      await page.waitForURL(/(effects|faq)\/[^/]+\/$/);
      await appReady(page);
      assert.equal(await page.locator('main h1').count(), 1);
      await page.goBack();
      await page.waitForURL(/search\/\?q=pee$/);
      await page.locator('.results .result').first().waitFor();
      await useTheApp(page, server.url);
      assert.deepEqual(page.problems, []);

      if (prefix === '/') {
        // An address the build does not have: the friendly not-found page, from the cache.
        const missing = await page.goto(server.url + 'no/such/page/');
        assert.equal(missing.status(), 404);
        await appReady(page);
        assert.equal((await page.locator('main h1').innerText()).trim(), 'We can’t find that page');
      }
    });
  }
});

/** Copies build A into folders: A, B (a real, different build) and the served "live" one. */
function twoBuilds() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'aftercare-pwa-'));
  cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
  const a = path.join(tmp, 'a');
  const b = path.join(tmp, 'b');
  const live = path.join(tmp, 'live');
  for (const dir of [a, b, live]) cpSync(DIST, dir, { recursive: true });
  // B: a marker in the page template and a changed file, then the post-build makes every
  // page, policy and precache list again, exactly as a real build would.
  const template = path.join(b, 'index.html');
  writeFileSync(template, readFileSync(template, 'utf8').replace('</title>', '</title>\n  <meta name="aftercare-build" content="B">'));
  writeFileSync(path.join(b, 'robots.txt'), readFileSync(path.join(b, 'robots.txt'), 'utf8') + '# build B\n');
  execFileSync(XTASK, ['postbuild', b], { env: { ...process.env, PUBLIC_URL: '/' }, stdio: 'pipe' });
  const deploy = (from, only) => {
    if (only) return cpSync(path.join(from, only), path.join(live, only));
    rmSync(live, { recursive: true, force: true });
    cpSync(from, live, { recursive: true });
  };
  return { a, b, live, deploy };
}

const checkForUpdate = (page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update().catch(() => {});
    // Let the install finish, succeed or fail.
    for (let i = 0; i < 300 && registration.installing; i++) await new Promise((r) => setTimeout(r, 50));
    return { waiting: Boolean(registration.waiting) };
  });

describe('updates', () => {
  test('a new build shows the note; Reload loads it, old caches go, other tabs are not reloaded', async () => {
    const { b, live, deploy } = twoBuilds();
    const versionA = buildList(DIST).version;
    const versionB = buildList(b).version;
    assert.notEqual(versionA, versionB);
    const { server, context } = await site({ dir: live });
    const page = await newPage(context);
    await page.goto(server.url + 'about/');
    await appReady(page);
    await offlineReady(page);
    const other = await newPage(context);
    await other.goto(server.url + 'faq/');
    await appReady(other);
    await other.evaluate(() => { window.__stillHere = true; });
    assert.equal(await page.getByText(UPDATE_NOTE).count(), 0);

    deploy(b);
    // The browser checks sw.js on every page load; this page load is still build A, cached.
    await page.reload();
    await appReady(page);
    assert.equal(await page.locator('meta[name="aftercare-build"]').count(), 0, 'still A until accepted');
    await page.getByText(UPDATE_NOTE).waitFor({ timeout: 30000 });
    await other.getByText(UPDATE_NOTE).waitFor({ timeout: 30000 });
    assert.deepEqual(await axe(page), []);

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
    await appReady(page);
    assert.equal(await page.locator('meta[name="aftercare-build"]').count(), 1, 'build B runs');
    assert.equal(await page.getByText(UPDATE_NOTE).count(), 0);
    const prefix = new URL(server.url).pathname;
    assert.deepEqual(Object.keys(await cacheState(page)), [cacheName(prefix, versionB)]);
    // The other tab was not reloaded under its reader, and still offers the reload.
    assert.equal(await other.evaluate(() => window.__stillHere), true);
    assert.equal(await other.getByText(UPDATE_NOTE).count(), 1);
    assert.deepEqual(page.problems, []);
    assert.deepEqual(other.problems, []);
  });

  test('a half-deployed build (new sw.js, old files) is never installed', async () => {
    const { b, live, deploy } = twoBuilds();
    const versionA = buildList(DIST).version;
    const { server, context } = await site({ dir: live });
    const page = await newPage(context);
    await page.goto(server.url);
    await appReady(page);
    await offlineReady(page);

    deploy(b, 'sw.js');
    assert.deepEqual(await checkForUpdate(page), { waiting: false });
    assert.equal(await page.getByText(UPDATE_NOTE).count(), 0);
    assert.deepEqual(Object.keys(await cacheState(page)), [cacheName('/', versionA)]);
    // The app keeps working from build A, offline too.
    await context.setOffline(true);
    await page.goto(server.url + 'help/');
    await appReady(page);
    await context.setOffline(false);

    // Once the rest arrives, the update goes through.
    deploy(b);
    assert.deepEqual(await checkForUpdate(page), { waiting: true });
    await page.getByText(UPDATE_NOTE).waitFor();
    assert.deepEqual(page.problems, []);
  });
});

describe('security', () => {
  test('every page carries a strict CSP that hashes its inline loader', () => {
    const pages = filesOf(DIST).filter((f) => f.endsWith('.html'));
    assert.ok(pages.length >= table.length + 1);
    for (const file of pages) {
      const html = readFileSync(path.join(DIST, file), 'utf8');
      const metas = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g) || [];
      assert.equal(metas.length, 1, file);
      const policy = metas[0];
      assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]{43}='/, file);
      assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/, file);
      for (const d of ["default-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "img-src 'self' data: blob:"]) {
        assert.ok(policy.includes(d), `${file}: ${d}`);
      }
      // Before <base> and every script, so it governs them.
      assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<base'), file);
      assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), file);
    }
  });

  test('a full session: no CSP violation, and every request goes to the page’s own origin', async () => {
    const { server, context } = await site();
    const origin = new URL(server.url).origin;
    const requests = [];
    context.on('request', (request) => requests.push(request.url()));
    const violations = [];
    await context.exposeFunction('__cspViolation', (v) => violations.push(v));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
      );
    });
    const page = await newPage(context);
    await page.goto(server.url);
    await appReady(page);
    await offlineReady(page);
    assert.ok(await page.locator('meta[http-equiv="Content-Security-Policy"]').count());
    // Every page, each opened fresh so each policy is exercised.
    for (const route of table) {
      await page.goto(server.url + route.path);
      await appReady(page);
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.match(policy, /'sha256-/, route.path);
    }
    // In-app use: a card, a thread, the checker, search, the filter, the journal.
    await page.goto(server.url);
    await appReady(page);
    await page.locator('main a[href^="effects/"]').first().click();
    await appReady(page);
    await page.goto(server.url + 'check/');
    await appReady(page);
    const firstChoice = page.locator('main input[type="checkbox"], main button.toggle').first();
    if (await firstChoice.count()) await firstChoice.click();
    await useTheApp(page, server.url);
    await page.goto(server.url + 'journal/summary/');
    await appReady(page);
    await page.goto(server.url + 'no/such/page/');
    await appReady(page);

    assert.deepEqual(violations, []);
    const foreign = requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
    assert.deepEqual(foreign, []);
    assert.ok(requests.length > table.length, 'the log saw the session');
    assert.deepEqual(page.problems.filter((p) => !p.includes('404')), []);
  });
});
