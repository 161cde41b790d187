// Issue 12, "Nothing lost, nothing silently overwritten", in a real browser: every save runs
// under a Web Lock, two pages saving at once lose nothing, an edit that another tab changed
// or deleted asks instead of overwriting, an import keeps the versions it replaces and can
// be undone, safety copies can be removed one by one, a full store still lets people delete
// (keeping the entries it could not read), and an export keeps the unreadable entries.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  newPage, appReady, storedItems as stored, useSite, journalPages,
  makeEntry, envelope, fillAndSave, download, chooseImport, entryCount,
} from './support.mjs';

// This deployment's keys: the site is served at "/".
const KEY = 'aftercare.journal@/';
const BACKUP = 'aftercare.journal@/#backup.';

const site = useSite();
const { fresh } = site;
const { seed, openJournal } = journalPages(site);

// Helpers of this file.

/** The stored journal, parsed. */
const journalOf = async (page) => JSON.parse((await stored(page))[KEY]);
/** The stored entry with this id (undefined when there is none). */
const storedEntry = async (page, id) => (await journalOf(page)).entries.find((e) => e.id === id);
/** The stored safety copies: [[key, text]]. */
const backupsOf = async (page) => Object.entries(await stored(page)).filter(([k]) => k.startsWith(BACKUP));

// Headless Chromium draws the page in front at full rate and the others about once a
// second, which slows Playwright's actions there (not the app): a test that works in two
// pages brings the one it acts in to the front, as a person switching tabs would.

/** Opens the edit form of the entry with this id. */
async function openEdit(page, id) {
  await page.bringToFront();
  await page.goto(`${site.url}journal/entry/?id=${id}`);
  await appReady(page);
  assert.equal(await page.locator('h1').innerText(), 'Edit an entry');
}

/** Puts `text` in the notes of the open form and presses Save. */
async function saveNotes(page, text) {
  await page.bringToFront();
  await page.getByLabel('Notes (optional)').fill(text);
  await page.getByRole('button', { name: 'Save entry' }).click();
}

/** A journal with one good entry and one this build cannot read. */
const BAD = { id: 'bad-1', severity: 'very' };
const partlyDamaged = () => envelope([makeEntry(1), BAD]);

