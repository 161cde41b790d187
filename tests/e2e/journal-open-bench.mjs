// How soon the journal opens from the home page, as a `name: value` line:
//   journal.open_ms   2,000 typical entries stored; the home page loaded and settled (its `load`
//                     event, then 3 s of reading); a click on the header navigation's "Journal"
//                     link; from the click to the list's first entry on screen. Median of
//                     RUNS (default 5).
// Conditions as search-cold-bench.mjs: the release build served with its precompressed files
// (checked), headless Chromium, Lighthouse's mobile conditions, service workers blocked and a
// fresh context each run (cold HTTP cache; the entries are put in its storage beforehand).
//
// The click may load a new document, so the clock is the wall clock kept in sessionStorage:
// Date.now() right before the click, and, from an init script in every document, Date.now()
// at the first animation frame after the list's first `.journal-entry` is in the document.
//
// Run: node tests/e2e/journal-open-bench.mjs (DIST=… for another build folder, RUNS=… runs).
import path from 'node:path';
import { serve, browser, root } from './support.mjs';
import { KEY, typicalJournal, median, coldVisit } from './bench-support.mjs';

const DIST = process.env.DIST || path.join(root, 'dist');
const RUNS = Number(process.env.RUNS || 5);
const ENTRIES = 2000;
const READ_MS = 3000;

/** Installed in every document: when the journal's first entry is on screen, after a click. */
function watch() {
  const clicked = () => sessionStorage.getItem('bench.click') !== null;
  let seen = false;
  const check = () => {
    if (seen || !clicked()) return;
    const row = document.querySelector('.journal-entry');
    if (!row || row.getBoundingClientRect().height === 0) return;
    seen = true;
    requestAnimationFrame(() => sessionStorage.setItem('bench.list', String(Date.now())));
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  addEventListener('DOMContentLoaded', check);
}

const server = await serve({ dir: DIST });
const chromium = await browser();
const journal = typicalJournal(ENTRIES);
const origin = new URL(server.url).origin;

/** Waits until `read()` in the page gives a value, across page loads. */
async function poll(page, read, timeout = 60000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const value = await page.evaluate(read).catch(() => null);
    if (value !== null && value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('timed out');
}

const times = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const { context, page, compressed } = await coldVisit(chromium, { watch, storage: { origin, items: { [KEY]: journal } } });
    try {
      await page.goto(server.url, { waitUntil: 'load', timeout: 60000 });
      await page.waitForTimeout(READ_MS);
      await page.evaluate(() => {
        const link = [...document.querySelectorAll('header nav a')].find((a) => a.textContent.trim() === 'Journal');
        if (!link) throw new Error('no "Journal" link in the header navigation');
        sessionStorage.setItem('bench.click', String(Date.now()));
        link.click();
      });
      const [click, list, count] = await poll(page, () => {
        const list = sessionStorage.getItem('bench.list');
        return list && [Number(sessionStorage.getItem('bench.click')), Number(list), document.querySelectorAll('.journal-entry').length];
      });
      if (!(await page.evaluate((k) => localStorage.getItem(k)?.length, KEY))) throw new Error('the journal was not stored');
      const served = compressed();
      if (i === 0) console.error(`  served compressed: ${served.join(', ')}`);
      console.error(`  run ${i + 1}: ${list - click} ms (${count} entries listed at first)`);
      times.push(list - click);
    } finally {
      await context.close();
    }
  }
} finally {
  await chromium.close();
  await server.stop();
}

console.log(`journal.open_ms: ${Math.round(median(times))}`);
