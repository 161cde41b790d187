// Shared harness for the browser tests: serves a built site with the project's own static
// server (xtask serve, shaped like GitHub Pages), drives Debian's Chromium with Playwright,
// and runs axe-core. It also holds what several test files share: a suite's set-up and
// tear-down (useSite, useBrowser), the journal's test entries and page helpers, and the
// service worker's precache list, its caches and the pages it answers. Every test file
// imports from here; nothing is mocked.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built site the tests serve: $DIST, or dist/ of the checkout. */
export const dist = process.env.DIST || path.join(root, 'dist');
/** The project's xtask binary, release build (the site's build runs it, so it is there). */
export const xtask = path.join(process.env.CARGO_TARGET_DIR || path.join(root, 'target'), 'release', 'xtask');

/** The route table the app was built from: [{path, title, heading, messages}]. */
export function routes() {
  return JSON.parse(execFileSync(xtask, ['routes'], { encoding: 'utf8' }));
}

/**
 * Serves `dir` (default dist/) under `prefix` (default "/") on a free port.
 * Returns { url, stop, log } where url ends with the prefix and log lists "STATUS METHOD PATH".
 */
export async function serve({ dir = dist, prefix = '/' } = {}) {
  const child = spawn(xtask, ['serve', '--dir', dir, '--port', '0', '--prefix', prefix, '--log'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = [];
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => log.push(...chunk.split('\n').filter(Boolean)));
  child.stdout.setEncoding('utf8');
  let buffer = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start')), 10000);
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const match = buffer.match(/at (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${log.join('\n')}`)));
  });
  return {
    url,
    log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit').catch(() => {});
      child.kill();
      await exited;
    },
  };
}

/** Launches headless Chromium with the flags this closed network needs. */
export async function browser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A new page that records console errors and uncaught exceptions in `page.problems`.
 * Tests assert it stays empty.
 */
export async function newPage(context) {
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console: ${message.text()}`);
  });
  return page;
}

/**
 * Waits until the app runs the page: its main heading exists and no prerendered markup is
 * waiting to be taken over (static pages paint from prerendered HTML before the app starts).
 */
export async function appReady(page) {
  await page.waitForFunction(
    () => document.querySelector('main h1') && !document.body.hasAttribute('data-prerendered'),
    null,
    { timeout: 15000 },
  );
}

/** Runs axe-core (WCAG 2.x A and AA) and returns its violations, summarised. */
export async function axe(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

/** The file under `dir` that `url`, on the server at `serverUrl`, serves; null for another
 * origin or a missing file. */
function fileFor(serverUrl, dir, url) {
  if (!url.startsWith(serverUrl)) return null;
  let rel = decodeURIComponent(new URL(url).pathname).slice(new URL(serverUrl).pathname.length);
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const file = path.join(dir, rel);
  return existsSync(file) ? file : null;
}

/** Whether a request is the browser prefetching for later (`<link rel="prefetch">` and the
 * like mark theirs with `Sec-Purpose`/`Purpose: prefetch`), not something the page needs. */
export const isPrefetch = (request) => /prefetch/i.test(request.headers()['sec-purpose'] || request.headers()['purpose'] || '');

/**
 * A first visit to `route` (a path such as "journal/", default the home page) of the server at
 * `serverUrl` (serving `dir`) in `page`: every request until the network is idle and the app
 * runs, each file's gzip (-9) and Brotli (quality 11) size, their totals, and the requests
 * that are not files of the build. A path the build has no page for counts as its 404.html.
 * Prefetches (the browser fetching ahead for later pages, see isPrefetch) are not part of
 * the load; they are listed in `prefetched`.
 */
export async function firstLoad(page, serverUrl, dir, route = '') {
  const urls = new Set();
  const prefetched = [];
  page.on('request', (request) => (isPrefetch(request) ? prefetched.push(request.url()) : urls.add(request.url())));
  const target = serverUrl + route;
  const response = await page.goto(target, { waitUntil: 'networkidle' });
  await appReady(page);
  const result = { urls: [...urls], files: [], gzip: 0, brotli: 0, strangers: [], prefetched };
  for (const url of urls) {
    let file = fileFor(serverUrl, dir, url);
    if (!file && url === target && response?.status() === 404) file = path.join(dir, '404.html');
    if (!file) {
      result.strangers.push(url);
      continue;
    }
    const bytes = readFileSync(file);
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const brotli = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length;
    result.files.push({ path: path.relative(dir, file), gzip, brotli });
    result.gzip += gzip;
    result.brotli += brotli;
  }
  return result;
}

/**
 * Replaces the localStorage of the origin of `url` with `values` ({key: text}), from a page
 * of the site that runs no journal code (`url`), before the page under test opens.
 */
export async function seedStorage(context, url, values) {
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate((v) => {
    localStorage.clear();
    for (const [k, text] of Object.entries(v)) localStorage.setItem(k, text);
  }, values);
  await page.close();
}

/** Every localStorage key and value of the page's origin. */
export const storedItems = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

// A suite's set-up and tear-down.

/**
 * Registers the before() and after() of the calling test file: before, the built site is
 * served (`options` as for serve(), or an async function that returns them) and Chromium
 * starts; after, the suite's `cleanups` run (last added first), then Chromium closes and the
 * server stops. Returns the suite's site, whose `server` and `chromium` are set once before()
 * has run: { server, chromium, url (the server's), cleanups, fresh }.
 */
export function useSite(options = {}) {
  return suite(options);
}

/** As useSite, with Chromium alone: no server is started. */
export function useBrowser() {
  return suite(null);
}

function suite(options) {
  const site = {
    server: null,
    chromium: null,
    /** Functions after() runs, last added first, before Chromium closes. */
    cleanups: [],
    get url() {
      return site.server.url;
    },
    /** A fresh browser context (its own storage), and a page in it. */
    async fresh() {
      const context = await site.chromium.newContext();
      return { context, page: await newPage(context) };
    },
  };
  before(async () => {
    if (options) site.server = await serve(typeof options === 'function' ? await options() : options);
    site.chromium = await browser();
  });
  after(async () => {
    for (const cleanup of site.cleanups.reverse()) await cleanup();
    await site.chromium?.close();
    await site.server?.stop();
  });
  return site;
}

// The journal.

/** A typical entry number `i`: two symptoms, a note, a session date, a duration. */
export function makeEntry(i, extra = {}) {
  const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 3) * 86400000);
  const date = day.toISOString().slice(0, 10);
  const hour = String(8 + (i % 3) * 5).padStart(2, '0');
  const slugs = ['fatigue', 'dizzy', 'tingling', 'sleep', 'soreness', 'emotional'];
  return {
    id: `e-test-${i}`,
    started: `${date}T${hour}:30`,
    session_date: date,
    symptoms: [slugs[i % 6], slugs[(i + 1) % 6]],
    other_symptoms: '',
    severity: i % 11,
    duration: { unit: 'hours', amount: 1 + (i % 5) },
    notes: `Entry ${i}: felt it after lunch, eased with water and rest.`,
    created_ms: 1704067200000 + i * 1000,
    updated_ms: 1704067200000 + i * 1000,
    ...extra,
  };
}