describe('saving under a lock, from two pages', () => {
  test('a save waits for the Web Lock another page holds, then saves', async () => {
    const { context, page: a } = await fresh();
    await seed(context, { [KEY]: envelope([makeEntry(1)]) });
    const b = await newPage(context);
    await openJournal(a);
    await b.goto(site.url + 'journal/entry/');
    await appReady(b);

    // Page A holds the journal's lock until told to let go.
    await a.evaluate((key) => {
      window.__held = false;
      navigator.locks.request(key, () => {
        window.__held = true;
        return new Promise((release) => {
          window.__release = release;
        });
      });
    }, KEY);
    await a.waitForFunction(() => window.__held === true);

    await fillAndSave(b, { notes: 'saved by B under the lock' });
    await b.waitForTimeout(500);
    // B's save is waiting for the lock: nothing stored yet, still on the form.
    const pending = await a.evaluate(async (key) => (await navigator.locks.query()).pending.filter((l) => l.name === key).length, KEY);
    assert.equal(pending, 1, "B's save is queued on the journal's lock");
    const waiting = await journalOf(b);
    assert.equal(waiting.entries.length, 1);
    assert.ok(!waiting.entries.some((e) => e.notes === 'saved by B under the lock'), 'not saved while A holds the lock');
    assert.equal(b.url(), site.url + 'journal/entry/', 'B is still on the form');
    assert.equal(await b.getByLabel('Notes (optional)').inputValue(), 'saved by B under the lock');

    // A lets go: B's save runs.
    await a.evaluate(() => window.__release());
    await b.waitForURL(site.url + 'journal/');
    await b.locator('.journal-status', { hasText: 'Entry saved.' }).waitFor();
    const saved = await journalOf(b);
    assert.equal(saved.entries.length, 2);
    assert.ok(saved.entries.some((e) => e.notes === 'saved by B under the lock'));
    assert.ok(saved.entries.some((e) => e.id === 'e-test-1'), 'the earlier entry is kept');
    // A hears the save.
    await a.bringToFront();
    await a.locator('.journal-entry', { hasText: 'saved by B under the lock' }).waitFor();
    assert.deepEqual([...a.problems, ...b.problems], []);
    await context.close();
  });

  test('two pages adding 8 entries each at the same time: all 16 are kept', async () => {
    const { context, page: a } = await fresh();
    const b = await newPage(context);
    const N = 8;
    // Each loop brings its page to the front before each step (see openEdit).
    const run = async (page, prefix) => {
      for (let i = 1; i <= N; i += 1) {
        await page.bringToFront();
        await page.goto(site.url + 'journal/entry/');
        await appReady(page);
        await page.bringToFront();
        await fillAndSave(page, { notes: `${prefix}${i}` });
        await page.waitForURL(site.url + 'journal/');
        await page.locator('.journal-status', { hasText: 'Entry saved.' }).waitFor();
      }
    };
    await Promise.all([run(a, 'A'), run(b, 'B')]);
    const saved = await journalOf(a);
    assert.equal(saved.entries.length, 2 * N);
    assert.equal(new Set(saved.entries.map((e) => e.id)).size, 2 * N, 'distinct ids');
    const notes = saved.entries.map((e) => e.notes).sort();
    const expected = [];
    for (let i = 1; i <= N; i += 1) expected.push(`A${i}`, `B${i}`);
    assert.deepEqual(notes, expected.sort(), 'every note, once');
    for (const page of [a, b]) {
      await page.bringToFront();
      await page.reload();
      await appReady(page);
      assert.equal(await entryCount(page), 2 * N);
    }
    assert.deepEqual([...a.problems, ...b.problems], []);
    await context.close();
  });
});

