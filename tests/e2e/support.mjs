// Shared harness for the browser tests: serves a built site with the project's own static
// server (xtask serve, shaped like GitHub Pages), drives Debian's Chromium with Playwright,
// and runs axe-core. Every test file imports from here; nothing is mocked.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const xtask = path.join(process.env.CARGO_TARGET_DIR || path.join(root, 'target'), 'release', 'xtask');

/** The route table the app was built from: [{path, title, heading, messages}]. */
export function routes() {
  return JSON.parse(execFileSync(xtask, ['routes'], { encoding: 'utf8' }));
}

/**
 * Serves `dir` (default dist/) under `prefix` (default "/") on a free port.
 * Returns { url, stop, log } where url ends with the prefix and log lists "STATUS METHOD PATH".
 */
export async function serve({ dir = process.env.DIST || path.join(root, 'dist'), prefix = '/' } = {}) {
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

/**
 * A first visit to the home page of the server at `serverUrl` (serving `dir`) in `page`:
 * every request until the network is idle and the app runs, each file's gzip (-9) and
 * Brotli (quality 11) size, their totals, and the requests that are not files of the build.
 */
export async function firstLoad(page, serverUrl, dir) {
  const urls = new Set();
  page.on('request', (request) => urls.add(request.url()));
  await page.goto(serverUrl, { waitUntil: 'networkidle' });
  await appReady(page);
  const result = { urls: [...urls], files: [], gzip: 0, brotli: 0, strangers: [] };
  for (const url of urls) {
    const file = fileFor(serverUrl, dir, url);
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