/** The stored (and exported) form of a journal holding `entries`. */
export const envelope = (entries, version = 1) =>
  JSON.stringify({ app: 'aftercare', kind: 'journal', version, entries });

/**
 * The journal's pages on `site` (from useSite), served at its root:
 * { seed, openJournal, addEntry }.
 */
export function journalPages(site) {
  /** Stores `values` ({key: text}) in the origin's localStorage before the app runs. */
  const seed = (context, values) => seedStorage(context, site.url + 'about/', values);

  async function openJournal(page, query = '') {
    await page.goto(site.url + 'journal/' + query);
    await appReady(page);
  }

  /** Adds an entry through the form and waits for the list. */
  async function addEntry(page, options) {
    await page.goto(site.url + 'journal/entry/');
    await appReady(page);
    await fillAndSave(page, options);
    await page.waitForURL(site.url + 'journal/');
    await page.locator('.journal-status', { hasText: 'Entry saved.' }).waitFor();
  }

  return { seed, openJournal, addEntry };
}

/** Fills the form (already open) and presses Save. */
export async function fillAndSave(page, { symptoms = ['Tired or drained'], severity = '4', notes = '', session = '', amount = '', unit = '' } = {}) {
  for (const name of symptoms) await page.getByRole('checkbox', { name, exact: true }).check();
  if (severity !== null) await page.getByRole('radio', { name: severity, exact: true }).check();
  if (session) await page.getByLabel('Date of your acupuncture session (optional)').fill(session);
  if (unit) await page.getByLabel('Unit').selectOption(unit);
  if (amount) await page.getByLabel('How long', { exact: true }).fill(amount);
  if (notes) await page.getByLabel('Notes (optional)').fill(notes);
  await page.getByRole('button', { name: 'Save entry' }).click();
}

/** Clicks what starts a download and returns the file's name and text. */
export async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const text = await readFile(await file.path(), 'utf8');
  return { name: file.suggestedFilename(), text };
}

/** Chooses a file in the import input and waits for the preview or refusal. */
export async function chooseImport(page, name, content) {
  await page.getByLabel('Choose a JSON file exported from Aftercare').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.isBuffer(content) ? content : Buffer.from(content),
  });
  await page.locator('.journal-import-result :is(.journal-import-preview, .journal-error):visible').waitFor();
}

/** How many entries the journal's list shows. */
export const entryCount = (page) => page.locator('.journal-entry').count();

// The service worker.

/** The precache list a build's sw.js carries: {version, files: [[url, sha256, size]]}. */
export function buildList(dir) {
  const sw = readFileSync(path.join(dir, 'sw.js'), 'utf8');
  const start = sw.indexOf('/* precache */') + '/* precache */'.length;
  return JSON.parse(sw.slice(start, sw.indexOf('/* end precache */')));
}

/** Waits until a service worker controls the page (after install, so the precache is full). */
export async function offlineReady(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller, null, {
    timeout: 30000,
  });
}

/** This origin's caches and how many entries each holds. */
export const cacheState = (page) =>
  page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).length;
    return out;
  });

/**
 * Opens `route` (a row of routes()) of the site at `url` and checks the service worker
 * answered it (the network being gone): HTTP 200, from the worker, the route's title.
 */
export async function openFromCache(page, url, route) {
  const response = await page.goto(url + route.path);
  assert.equal(response.status(), 200, route.path);
  assert.ok(response.fromServiceWorker(), route.path);
  await appReady(page);
  assert.equal(await page.title(), `${route.title} · Aftercare`, route.path);
}
