// The journal's figures for `make bench`, measured in Chromium through the app's own code:
// the journal store records performance measures around loading (`journal.load`), saving
// (`journal.save`: re-read storage, apply, write) and the list's filtering (`journal.filter`),
// and this script reads them after driving the real pages with 2,000 typical entries.
//
// journal.max_entries_5mb comes from two measurements in the same browser: how many
// characters Chromium's localStorage takes for one site (found by filling it until it throws
// QuotaExceededError), and how many characters a typical entry takes once the app itself has
// saved 2,000 of them. The count is then checked for real: importing that many entries through
// the app's import saves, and importing 3 % more fails with the "storage is full" message.
//
// Prints `name: value` lines. Run: node tests/e2e/journal-bench.mjs (DIST selects the build).
import { serve, browser, appReady } from './support.mjs';
import { KEY, typical, envelope, median } from './bench-support.mjs';

const RUNS = 7;
const measure = (page, name) =>
  page.evaluate((n) => performance.getEntriesByName(n, 'measure').at(-1)?.duration ?? NaN, name);

const server = await serve();
const chromium = await browser();
const results = {};
try {
  const seeded = envelope(Array.from({ length: 2000 }, (_, i) => typical(i)));
  const context = await chromium.newContext();
  const page = await context.newPage();
  const seed = async () => {
    await page.goto(server.url + 'about/');
    await page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }, [KEY, seeded]);
  };

  // Load: a full page load of the list, storage read and parsed by the app.
  await seed();
  const loads = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(server.url + 'journal/');
    await appReady(page);
    await page.locator('.journal-entry').first().waitFor();
    loads.push(await measure(page, 'journal.load'));
  }
  results['journal.load_ms_2000'] = median(loads);

  // Filter: typing in the search box and choosing a symptom, each a new filtering of 2,000.
  const filters = [];
  const queries = ['a', 'af', 'after', 'lunch', 'water', 'tired', 'xyz', ''];
  for (const q of queries) {
    await page.getByLabel('Search your notes').fill(q);
    await page.waitForFunction((v) => new URL(location.href).searchParams.get('text') === (v || null), q);
    filters.push(await measure(page, 'journal.filter'));
  }
  for (const slug of ['fatigue', 'nausea', '']) {
    await page.getByLabel('Symptom').selectOption(slug);
    filters.push(await measure(page, 'journal.filter'));
  }
  results['journal.filter_ms_2000'] = median(filters);

  // Save: the form's Save with 2,000 entries stored (re-read, apply, serialise, write).
  await seed();
  const saves = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(server.url + 'journal/entry/');
    await appReady(page);
    await page.getByRole('checkbox', { name: 'Tired or drained', exact: true }).check();
    await page.getByRole('radio', { name: '4', exact: true }).check();
    await page.getByLabel('Notes (optional)').fill('Felt it after lunch; eased with water and a short rest.');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.waitForURL(server.url + 'journal/');
    saves.push(await measure(page, 'journal.save'));
  }
  results['journal.save_ms_2000'] = median(saves);

  // Characters per typical entry, as the app itself stores them: save once over the seeded
  // typical entries, then divide.
  await seed();
  await page.goto(server.url + 'journal/');
  await appReady(page);
  await page.locator('.journal-entry').first().getByRole('button', { name: 'Delete' }).click();
  await page.getByText('Entry deleted.').waitFor();
  const storedChars = await page.evaluate((k) => localStorage.getItem(k).length, KEY);
  const perEntry = storedChars / 1999;
  results['journal.chars_per_entry'] = perEntry;
  await context.close();

  // Chromium's localStorage quota for one site, in characters of one value (plus its key).
  const quotaContext = await chromium.newContext();
  const quotaPage = await quotaContext.newPage();
  await quotaPage.goto(server.url + 'about/');
  const quota = await quotaPage.evaluate(() => {
    localStorage.clear();
    const fits = (n) => {
      try {
        localStorage.setItem('q', 'x'.repeat(n));
        return true;
      } catch {
        return false;
      } finally {
        localStorage.removeItem('q');
      }
    };
    let lo = 0;
    let hi = 64 * 1024 * 1024;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (fits(mid)) lo = mid;
      else hi = mid;
    }
    return lo + 1; // + the key's one character
  });
  results['journal.quota_chars'] = quota;
  await quotaContext.close();

  // The envelope around the entries, and the key.
  const overhead = envelope([]).length + KEY.length;
  const maxEntries = Math.floor((quota - overhead) / perEntry);

  // Check it for real through the app's import (one atomic save): the count fits, 3 % more
  // does not.
  const tryImport = async (n) => {
    const ctx = await chromium.newContext();
    const p = await ctx.newPage();
    await p.goto(server.url + 'journal/');
    await appReady(p);
    const file = envelope(Array.from({ length: n }, (_, i) => typical(i)));
    await p.getByLabel('Choose a JSON file exported from Aftercare').setInputFiles({
      name: 'many.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    });
    await p.getByRole('button', { name: /^Import \d+ entries$/ }).click({ timeout: 60000 });
    const outcome = await Promise.race([
      p.locator('.journal-status', { hasText: 'Imported:' }).waitFor({ timeout: 60000 }).then(() => 'saved'),
      p.locator('.journal-import-result .journal-error:visible').waitFor({ timeout: 60000 }).then(async () =>
        /full/.test(await p.locator('.journal-import-result .journal-error').innerText()) ? 'full' : 'error'),
    ]);
    await ctx.close();
    return outcome;
  };
  const fits = await tryImport(maxEntries);
  const over = await tryImport(Math.ceil(maxEntries * 1.03));
  results['journal.max_entries_5mb'] = fits === 'saved' && over === 'full' ? maxEntries : `${maxEntries} (unconfirmed: ${fits}/${over})`;
} finally {
  await chromium.close();
  await server.stop();
}

const round = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? v : v.toFixed(2)) : v);
for (const name of ['journal.load_ms_2000', 'journal.save_ms_2000', 'journal.filter_ms_2000', 'journal.max_entries_5mb']) {
  console.log(`${name}: ${round(results[name])}`);
}
// How the last figure was worked out.
console.log(`journal.chars_per_entry: ${round(results['journal.chars_per_entry'])}`);
console.log(`journal.quota_chars: ${results['journal.quota_chars']}`);
