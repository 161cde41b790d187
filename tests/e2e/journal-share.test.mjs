// "Share with my practitioner" on the journal summary, in a copy without a clinic: where the
// browser cannot share files (headless Chromium has no Web Share) the file is downloaded;
// where it can (navigator.share and canShare stubbed before the app starts) the share sheet
// gets the CSV file, a title and a plain-text summary. The person's name and the "printed on"
// date head the summary, and the name is never stored.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, axe, storedItems, useSite, journalPages, makeEntry, envelope, download } from './support.mjs';

const KEY = 'aftercare.journal@/';
const site = useSite();
const { seed } = journalPages(site);
// Six entries over two days (makeEntry puts three on each day).
const entries = Array.from({ length: 6 }, (_, i) => makeEntry(i));
const FILE = 'aftercare-summary-2024-01-01-to-2024-01-02.csv';

/** Opens the summary of the seeded journal in a fresh context; `init` runs before the app. */
async function openSummary(init) {
  const { context, page } = await site.fresh();
  await seed(context, { [KEY]: envelope(entries) });
  if (init) await page.addInitScript(init);
  await page.goto(site.url + 'journal/summary/');
  await appReady(page);
  return { context, page };
}

/** The CSV rows the file must hold: a header and one row per entry, each naming its note. */
function checkCsv(text) {
  assert.ok(text.startsWith('\uFEFF'), 'a byte-order mark, for spreadsheets');
  const lines = text.slice(1).trim().split('\r\n');
  assert.match(lines[0], /^id,/);
  assert.equal(lines.length, 1 + entries.length);
  for (const e of entries) assert.ok(text.includes(e.id) && text.includes(e.notes), e.id);
}

describe('share the summary', () => {
  test('without Web Share, Share downloads the file and says so; the name heads the summary but is never stored', async () => {
    const { context, page } = await openSummary();
    assert.equal(await page.evaluate(() => typeof navigator.share), 'undefined', 'headless Chromium cannot share');
    const section = page.locator('.summary-share');
    assert.equal(await section.locator('h2').innerText(), 'Share with my practitioner');
    // No clinic in this copy: no call button, no email offer.
    assert.equal(await page.locator('.clinic-contact').count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Email your practitioner' }).count(), 0);

    assert.equal(await page.locator('.summary-name').isVisible(), false);
    await page.getByLabel('Your name (optional, never saved)').fill('Alex Doe');
    assert.equal(await page.locator('.summary-name').innerText(), 'Name: Alex Doe');
    assert.match(await page.locator('.summary-printed').innerText(), /^Printed on \d{1,2} [A-Z][a-z]+ \d{4}$/);

    const file = await download(page, () => page.getByRole('button', { name: 'Share', exact: true }).click());
    assert.equal(file.name, FILE);
    checkCsv(file.text);
    assert.match(await page.locator('.share-status').innerText(), new RegExp(`saved ${FILE} to your downloads`));
    const kept = JSON.stringify(await storedItems(page));
    assert.ok(!kept.includes('Alex Doe'), 'the name is not stored');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('with Web Share, the share sheet gets the CSV file, a title and a plain-text summary', async () => {
    const { context, page } = await openSummary(() => {
      window.__shares = [];
      navigator.canShare = (data) => Array.isArray(data?.files) && data.files.every((f) => f instanceof File);
      navigator.share = async (data) => {
        // Decoded keeping a byte-order mark (File.text() would drop it).
        const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
        const files = await Promise.all(
          data.files.map(async (f) => ({ name: f.name, type: f.type, text: decoder.decode(await f.arrayBuffer()) })),
        );
        window.__shares.push({ title: data.title, text: data.text, files });
      };
    });
    await page.getByLabel('Your name (optional, never saved)').fill('Alex Doe');
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.locator('.share-status', { hasText: 'Shared.' }).waitFor();
    const shares = await page.evaluate(() => window.__shares);
    assert.equal(shares.length, 1);
    const [shared] = shares;
    assert.equal(shared.title, 'Symptom journal from 1 January 2024 to 2 January 2024');
    assert.equal(shared.files.length, 1);
    assert.equal(shared.files[0].name, FILE);
    assert.equal(shared.files[0].type, 'text/csv');
    checkCsv(shared.files[0].text);
    const lines = shared.text.split('\n');
    assert.equal(lines[0], 'Symptom journal from 1 January 2024 to 2 January 2024');
    assert.equal(lines[1], 'Name: Alex Doe');
    assert.match(lines[2], /^6 entries on 2 days/);
    assert.match(shared.text, /Printed on \d{1,2} [A-Z][a-z]+ \d{4}/);
    assert.ok(shared.text.includes(FILE));
    assert.equal(downloads, 0, 'shared, not downloaded');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('a closed share sheet downloads nothing and says it was not shared', async () => {
    const { context, page } = await openSummary(() => {
      navigator.canShare = () => true;
      navigator.share = () => Promise.reject(new DOMException('closed', 'AbortError'));
    });
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.locator('.share-status', { hasText: 'Not shared. Press Share to try again.' }).waitFor();
    assert.equal(downloads, 0);
    await context.close();
  });
});