describe('an edit another tab changed or deleted asks', () => {
  /** One entry, its edit form open in A and B; B saves "from B"; A saves "from A". */
  async function clash() {
    const { context, page: a } = await fresh();
    await seed(context, { [KEY]: envelope([makeEntry(1)]) });
    const b = await newPage(context);
    await openEdit(a, 'e-test-1');
    await openEdit(b, 'e-test-1');
    await saveNotes(b, 'from B');
    await b.waitForURL(site.url + 'journal/');
    await b.locator('.journal-status', { hasText: 'Entry saved.' }).waitFor();
    assert.equal((await storedEntry(b, 'e-test-1')).notes, 'from B');

    await saveNotes(a, 'from A');
    const alert = a.locator('.journal-clash');
    await alert.waitFor();
    assert.equal(await alert.getAttribute('role'), 'alert');
    assert.match(await alert.innerText(), /This entry was changed in another tab or window after you opened it/);
    await a.waitForFunction(() => document.activeElement?.classList.contains('journal-clash'));
    await a.waitForTimeout(200);
    assert.equal(a.url(), site.url + 'journal/entry/?id=e-test-1', 'A stays on the form');
    assert.equal(await a.getByLabel('Notes (optional)').inputValue(), 'from A', "A's input is kept");
    assert.equal((await storedEntry(a, 'e-test-1')).notes, 'from B', "B's version is not overwritten");
    assert.equal((await journalOf(a)).entries.length, 1);
    assert.equal(await alert.getByRole('button', { name: 'Save mine as a new entry' }).isVisible(), false);
    return { context, a, b, alert };
  }

  test('"Show the other version" puts it in the form, and saving from there works', async () => {
    const { context, a, b, alert } = await clash();
    await alert.getByRole('button', { name: 'Show the other version' }).click();
    await alert.waitFor({ state: 'hidden' });
    assert.equal(await a.getByLabel('Notes (optional)').inputValue(), 'from B');
    // A builds on B's version and saves: no clash this time.
    await saveNotes(a, 'from B, then A');
    await a.waitForURL(site.url + 'journal/');
    await a.locator('.journal-status', { hasText: 'Entry saved.' }).waitFor();
    const saved = await journalOf(a);
    assert.equal(saved.entries.length, 1);
    assert.equal(saved.entries[0].notes, 'from B, then A');
    assert.deepEqual([...a.problems, ...b.problems], []);
    await context.close();
  });

  test('"Save mine over it" saves this version', async () => {
    const { context, a, b, alert } = await clash();
    await alert.getByRole('button', { name: 'Save mine over it' }).click();
    await a.waitForURL(site.url + 'journal/');
    await a.locator('.journal-status', { hasText: 'Entry saved.' }).waitFor();
    const saved = await journalOf(a);
    assert.equal(saved.entries.length, 1);
    assert.equal(saved.entries[0].id, 'e-test-1');
    assert.equal(saved.entries[0].notes, 'from A');
    await b.bringToFront();
    await b.locator('.journal-entry', { hasText: 'from A' }).waitFor();
    assert.deepEqual([...a.problems, ...b.problems], []);
    await context.close();
  });

  test('an entry deleted in another tab: saving asks, "Save mine as a new entry" saves it', async () => {
    const { context, page: a } = await fresh();
    await seed(context, { [KEY]: envelope([makeEntry(1)]) });
    const b = await newPage(context);
    await openEdit(a, 'e-test-1');
    await b.bringToFront();
    await openJournal(b);
    await b.locator('.journal-entry', { hasText: 'Entry 1:' }).getByRole('button', { name: 'Delete' }).click();
    await b.locator('.journal-status', { hasText: 'Entry deleted.' }).waitFor();
    assert.equal((await journalOf(b)).entries.length, 0);

    await saveNotes(a, 'from A');
    const alert = a.locator('.journal-clash');
    await alert.waitFor();
    assert.equal(await alert.getAttribute('role'), 'alert');
    assert.match(await alert.innerText(), /This entry was deleted in another tab or window after you opened it/);
    assert.doesNotMatch(await alert.innerText(), /changed in another tab/);
    assert.equal(await alert.getByRole('button', { name: 'Save mine over it' }).isVisible(), false);
    assert.equal(a.url(), site.url + 'journal/entry/?id=e-test-1');
    assert.equal((await journalOf(a)).entries.length, 0, 'not saved without asking');

    await alert.getByRole('button', { name: 'Save mine as a new entry' }).click();
    await a.waitForURL(site.url + 'journal/');
    await a.locator('.journal-status', { hasText: 'Entry saved.' }).waitFor();
    const saved = await journalOf(a);
    assert.equal(saved.entries.length, 1);
    assert.equal(saved.entries[0].notes, 'from A');
    assert.equal(await entryCount(a), 1);
    assert.deepEqual([...a.problems, ...b.problems], []);
    await context.close();
  });
});

