// The symptom journal in a real browser: entries saved through the form persist across
// reloads; the list filters, deletes with undo, exports and imports; and every "never lose
// data" case of issue 5 is driven for real: older, newer, corrupt and partly corrupt stored
// data, a full storage, storage turned off, two tabs at once, and hostile import files.
// axe finds nothing on the list, the form with its errors, or the summary.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  newPage, appReady, axe, root, storedItems as stored, useSite, journalPages,
  makeEntry, envelope, fillAndSave, download, chooseImport, entryCount,
} from './support.mjs';

// This deployment's keys: the site is served at "/" (see journal-key.test.mjs for others).
const KEY = 'aftercare.journal@/';
const BACKUP = 'aftercare.journal@/#backup.';
const fixture = (name) => readFile(path.join(root, 'core/tests/fixtures/journal', name), 'utf8');

const site = useSite();
const { fresh } = site;
const { seed, openJournal, addEntry } = journalPages(site);

describe('journal basics', () => {
  test('an entry saved through the form shows every detail and persists across reload', async () => {
    const { context, page } = await fresh();
    await openJournal(page);
    assert.match(await page.locator('.journal-empty').innerText(), /Nothing here yet/);
    await page.getByRole('link', { name: 'Add an entry' }).click();
    await page.waitForURL(site.url + 'journal/entry/');
    // "When did it start?" defaults to now on this device.
    const started = await page.getByLabel('When did it start?').inputValue();
    assert.match(started, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    const startedDay = started.slice(0, 10);
    const session = new Date(Date.parse(startedDay + 'T12:00:00Z') - 2 * 86400000).toISOString().slice(0, 10);
    await fillAndSave(page, {
      symptoms: ['Tired or drained', 'Chest pain or breathlessness'],
      severity: '6',
      session,
      unit: 'hours',
      amount: '3',
      notes: 'Went to bed early.\nSecond line.',
    });
    await page.waitForURL(site.url + 'journal/');
    const card = page.locator('.journal-entry');
    assert.equal(await card.count(), 1);
    const text = await card.innerText();
    for (const part of ['Tired or drained', 'Chest pain or breathlessness', 'Day 2 after your session', 'Severity 6 out of 10', 'Lasted 3 hours', 'Went to bed early.\nSecond line.']) {
      assert.ok(text.includes(part), `card shows ${JSON.stringify(part)}: ${text}`);
    }
    assert.equal(await card.locator('.level-badge.level-emergency').count(), 1, 'the most urgent level of its symptoms');
    assert.equal(await card.getByRole('link', { name: 'Is this normal?' }).getAttribute('href'), 'check/?symptoms=fatigue,chest');
    const saved = JSON.parse((await stored(page))[KEY]);
    assert.equal(saved.version, 1);
    assert.equal(saved.entries.length, 1);
    assert.deepEqual(saved.entries[0].symptoms, ['fatigue', 'chest']);
    assert.deepEqual(saved.entries[0].duration, { unit: 'hours', amount: 3 });

    await page.reload();
    await appReady(page);
    assert.equal(await entryCount(page), 1, 'still there after a reload');
    assert.match(await page.locator('.journal-day h2').innerText(), /^\w+day \d{1,2} \w+ \d{4}$/);
    // The browser was asked to keep the data after the first save; its answer is shown.
    const kept = await page.locator('.journal-persist').getAttribute('data-persisted');
    if (kept === 'yes') {
      assert.match(await page.locator('.journal-persist').innerText(), /Your browser agreed to keep this journal/);
      assert.equal(await page.locator('.journal-persist-more').isVisible(), false);
    } else {
      assert.equal(kept, 'no');
      assert.match(await page.locator('.journal-persist').innerText(), /Your browser may clear this data if space runs low/);
      assert.match(
        await page.locator('.journal-persist-more').innerText(),
        /Safari may delete it after 7 days without a visit unless Aftercare is on your home screen: export a copy regularly, or add Aftercare to your home screen/,
      );
    }
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('editing keeps the id and creation time, and changes what is shown', async () => {
    const { context, page } = await fresh();
    await seed(context, { [KEY]: envelope([makeEntry(1), makeEntry(2)]) });
    await openJournal(page);
    await page.locator('.journal-entry', { hasText: 'Entry 1:' }).getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL(/journal\/entry\/\?id=e-test-1$/);
    assert.equal(await page.locator('h1').innerText(), 'Edit an entry');
    assert.equal(await page.getByLabel('Notes (optional)').inputValue(), makeEntry(1).notes);
    assert.equal(await page.getByRole('radio', { name: '1', exact: true }).isChecked(), true);
    await page.getByRole('radio', { name: '9', exact: true }).check();
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.waitForURL(site.url + 'journal/');
    // The entry as drawn: waits until it shows the new severity.
    await page.locator('.journal-entry', { hasText: 'Entry 1:' }).filter({ hasText: 'Severity 9 out of 10' }).waitFor();
    const saved = JSON.parse((await stored(page))[KEY]).entries.find((e) => e.id === 'e-test-1');
    assert.equal(saved.severity, 9);
    assert.equal(saved.created_ms, makeEntry(1).created_ms);
    assert.ok(saved.updated_ms > saved.created_ms);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('form errors show beside their fields, in a summary, and clear when fixed', async () => {
    const { context, page } = await fresh();
    await page.goto(site.url + 'journal/entry/');
    await appReady(page);
    await page.getByLabel('Unit').selectOption('hours');
    await page.getByLabel('How long', { exact: true }).fill('a while');
    await page.getByRole('button', { name: 'Save entry' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    assert.equal(await summary.getAttribute('role'), 'alert');
    assert.equal(await summary.locator('li').count(), 3, 'symptoms, severity and duration');
    // Focus moves to the summary.
    await page.waitForFunction(() => document.activeElement.classList.contains('error-summary'));
    assert.match(await page.locator('#field-symptoms-error').innerText(), /Choose at least one symptom/);
    assert.match(await page.locator('#field-severity-error').innerText(), /Choose how bad it is/);
    assert.match(await page.locator('#field-duration-error').innerText(), /whole number/);
    assert.match(await page.locator('fieldset:has(#field-symptoms)').getAttribute('aria-describedby'), /field-symptoms-error/);
    assert.equal(await page.locator('#field-duration').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#field-notes').getAttribute('aria-invalid'), null);
    // A summary item moves to its field.
    await summary.getByRole('button', { name: /Choose how bad it is/ }).click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'field-severity');

    assert.deepEqual(await axe(page), [], 'axe on the form with its errors');

    // Fixing a field clears its message at once.
    await page.getByRole('radio', { name: '3', exact: true }).check();
    await page.locator('#field-severity-error').waitFor({ state: 'hidden' });
    await page.getByLabel('How long', { exact: true }).fill('2');
    await page.locator('#field-duration-error').waitFor({ state: 'hidden' });
    assert.equal(await page.locator('#field-duration').getAttribute('aria-invalid'), null);
    assert.equal(await page.locator('#field-symptoms-error').isVisible(), true);
    assert.doesNotMatch(await page.locator('fieldset:has(#field-severity)').getAttribute('aria-describedby'), /error/);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('a double tap on "Save entry" saves the entry once', async () => {
    const { context, page } = await fresh();
    await page.goto(site.url + 'journal/entry/');
    await appReady(page);
    await page.getByRole('checkbox', { name: 'Tired or drained', exact: true }).check();
    await page.getByRole('radio', { name: '3', exact: true }).check();
    await page.getByLabel('Notes (optional)').fill('tapped twice');
    // Two submits in one go: the second arrives while the first waits for the journal's lock.
    await page.evaluate(() => {
      const form = document.querySelector('form.entry-form');
      form.requestSubmit();
      form.requestSubmit();
    });
    await page.waitForURL(site.url + 'journal/');
    await page.locator('.journal-status', { hasText: 'Entry saved.' }).waitFor();
    await page.waitForTimeout(300);
    assert.equal(await entryCount(page), 1);
    assert.equal(JSON.parse((await stored(page))[KEY]).entries.length, 1);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('filters by symptom and by words in the notes, with the state in the URL', async () => {
    const { context, page } = await fresh();
    const entries = [makeEntry(0), makeEntry(1), makeEntry(2, { notes: 'Café with Zoë, felt dizzy' }), makeEntry(3)];
    await seed(context, { [KEY]: envelope(entries) });
    await openJournal(page);
    assert.equal(await entryCount(page), 4);
    // Newest first, grouped by day: entries 3 (day 2) then 2, 1, 0 (day 1).
    const headings = await page.locator('.journal-day h2').allInnerTexts();
    assert.deepEqual(headings, ['Tuesday 2 January 2024', 'Monday 1 January 2024']);
    assert.match(await page.locator('.journal-entry').first().innerText(), /Entry 3:/);

    await page.getByLabel('Symptom').selectOption('tingling');
    await page.waitForURL(/\?symptom=tingling$/);
    // tingling is in entries 1 (dizzy, tingling) and 2 (tingling, sleep).
    assert.equal(await entryCount(page), 2);
    await page.getByLabel('Search your notes').fill('cafe zoe');
    assert.equal(await entryCount(page), 0, 'the words must appear together');
    await page.getByLabel('Search your notes').fill('CAFE');
    await page.waitForURL(/symptom=tingling&text=CAFE$/);
    assert.equal(await entryCount(page), 1, 'case and accents are ignored');
    assert.match(await page.locator('.journal-count').innerText(), /1 of 4 entries match/);

    await page.reload();
    await appReady(page);
    assert.equal(await entryCount(page), 1, 'the filter comes back from the URL');
    assert.equal(await page.getByLabel('Search your notes').inputValue(), 'CAFE');
    assert.equal(await page.getByLabel('Symptom').inputValue(), 'tingling');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('a double tap on Delete deletes once and keeps "Undo"', async () => {
    const { context, page } = await fresh();
    await seed(context, { [KEY]: envelope([makeEntry(1), makeEntry(2)]) });
    await openJournal(page);
    // Two clicks in one go: the second arrives before the card goes.
    await page.evaluate(() => {
      const button = [...document.querySelectorAll('.journal-entry')].find((e) => e.textContent.includes('Entry 1:')).querySelector('button[data-delete]');
      button.click();
      button.click();
    });
    const status = page.locator('.journal-status');
    await status.getByText('Entry deleted.').waitFor();
    await page.waitForTimeout(300);
    assert.equal(await status.getByRole('button', { name: 'Undo' }).count(), 1, 'Undo is still offered');
    assert.equal(await entryCount(page), 1);
    await status.getByRole('button', { name: 'Undo' }).click();
    await status.getByText('Entry restored.').waitFor();
    assert.equal(await entryCount(page), 2);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('delete shows "Entry deleted. Undo" and Undo puts the entry back', async () => {
    const { context, page } = await fresh();
    await seed(context, { [KEY]: envelope([makeEntry(1), makeEntry(2)]) });
    await openJournal(page);
    await page.locator('.journal-entry', { hasText: 'Entry 1:' }).getByRole('button', { name: 'Delete' }).click();
    const status = page.locator('.journal-status');
    await status.getByText('Entry deleted.').waitFor();
    assert.equal(await status.getAttribute('role'), 'status');
    assert.equal(await entryCount(page), 1);
    assert.equal(JSON.parse((await stored(page))[KEY]).entries.length, 1);
    // Focus moves to Undo.
    await page.waitForFunction(() => document.activeElement.textContent === 'Undo');
    await status.getByRole('button', { name: 'Undo' }).click();
    await status.getByText('Entry restored.').waitFor();
    assert.equal(await entryCount(page), 2);
    const ids = JSON.parse((await stored(page))[KEY]).entries.map((e) => e.id);
    assert.deepEqual(ids, ['e-test-1', 'e-test-2'], 'back in its place');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('2,000 entries: the newest 30 are drawn, "Show 30 more" adds the next', async () => {
    const { context, page } = await fresh();
    await seed(context, { [KEY]: envelope(Array.from({ length: 2000 }, (_, i) => makeEntry(i))) });
    await openJournal(page);
    assert.equal(await entryCount(page), 30);
    assert.match(await page.locator('.journal-count').innerText(), /Showing the newest 30 of 2,000 matching entries/);
    await page.getByRole('button', { name: 'Show 30 more' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.journal-entry').length === 60);
    // innerText, as a person reads it: cards off screen are laid out too, never skipped
    // (no `content-visibility`), so what is drawn can be read (and found) anywhere on the page.
    assert.match(await page.locator('.journal-entry').first().innerText(), /Entry 1999:/);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
});

describe('never lose data', () => {
  test('an older version migrates, and the original is kept before the first save', async () => {
    const { context, page } = await fresh();
    const legacy = await fixture('v0-legacy.json');
    await seed(context, { [KEY]: legacy });
    await openJournal(page);
    assert.match(await page.locator('[data-banner="migrated"]').innerText(), /updated to the new format/);
    assert.ok((await entryCount(page)) >= 2);
    const before = await stored(page);
    const backups = Object.keys(before).filter((k) => k.startsWith(BACKUP));
    assert.equal(backups.length, 1);
    assert.equal(before[backups[0]], legacy, 'the raw original, byte for byte');
    assert.equal(before[KEY], legacy, 'nothing is rewritten just by looking');
    const shown = await entryCount(page);
    await addEntry(page, { notes: 'after migration' });
    const after = await stored(page);
    const saved = JSON.parse(after[KEY]);
    assert.equal(saved.version, 1);
    assert.equal(saved.entries.length, shown + 1);
    assert.equal(after[backups[0]], legacy, 'the original is still kept');
    await page.reload();
    await appReady(page);
    assert.equal(await page.locator('[data-banner]:visible').count(), 0, 'loads as the current version now');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('a newer version opens read-only and is never overwritten', async () => {
    const { context, page } = await fresh();
    const future = await fixture('v2-future.json');
    await seed(context, { [KEY]: future });
    await openJournal(page);
    assert.match(await page.locator('[data-banner="read-only"]').innerText(), /newer version of Aftercare \(format 2\)/);
    assert.equal(await entryCount(page), 1, 'the readable entry is shown');
    assert.equal(await page.getByRole('link', { name: 'Add an entry' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Delete', exact: true }).count(), 0);
    assert.equal(await page.getByLabel('Choose a JSON file exported from Aftercare').isVisible(), false, 'no import');
    const raw = await download(page, () => page.getByRole('button', { name: 'Download the stored data' }).click());
    assert.equal(raw.text, future);
    // "Delete all" says plainly that it would remove what this version cannot show.
    await page.getByRole('button', { name: 'Delete all my data' }).click();
    assert.match(await page.locator('.journal-confirm').innerText(), /the whole journal saved by the newer version/);
    assert.match(await page.locator('.journal-confirm').innerText(), /This deletes your 1 entry and 1 entry Aftercare could not read\. Download them first\?/);
    const offered = await download(page, () => page.locator('.journal-confirm').getByRole('button', { name: 'Download the data first' }).click());
    assert.equal(offered.text, future, 'the raw stored data, byte for byte');
    await page.locator('.journal-confirm').getByRole('button', { name: 'Cancel' }).click();
    assert.equal((await stored(page))[KEY], future);
    // Even the form refuses to save, with a clear reason.
    await page.goto(site.url + 'journal/entry/');
    await appReady(page);
    await fillAndSave(page, {});
    assert.match(await page.locator('.journal-save-error').innerText(), /newer version of Aftercare/);
    assert.equal((await stored(page))[KEY], future, 'untouched');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('corrupt data: nothing deleted, the original kept and downloadable, the person told', async () => {
    const { context, page } = await fresh();
    const corrupt = await fixture('corrupt-truncated.json');
    await seed(context, { [KEY]: corrupt });
    await openJournal(page);
    const banner = page.locator('[data-banner="unreadable"]');
    assert.match(await banner.innerText(), /Your saved journal could not be read\. Nothing has been deleted/);
    const raw = await download(page, () => banner.getByRole('button', { name: 'Download the damaged data' }).click());
    assert.equal(raw.text, corrupt);
    const backups = Object.entries(await stored(page)).filter(([k]) => k.startsWith(BACKUP));
    assert.deepEqual(backups.map(([, v]) => v), [corrupt]);
    await addEntry(page, { notes: 'a fresh start' });
    const after = await stored(page);
    assert.equal(JSON.parse(after[KEY]).entries.length, 1);
    assert.equal(after[backups[0][0]], corrupt, 'the backup survives the first save');
    assert.equal(await page.locator('.journal-backups li').count(), 1, 'listed under "Copies kept for safety"');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('partly corrupt data: the good entries load and the rest is kept', async () => {
    const { context, page } = await fresh();
    const partial = await fixture('v1-partial.json');
    await seed(context, { [KEY]: partial });
    await openJournal(page);
    assert.equal(await entryCount(page), 2, 'good-1 and good-2');
    assert.match(await page.locator('[data-banner="damaged"]').innerText(), /6 entries could not be read\. The rest of your journal is shown/);
    const backups = Object.entries(await stored(page)).filter(([k]) => k.startsWith(BACKUP));
    assert.deepEqual(backups.map(([, v]) => v), [partial]);
    await page.locator('.journal-entry').first().getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Entry deleted.').waitFor();
    const after = await stored(page);
    assert.equal(JSON.parse(after[KEY]).entries.length, 1);
    assert.equal(after[backups[0][0]], partial);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('the damaged-data banner downloads the copy made for this load, even when an older copy has a future timestamp', async () => {
    const { context, page } = await fresh();
    const partial = await fixture('v1-partial.json');
    // A copy kept earlier under a clock far in the future: by timestamp it is the newest.
    const skewed = `${BACKUP}damaged.${Date.now() + 50 * 365 * 86400000}`;
    const older = envelope([makeEntry(7)]).replace('"entries":[', '"entries":[7,');
    await seed(context, { [KEY]: partial, [skewed]: older });
    await openJournal(page);
    const banner = page.locator('[data-banner="damaged"]');
    assert.match(await banner.innerText(), /6 entries could not be read/);
    const all = await stored(page);
    const mine = Object.keys(all).filter((k) => k.startsWith(BACKUP) && k !== skewed);
    assert.equal(mine.length, 1, 'a copy was kept for this load');
    assert.equal(all[mine[0]], partial);
    const raw = await download(page, () => banner.getByRole('button', { name: 'Download the damaged data' }).click());
    assert.equal(raw.text, partial, 'the text of the copy made for this load, byte for byte');
    assert.notEqual(raw.text, older);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('"Delete all" on a journal not fully read says what goes and offers the raw data first', async () => {
    const { context, page } = await fresh();
    const partial = await fixture('v1-partial.json');
    await seed(context, { [KEY]: partial });
    await openJournal(page);
    const confirm = page.locator('.journal-confirm');
    await page.getByRole('button', { name: 'Delete all my data' }).click();
    assert.match(await confirm.innerText(), /This deletes your 2 entries and 6 entries Aftercare could not read\. Download them first\?/);
    let raw = await download(page, () => confirm.getByRole('button', { name: 'Download the data first' }).click());
    assert.equal(raw.text, partial, 'the raw stored data, byte for byte');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    // After a save the stored journal no longer holds the unread entries: the copy does.
    await addEntry(page, { notes: 'one more' });
    assert.notEqual((await stored(page))[KEY], partial);
    await page.getByRole('button', { name: 'Delete all my data' }).click();
    assert.match(await confirm.innerText(), /This deletes your 3 entries and 6 entries Aftercare could not read\. Download them first\?/);
    raw = await download(page, () => confirm.getByRole('button', { name: 'Download the data first' }).click());
    assert.equal(raw.text, partial);
    await axe(page).then((v) => assert.deepEqual(v, [], 'axe with the confirmation open'));
    await confirm.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.locator('.journal-empty').waitFor();
    assert.deepEqual(await stored(page), {}, 'nothing left in storage');
    // A journal read in full is deleted without the offer.
    await addEntry(page, { notes: 'fresh' });
    await page.getByRole('button', { name: 'Delete all my data' }).click();
    assert.equal(await confirm.locator('.journal-confirm-unread').isVisible(), false);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('storage full: the save fails visibly, the form keeps its input, earlier data intact', async () => {
    const { context, page } = await fresh();
    const earlier = envelope([makeEntry(1)]);
    await seed(context, { [KEY]: earlier });
    await page.addInitScript((key) => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (k === key || k.startsWith(key + '.')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return setItem.call(this, k, v);
      };
    }, KEY);
    await page.goto(site.url + 'journal/entry/');
    await appReady(page);
    await fillAndSave(page, { notes: 'Typed before the storage filled up', severity: '7' });
    const error = page.locator('.journal-save-error');
    await error.waitFor();
    const message = await error.innerText();
    assert.match(message, /storage for Aftercare is full/);
    assert.match(message, /export your journal/);
    assert.match(message, /delete old entries/);
    assert.equal(await error.getAttribute('role'), 'alert');
    assert.equal(page.url(), site.url + 'journal/entry/', 'stays on the form');
    assert.equal(await page.getByLabel('Notes (optional)').inputValue(), 'Typed before the storage filled up');
    assert.equal(await page.getByRole('radio', { name: '7', exact: true }).isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: 'Tired or drained', exact: true }).isChecked(), true);
    assert.equal((await stored(page))[KEY], earlier, 'earlier data intact');
    // An import that does not fit is refused whole.
    await openJournal(page);
    await chooseImport(page, 'more.json', envelope([makeEntry(5), makeEntry(6)]));
    await page.getByRole('button', { name: 'Import 2 entries' }).click();
    // Saving runs under the journal's Web Lock, so the answer comes a moment after the click.
    const refusal = page.locator('.journal-import-result .journal-error', { hasText: /\S/ });
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /full/);
    assert.equal(await entryCount(page), 1);
    assert.equal((await stored(page))[KEY], earlier);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('storage unavailable: works in memory with a banner, and export still works', async () => {
    const { context, page } = await fresh();
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await openJournal(page);
    assert.match(await page.locator('[data-banner="memory"]').innerText(), /Entries will not be kept/);
    // In-app navigation keeps the page (and its memory) alive.
    await page.getByRole('link', { name: 'Add an entry' }).click();
    await page.waitForURL(site.url + 'journal/entry/');
    await fillAndSave(page, { notes: 'only in memory' });
    await page.waitForURL(site.url + 'journal/');
    assert.equal(await entryCount(page), 1);
    const json = await download(page, () => page.getByRole('button', { name: 'Export as JSON' }).click());
    const exported = JSON.parse(json.text);
    assert.equal(exported.entries.length, 1);
    assert.equal(exported.entries[0].notes, 'only in memory');
    assert.match(await page.locator('.journal-persist').innerText(), /export a copy now and then/);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('two tabs: entries added in each both survive, and the other tab keeps its unsaved form', async () => {
    const { context } = await fresh();
    await seed(context, { [KEY]: envelope([makeEntry(1)]) });
    const a = await newPage(context);
    const b = await newPage(context);
    await openJournal(a);
    await b.goto(site.url + 'journal/entry/');
    await appReady(b);
    await b.getByLabel('Notes (optional)').fill('typed in B, not saved yet');
    await b.getByRole('checkbox', { name: 'Poor sleep', exact: true }).check();

    // Tab A adds an entry; tab B's form is untouched by the storage event.
    await addEntry(a, { notes: 'added in A', symptoms: ['Dizzy or light-headed'] });
    await b.waitForTimeout(200);
    assert.equal(await b.getByLabel('Notes (optional)').inputValue(), 'typed in B, not saved yet');
    assert.equal(await b.getByRole('checkbox', { name: 'Poor sleep', exact: true }).isChecked(), true);

    // Tab B saves: it starts from what A stored, so nothing of A's is lost.
    await b.getByRole('radio', { name: '2', exact: true }).check();
    await b.getByRole('button', { name: 'Save entry' }).click();
    await b.waitForURL(site.url + 'journal/');
    assert.equal(await entryCount(b), 3);
    // Tab A hears B's save and shows it without a reload.
    await a.locator('.journal-entry', { hasText: 'typed in B' }).waitFor();
    assert.equal(await entryCount(a), 3);
    const notes = JSON.parse((await stored(a))[KEY]).entries.map((e) => e.notes);
    assert.ok(notes.includes('added in A') && notes.includes('typed in B, not saved yet'));

    // A delete in one tab reaches the other, and is not undone by the other's next save.
    await a.locator('.journal-entry', { hasText: 'Entry 1:' }).getByRole('button', { name: 'Delete' }).click();
    await b.locator('.journal-entry', { hasText: 'Entry 1:' }).waitFor({ state: 'detached' });
    await addEntry(b, { notes: 'second from B' });
    const final = JSON.parse((await stored(b))[KEY]).entries.map((e) => e.notes);
    assert.equal(final.length, 3);
    assert.ok(!final.includes(makeEntry(1).notes), 'the deleted entry stays deleted');
    assert.deepEqual([...a.problems, ...b.problems], []);
    await context.close();
  });

  test('hostile imports are refused or imported whole, with a clear message; text stays inert', async () => {
    const { context, page } = await fresh();
    const earlier = envelope([makeEntry(1)]);
    await seed(context, { [KEY]: earlier });
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      d.dismiss();
    });
    await openJournal(page);
    const refused = async (name, content, pattern) => {
      await chooseImport(page, name, content);
      const message = await page.locator('.journal-import-result .journal-error').innerText();
      assert.match(message, pattern, name);
      assert.equal((await stored(page))[KEY], earlier, `${name} changes nothing`);
    };
    await refused('not-json.json', 'hello, this is not JSON', /not a journal export/);
    await refused('other.json', JSON.stringify({ name: 'someone else', items: [1, 2] }), /not an Aftercare journal/);
    await refused('future.json', await fixture('v2-future.json'), /newer version of Aftercare \(format 2\)/);
    await refused('huge.json', Buffer.alloc(20 * 1024 * 1024, 0x20), /too big to import \(20\.0 MB\)\. The limit is 10\.0 MB/);
    await refused('many.json', envelope(Array.from({ length: 100000 }, () => ({}))), /has 100,000 entries\. The limit is 50,000/);

    // A file whose every entry is wrong imports nothing.
    await chooseImport(page, 'wrong.json', envelope([{ id: 'x', started: 'yesterday', severity: 'bad' }, 7]));
    assert.match(await page.locator('.journal-import-preview').innerText(), /0 new, 0 already here \(0 identical, 0 changed\), 2 invalid/);
    assert.match(await page.locator('.journal-import-preview').innerText(), /Nothing to import/);
    await page.getByRole('button', { name: 'Close' }).click();

    // HTML and script in every text field: imported as text, shown as text, never run.
    await page.addInitScript(() => {
      window.__pwned = false;
    });
    await chooseImport(page, 'hostile.json', await fixture('hostile.json'));
    assert.match(await page.locator('.journal-import-preview').innerText(), /2 new/);
    await page.getByRole('button', { name: 'Import 2 entries' }).click();
    await page.locator('.journal-status', { hasText: 'Imported: 2 new, 0 updated.' }).waitFor();
    assert.equal(await entryCount(page), 3);
    const main = page.locator('main');
    assert.ok((await main.innerText()).includes("<script>alert('other')</script>"), 'markup shows as its characters');
    assert.equal(await main.locator('script, img, iframe').count(), 0, 'no element was made from the text');
    await page.reload();
    await appReady(page);
    assert.equal(await entryCount(page), 3);
    await page.locator('.journal-entry', { hasText: 'evil.example' }).first().getByRole('link', { name: 'Edit' }).click();
    await appReady(page);
    assert.equal(await page.locator('main').locator('script, img, iframe').count(), 0);
    await page.goto(site.url + 'journal/summary/?from=2024-03-01&to=2024-03-01');
    await appReady(page);
    assert.ok((await page.locator('main').innerText()).includes('</textarea><script>'));
    assert.equal(await page.locator('main').locator('script, img, iframe').count(), 0);
    assert.equal(dialogs, 0, 'no alert ever ran');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('an import holds back a changed entry dated 2 days in the future unless "Replace mine with these too"', async () => {
    const { context, page } = await fresh();
    await seed(context, { [KEY]: envelope([makeEntry(1), makeEntry(2)]) });
    await openJournal(page);
    const future = Date.now() + 2 * 86400000;
    const file = envelope([makeEntry(1, { notes: 'Saved on a device with a wrong clock.', updated_ms: future }), makeEntry(5)]);
    const notes = async () => JSON.parse((await stored(page))[KEY]).entries.find((e) => e.id === 'e-test-1').notes;
    const preview = page.locator('.journal-import-preview');
    await chooseImport(page, 'skewed.json', file);
    assert.match(await preview.innerText(), /1 new, 1 already here \(0 identical, 1 changed\), 0 invalid/);
    assert.match(await preview.innerText(), /1 of your entries has a changed copy in this file dated in the future\. Importing keeps yours\./);
    // The default keeps yours.
    await page.getByRole('button', { name: 'Import 1 entry' }).click();
    await page.locator('.journal-status', { hasText: 'Imported: 1 new, 0 updated.' }).waitFor();
    assert.equal(await notes(), makeEntry(1).notes, 'yours kept');
    assert.equal(await entryCount(page), 3);
    // Chosen: the file's version replaces yours.
    await chooseImport(page, 'skewed.json', file);
    assert.match(await preview.innerText(), /0 new, 2 already here \(1 identical, 1 changed\)/);
    assert.match(await preview.innerText(), /1 of your entries has a changed copy in this file dated in the future/);
    await preview.getByRole('button', { name: 'Replace mine with these too' }).click();
    await page.locator('.journal-status', { hasText: 'Imported: 0 new, 1 updated.' }).waitFor();
    assert.equal(await notes(), 'Saved on a device with a wrong clock.');
    assert.equal(await preview.isVisible(), false);
    assert.equal(await entryCount(page), 3);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('export, delete all, import: the journal comes back identical', async () => {
    const { context, page } = await fresh();
    const entries = [
      makeEntry(1),
      makeEntry(2, { notes: 'Line one\nLine "two", with, commas\n=cmd', other_symptoms: 'Œuvre — ça va' }),
      makeEntry(3, { symptoms: ['fatigue', 'a-future-slug'], duration: { unit: 'ongoing' }, session_date: null, future_field: { kept: [1, 2] } }),
    ];
    await seed(context, { [KEY]: envelope(entries) });
    await openJournal(page);
    const first = await download(page, () => page.getByRole('button', { name: 'Export as JSON' }).click());
    assert.match(first.name, /^aftercare-journal-\d{4}-\d{2}-\d{2}\.json$/);
    const csv = await download(page, () => page.getByRole('button', { name: 'Export as CSV' }).click());
    assert.match(csv.name, /\.csv$/);
    const rows = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    assert.equal(rows[0], 'id,started,session_date,day_after_session,symptoms,symptom_names,other_symptoms,severity,duration,notes,created_utc,updated_utc');
    assert.ok(csv.text.includes('"Line one\nLine ""two"", with, commas\n=cmd"'), 'quoted, quotes doubled, newlines kept');

    await page.getByRole('button', { name: 'Delete all my data' }).click();
    const confirm = page.locator('.journal-confirm');
    assert.match(await confirm.innerText(), /This removes all 3 entries from this browser\. It cannot be undone/);
    await page.waitForFunction(() => document.activeElement.classList.contains('journal-confirm'));
    await axe(page).then((v) => assert.deepEqual(v, [], 'axe with the confirmation open'));
    await confirm.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.locator('.journal-empty').waitFor();
    assert.deepEqual(await stored(page), {}, 'nothing left in storage');

    await chooseImport(page, first.name, first.text);
    assert.match(await page.locator('.journal-import-preview').innerText(), /3 new, 0 already here \(0 identical, 0 changed\), 0 invalid/);
    await page.getByRole('button', { name: 'Import 3 entries' }).click();
    await page.locator('.journal-status', { hasText: 'Imported: 3 new, 0 updated.' }).waitFor();
    const second = await download(page, () => page.getByRole('button', { name: 'Export as JSON' }).click());
    assert.equal(second.text, first.text, 'identical, byte for byte');
    // Importing the same file again finds everything already here.
    await chooseImport(page, first.name, first.text);
    assert.match(await page.locator('.journal-import-preview').innerText(), /0 new, 3 already here \(3 identical, 0 changed\)/);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
});

describe('red flags in the journal', () => {
  /** The flags whose cards the list shows at its top, in order. */
  const topCards = (page) =>
    page.locator('.journal-flags .flag-card').evaluateAll((cards) => cards.map((c) => c.dataset.flag));

  test('an entry whose notes name a red flag puts its card, with numbers to call, at the top of the list', async () => {
    const { context, page } = await fresh();
    await seed(context, {
      [KEY]: envelope([makeEntry(1), makeEntry(2, { symptoms: ['fatigue'], notes: 'chest pain and short of breath' }), makeEntry(3)]),
    });
    await openJournal(page);
    assert.deepEqual(await topCards(page), ['chest']);
    const card = page.locator('.journal-flags .flag-card[data-flag="chest"]');
    for (const number of ['911', '999', '112']) {
      assert.ok((await card.locator(`a[href="tel:${number}"]`).count()) >= 1, `tel:${number}`);
    }
    assert.match(await page.locator('.journal-flags-intro').innerText(), /An entry mentions a sign that needs help/);
    // Above every entry.
    const before = await page.evaluate(() => {
      const flags = document.querySelector('.journal-flags');
      const first = document.querySelector('.journal-entry');
      return !!(flags.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.ok(before, 'cards before the entries');
    // The entry itself says so and carries the most urgent level.
    const entry = page.locator('.journal-entry', { hasText: 'chest pain and short of breath' });
    // innerText although the cards above push the entry off screen: it is drawn all the same.
    assert.match(await entry.locator('.journal-red-flag').innerText(), /Chest pain or breathlessness/);
    assert.equal(await entry.locator('.level-badge.level-emergency').count(), 1);
    // Filtering the entry away takes its card away.
    await page.getByLabel('Search your notes').fill('lunch');
    await page.waitForFunction(() => !document.querySelector('.journal-flags .flag-card'));
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('an entry with the chest symptom shows the card; entries without show none', async () => {
    const { context, page } = await fresh();
    await seed(context, { [KEY]: envelope([makeEntry(1), makeEntry(2, { symptoms: ['chest'] })]) });
    await openJournal(page);
    assert.deepEqual(await topCards(page), ['chest']);
    await seed(context, { [KEY]: envelope([makeEntry(1), makeEntry(2), makeEntry(3)]) });
    await openJournal(page);
    assert.equal(await entryCount(page), 3);
    assert.deepEqual(await topCards(page), []);
    assert.equal(await page.locator('.journal-flags').isVisible(), false);
    assert.equal(await page.locator('.journal-entry .journal-red-flag:visible').count(), 0);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('the form shows the card as soon as the notes name a flag', async () => {
    const { context, page } = await fresh();
    await page.goto(site.url + 'journal/entry/');
    await appReady(page);
    assert.equal(await page.locator('.journal-flags .flag-card').count(), 0);
    await page.getByLabel('Notes (optional)').fill('my lips are swollen');
    await page.locator('.journal-flags .flag-card[data-flag="allergy"]').waitFor();
    assert.ok((await page.locator('.journal-flags a[href="tel:911"]').count()) >= 1);
    await page.getByLabel('Notes (optional)').fill('slept well');
    await page.waitForFunction(() => !document.querySelector('.journal-flags .flag-card'));
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('the practitioner summary lists red-flag entries first', async () => {
    const { context, page } = await fresh();
    const entries = [makeEntry(0), makeEntry(1), makeEntry(4, { notes: 'short of breath after the session' }), makeEntry(5)];
    await seed(context, { [KEY]: envelope(entries) });
    await page.goto(site.url + 'journal/summary/');
    await appReady(page);
    const section = page.locator('.summary-red-flags');
    assert.equal(await section.isVisible(), true);
    assert.equal((await section.locator('h2').innerText()).trim(), 'Red flags');
    assert.equal(await section.locator('tbody tr').count(), 1);
    assert.match(await section.locator('tbody tr').innerText(), /Chest pain or breathlessness/);
    assert.equal(await page.locator('.summary-rest-table tbody tr').count(), 3);
    const first = await page.evaluate(() => {
      const flags = document.querySelector('.summary-red-flags');
      const rest = document.querySelector('.summary-rest-table');
      return !!(flags.compareDocumentPosition(rest) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.ok(first, 'red flags before the rest');
    assert.deepEqual(await axe(page), [], 'summary with red flags');
    assert.deepEqual(page.problems, []);
    await context.close();
  });
});

describe('summary and accessibility', () => {
  test('the clinician summary: range in the URL, chart with a text alternative, table, disclaimer, print', async () => {
    const { context, page } = await fresh();
    const entries = Array.from({ length: 12 }, (_, i) => makeEntry(i));
    await seed(context, { [KEY]: envelope(entries) });
    await page.goto(site.url + 'journal/summary/');
    await appReady(page);
    // By default, the whole journal: 12 entries over 4 days.
    assert.equal(await page.locator('.summary-table tbody tr').count(), 12);
    assert.equal(await page.getByLabel('From', { exact: true }).inputValue(), '2024-01-01');
    assert.equal(await page.getByLabel('To', { exact: true }).inputValue(), '2024-01-04');
    assert.equal(await page.locator('.summary-chart circle').count(), 12);
    assert.equal(await page.locator('.summary-chart polyline').count(), 1);
    const svg = page.locator('.summary-chart svg');
    assert.equal(await svg.getAttribute('role'), 'img');
    assert.match(await page.locator('#chart-desc').textContent(), /^12 entries on 4 days from 1 January 2024 to 4 January 2024\. Severity ranged from 0 to 10 out of 10/);
    assert.ok((await page.locator('main').innerText()).includes('Please note:'), 'the disclaimer');

    await page.getByLabel('From', { exact: true }).fill('2024-01-02');
    await page.waitForURL(/\?from=2024-01-02$/);
    assert.equal(await page.locator('.summary-table tbody tr').count(), 9);
    await page.goto(site.url + 'journal/summary/?from=2024-01-03&to=2024-01-03');
    await appReady(page);
    assert.equal(await page.locator('.summary-table tbody tr').count(), 3);
    assert.equal(await page.locator('.summary-period').innerText(), 'Symptom journal for 3 January 2024');

    // Printing: only the summary, with page numbers from the @page margin box.
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.site-footer', '.journal-controls', '.no-print']) {
      assert.equal(await page.locator(selector).first().evaluate((e) => getComputedStyle(e).display), 'none', `${selector} is not printed`);
    }
    assert.equal(await page.locator('.summary-rest-table').evaluate((e) => getComputedStyle(e).display), 'table');
    const pageNumbers = await page.evaluate(() =>
      [...document.styleSheets].some((sheet) =>
        [...sheet.cssRules].some((rule) => rule instanceof CSSPageRule && /counter\(page\)/.test(rule.cssText)),
      ),
    );
    assert.ok(pageNumbers, 'Chromium keeps the page-number margin box');
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 1000, 'prints');
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('axe finds no violations on the list with entries and on the summary', async () => {
    const { context, page } = await fresh();
    await seed(context, { [KEY]: envelope([makeEntry(1), makeEntry(2, { symptoms: ['chest'] }), makeEntry(3, { symptoms: ['a-future-slug'] })]) });
    await openJournal(page);
    await page.locator('.journal-entry').first().getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Entry deleted.').waitFor();
    await chooseImport(page, 'x.json', envelope([makeEntry(7), { id: 'bad' }]));
    assert.deepEqual(await axe(page), [], 'list');
    await page.goto(site.url + 'journal/summary/');
    await appReady(page);
    assert.deepEqual(await axe(page), [], 'summary');
    await page.goto(site.url + 'journal/?symptom=nothing-matches');
    await appReady(page);
    assert.deepEqual(await axe(page), [], 'list with no match');
    assert.deepEqual(page.problems, []);
    await context.close();
  });
});
