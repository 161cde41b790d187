// How soon a first visitor who starts typing gets an answer, as `name: value` lines:
//   search.cold_first_result_ms       the home page has just loaded (its `load` event), the
//                                     person focuses the header search box at once and types
//                                     "tired" (a key every 120 ms); from the first keystroke to
//                                     the first search result on screen. Median of RUNS (5).
//   search.cold_idle_first_result_ms  the same after 3 s of reading first.
//   search.cold_bytes_after_keystroke_kb
//                                     what the cold visit transferred (compressed, headers
//                                     included) in responses that ended after the first
//                                     keystroke, until the first result (median).
// Conditions: the release build served by the harness's server with its precompressed files
// (checked: every page, script, style sheet and wasm comes back br or gzip, or the script
// fails), headless Chromium, Lighthouse's mobile conditions (bench-support.mjs), service
// workers blocked (a first visit before the offline copy is installed) and a fresh browser
// context each run, so the HTTP cache is cold.
//
// The clock is the page's own: an init script records the first keystroke's time (the key
// event's timestamp, taken when the browser received it, so a busy main thread does not hide
// the wait) and watches for the first `.results .result` (search.test.mjs's selector) that is
// in the document and visible; the time is taken at the next animation frame, when it paints.
// An upgrade in place keeps the document, so window globals survive it.
//
// Run: node tests/e2e/search-cold-bench.mjs (DIST=… for another build folder, RUNS=… runs).
import path from 'node:path';
import { serve, browser, root } from './support.mjs';
import { coldVisit, median } from './bench-support.mjs';

const DIST = process.env.DIST || path.join(root, 'dist');
const RUNS = Number(process.env.RUNS || 5);
const QUERY = 'tired';
const KEY_GAP_MS = 120;
const IDLE_MS = 3000;

/** Installed in every document: the first keystroke and the first result on screen. */
function watch() {
  window.__bench = { key: null, shown: null, seen: null };
  const key = (event) => {
    if (window.__bench.key !== null) return;
    // A trusted key event carries when the browser received it; fall back to now.
    const stamp = event.isTrusted && event.timeStamp > 0 ? event.timeStamp : performance.now();
    window.__bench.key = Math.min(stamp, performance.now());
  };
  addEventListener('keydown', key, true);
  addEventListener('input', key, true);
  const check = () => {
    const b = window.__bench;
    if (b.key === null || b.seen !== null) return;
    const first = document.querySelector('.results .result');
    if (!first || !first.isConnected) return;
    const box = first.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || (first.checkVisibility && !first.checkVisibility({ visibilityProperty: true, opacityProperty: true }))) return;
    b.seen = performance.now();
    requestAnimationFrame(() => (b.shown = performance.now()));
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const frame = () => {
    check();
    if (window.__bench.seen === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

const server = await serve({ dir: DIST });
const chromium = await browser();

/** One cold visit: load the home page, wait `idle` ms, type; returns ms and KB after the key. */
async function visit(idle) {
  const { context, page, compressed } = await coldVisit(chromium, { watch });
  try {
    await page.goto(server.url, { waitUntil: 'load', timeout: 60000 });
    if (idle) await page.waitForTimeout(idle);
    await page.focus('#site-q');
    await page.keyboard.type(QUERY, { delay: KEY_GAP_MS });
    await page.waitForFunction(() => window.__bench.shown !== null, null, { timeout: 60000, polling: 100 });
    const { key, shown, bytes, files } = await page.evaluate(() => {
      const b = window.__bench;
      const late = performance
        .getEntriesByType('resource')
        .filter((r) => r.responseEnd > b.key && r.startTime <= b.shown);
      return {
        ...b,
        bytes: late.reduce((sum, r) => sum + r.transferSize, 0),
        files: late.map((r) => `${new URL(r.name).pathname} ${(r.transferSize / 1024).toFixed(1)} KB`),
      };
    });
    const served = compressed();
    return { ms: shown - key, kb: bytes / 1024, files, served };
  } finally {
    await context.close();
  }
}

const cold = [];
const idle = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const c = await visit(0);
    cold.push(c);
    const d = await visit(IDLE_MS);
    idle.push(d);
    if (i === 0) console.error(`  served compressed: ${c.served.join(', ')}`);
    console.error(`  run ${i + 1}: cold ${Math.round(c.ms)} ms (${c.kb.toFixed(1)} KB after the key: ${c.files.join(', ') || 'nothing'}); idle ${Math.round(d.ms)} ms`);
  }
} finally {
  await chromium.close();
  await server.stop();
}

console.log(`search.cold_first_result_ms: ${Math.round(median(cold.map((r) => r.ms)))}`);
console.log(`search.cold_idle_first_result_ms: ${Math.round(median(idle.map((r) => r.ms)))}`);
console.log(`search.cold_bytes_after_keystroke_kb: ${median(cold.map((r) => r.kb)).toFixed(1)}`);