describe('imports keep what they replace', () => {
  const MINE = makeEntry(1, { notes: 'mine' });
  const FILE = envelope([
    makeEntry(1, { notes: 'from the file', updated_ms: MINE.updated_ms + 3600000 }),
    makeEntry(3),
  ]);

  /** Seeds e-test-1 ("mine") and e-test-2, opens the journal and previews FILE. */
  async function previewed() {
    const { context, page } = await fresh();
    await seed(context, { [KEY]: envelope([MINE, makeEntry(2)]) });
    await openJournal(page);
    await chooseImport(page, 'update.json', FILE);
    const preview = page.locator('.journal-import-preview');
    assert.match(await preview.innerText(), /1 new, 1 already here \(0 identical, 1 changed\), 0 invalid/);
    assert.match(await preview.innerText(), /1 of your entries will be replaced by the file's version\./);
    // The preview names which of the person's entries: when it started and what it noted.
    const which = preview.locator('.journal-import-replaced');
    await which.locator('summary').click();
    const named = await which.locator('li').allInnerTexts();
    assert.equal(named.length, 1);
    assert.match(named[0], /^1 January 2024 at 13:30: \S/);
    return { context, page, preview };
  }

  test('an import keeps the versions it replaced under "Copies kept for safety", and "Undo import" puts them back', async () => {
    const { context, page, preview } = await previewed();
    assert.equal(await backupsOf(page).then((b) => b.length), 0, 'no copy before the import');
    await preview.getByRole('button', { name: 'Import 2 entries' }).click();
    const status = page.locator('.journal-status');
    await status.getByText('Imported: 1 new, 1 updated.').waitFor();
    assert.match(await status.innerText(), /Copies kept for safety/);
    assert.equal((await storedEntry(page, 'e-test-1')).notes, 'from the file');
    assert.ok(await storedEntry(page, 'e-test-3'));

    const backups = await backupsOf(page);
    assert.equal(backups.length, 1);
    assert.match(backups[0][0], /^aftercare\.journal@\/#backup\.replaced\.\d+$/);
    const kept = JSON.parse(backups[0][1]);
    assert.deepEqual(kept.entries.map((e) => e.id), ['e-test-1']);
    assert.equal(kept.entries[0].notes, 'mine');
    const listed = page.locator('.journal-backups li');
    assert.equal(await listed.count(), 1);
    assert.match(await listed.innerText(), /Your entries as they were before an import replaced them/);

    await status.getByRole('button', { name: 'Undo import' }).click();
    await status.getByText('Import undone: 1 taken out, 1 put back as they were.').waitFor();
    const after = await journalOf(page);
    assert.deepEqual(after.entries.map((e) => e.id).sort(), ['e-test-1', 'e-test-2']);
    assert.equal(after.entries.find((e) => e.id === 'e-test-1').notes, 'mine');
    assert.equal(await entryCount(page), 2);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('"Keep mine" imports only the new entry', async () => {
    const { context, page, preview } = await previewed();
    await preview.getByRole('button', { name: 'Keep mine, import only the 1 new entry' }).click();
    await page.locator('.journal-status', { hasText: 'Imported: 1 new, 0 updated.' }).waitFor();
    const after = await journalOf(page);
    assert.deepEqual(after.entries.map((e) => e.id).sort(), ['e-test-1', 'e-test-2', 'e-test-3']);
    assert.equal(after.entries.find((e) => e.id === 'e-test-1').notes, 'mine');
    assert.equal(await entryCount(page), 3);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
});

describe('safety copies', () => {
  test('each copy can be downloaded and removed on its own, after a confirmation', async () => {
    const { context, page } = await fresh();
    const damagedKey = `${BACKUP}damaged.1000`;
    const unreadableKey = `${BACKUP}unreadable.2000`;
    const damagedText = '{"app":"aftercare","kind":"journal","version":1,"entries":[7,';
    const unreadableText = 'not a journal at all \u2014 ça';
    await seed(context, {
      [KEY]: envelope([makeEntry(1)]),
      [damagedKey]: damagedText,
      [unreadableKey]: unreadableText,
    });
    await openJournal(page);
    const items = page.locator('.journal-backups li');
    assert.equal(await items.count(), 2);
    for (let i = 0; i < 2; i += 1) {
      assert.equal(await items.nth(i).getByRole('button', { name: 'Download' }).isVisible(), true);
      assert.equal(await items.nth(i).getByRole('button', { name: 'Remove', exact: true }).isVisible(), true);
    }
    // Oldest first: the damaged copy (kept at 1000).
    const first = items.nth(0);
    assert.match(await first.innerText(), /Journal with entries that could not be read/);
    assert.match(await items.nth(1).innerText(), /Data that could not be read/);

    // "Remove" asks first; "Keep it" keeps it.
    await first.getByRole('button', { name: 'Remove', exact: true }).click();
    const confirm = first.locator('.journal-copy-confirm');
    await confirm.waitFor();
    assert.match(await confirm.innerText(), /Remove this copy from this browser\?/);
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await confirm.waitFor({ state: 'hidden' });
    assert.equal((await stored(page))[damagedKey], damagedText, 'kept');
    assert.equal(await items.count(), 2);

    // "Remove", "Remove it": that copy, and only that one, goes.
    await first.getByRole('button', { name: 'Remove', exact: true }).click();
    await confirm.getByRole('button', { name: 'Remove it' }).click();
    await page.locator('.journal-status', { hasText: 'Copy removed.' }).waitFor();
    const after = await stored(page);
    assert.equal(after[damagedKey], undefined, 'removed from storage');
    assert.equal(after[unreadableKey], unreadableText, 'the other copy stays');
    assert.equal(after[KEY], envelope([makeEntry(1)]), 'the journal is untouched');
    assert.equal(await items.count(), 1);
    assert.match(await items.nth(0).innerText(), /Data that could not be read/);

    const file = await download(page, () => items.nth(0).getByRole('button', { name: 'Download' }).click());
    assert.equal(file.text, unreadableText, 'the copy, byte for byte');
    assert.deepEqual(page.problems, []);
    await context.close();
  });
});

describe('unreadable entries', () => {
  test('a full store still lets people delete, and the entries it could not read are kept', async () => {
    const { context, page } = await fresh();
    await seed(context, { [KEY]: partlyDamaged() });
    // No room for a safety copy.
    await page.addInitScript((prefix) => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (String(k).startsWith(prefix)) throw new DOMException('quota', 'QuotaExceededError');
        return setItem.call(this, k, v);
      };
    }, BACKUP);
    await openJournal(page);
    const banner = page.locator('[data-banner="backup-failed"]');
    await banner.waitFor();
    const said = await banner.innerText();
    assert.match(said, /Changes cannot be saved yet\./);
    assert.match(said, /keeps a copy of stored data it could not fully read, and it could not \(your browser's storage for this site is full\)\. Nothing has been lost/);
    assert.equal(await entryCount(page), 1);
    assert.deepEqual(await backupsOf(page), []);

    // Adding is refused: the unreadable entry would be saved over without a copy.
    await page.goto(site.url + 'journal/entry/');
    await appReady(page);
    await fillAndSave(page, { notes: 'does not fit' });
    const error = page.locator('.journal-save-error');
    await error.waitFor();
    assert.match(await error.innerText(), /there is no room for that copy/);
    assert.equal(page.url(), site.url + 'journal/entry/');
    assert.equal((await stored(page))[KEY], partlyDamaged(), 'nothing changed');

    // Deleting works.
    await openJournal(page);
    await page.locator('.journal-entry', { hasText: 'Entry 1:' }).getByRole('button', { name: 'Delete' }).click();
    await page.locator('.journal-status', { hasText: 'Entry deleted.' }).waitFor();
    assert.equal(await entryCount(page), 0);
    const text = (await stored(page))[KEY];
    assert.ok(text.includes('"severity":"very"'), `the unreadable entry is still stored: ${text}`);
    const after = JSON.parse(text);
    assert.deepEqual(after.entries, []);
    assert.deepEqual(after.unreadable, [BAD], 'kept as it was, in "unreadable"');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('exports keep the entries this build could not read, and say so', async () => {
    const { context, page } = await fresh();
    await seed(context, { [KEY]: partlyDamaged() });
    await openJournal(page);
    assert.equal(await entryCount(page), 1);
    const status = page.locator('.journal-status');
    const json = await download(page, () => page.getByRole('button', { name: 'Export as JSON' }).click());
    const exported = JSON.parse(json.text);
    assert.deepEqual(exported.entries.map((e) => e.id), ['e-test-1']);
    assert.deepEqual(exported.unreadable, [BAD]);
    await status.getByText('Exported. 1 entry this version of Aftercare could not read is in the file as it was stored.').waitFor();

    const csv = await download(page, () => page.getByRole('button', { name: 'Export as CSV' }).click());
    assert.ok(!csv.text.includes('bad-1'), 'a CSV has no place for it');
    await status
      .getByText('Exported. 1 entry this version of Aftercare could not read is not in the CSV file; export as JSON to keep it.')
      .waitFor();
    assert.deepEqual(page.problems, []);
    await context.close();
  });
});
