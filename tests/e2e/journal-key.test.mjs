// Each deployment keeps its own journal: the same build served at /a/ and /b/ of ONE origin
// (two symlinks to dist/ under one server, so localStorage is shared as on a GitHub Pages
// account with a project site and its staging copy) never shows or changes the other's
// journal. The journal kept under the old shared key moves to the first deployment that opens
// its journal, is removed only after its copy read back identical, and survives a reload; a
// move that fails keeps the old key and works from it.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { appReady, dist, envelope, fillAndSave, seedStorage, storedItems as stored, useSite } from './support.mjs';

const OLD = 'aftercare.journal';
const OLD_BACKUP = 'aftercare.journal.backup.';
const keyOf = (base) => `aftercare.journal@${base}`;
const backupOf = (base) => `aftercare.journal@${base}#backup.`;

/** The site, served from a folder that holds the build twice, at a/ and b/ (removed after). */
const site = useSite(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'aftercare-two-sites-'));
  site.cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await symlink(dist, path.join(dir, 'a'), 'dir');
  await symlink(dist, path.join(dir, 'b'), 'dir');
  // The server wants a home page at its root; the tests never open it.
  await symlink(path.join(dist, 'index.html'), path.join(dir, 'index.html'));
  return { dir };
});
const { fresh } = site;

const entry = (i) => ({
  id: `e-key-${i}`,
  started: `2024-03-0${i}T09:30`,
  session_date: `2024-03-0${i}`,
  symptoms: ['fatigue'],
  other_symptoms: '',
  severity: 3,
  duration: { unit: 'hours', amount: 2 },
  notes: `Old shared entry ${i}`,
  created_ms: 1709280000000 + i,
  updated_ms: 1709280000000 + i,
});

const at = (base, page = '') => site.url + base.slice(1) + page;

/** Stores `values` in the origin's localStorage before any journal page runs. */
const seed = (context, values) => seedStorage(context, at('/a/', 'about/'), values);

async function openJournal(page, base) {
  await page.goto(at(base, 'journal/'));
  await appReady(page);
}

const notes = (page) => page.locator('.journal-entry').allInnerTexts();

async function addEntry(page, base, text) {
  await page.goto(at(base, 'journal/entry/'));
  await appReady(page);
  await fillAndSave(page, { notes: text });
  await page.waitForURL(at(base, 'journal/'));
  await page.locator('.journal-status', { hasText: 'Entry saved.' }).waitFor();
}

describe('one journal per deployment', () => {
  test('an entry saved under /a/ is not seen under /b/ on the same origin, and back', async () => {
    const { context, page } = await fresh();
    await addEntry(page, '/a/', 'saved under a');
    let all = await stored(page);
    assert.match(all[keyOf('/a/')], /saved under a/);
    assert.equal(all[keyOf('/b/')], undefined);
    assert.equal(all[OLD], undefined, 'the old shared key is not written');

    await openJournal(page, '/b/');
    assert.equal(await page.locator('.journal-entry').count(), 0, '/b/ starts empty');
    await addEntry(page, '/b/', 'saved under b');
    assert.equal(await page.locator('.journal-entry').count(), 1);
    assert.doesNotMatch((await notes(page)).join('\n'), /saved under a/);

    await openJournal(page, '/a/');
    const shownA = (await notes(page)).join('\n');
    assert.match(shownA, /saved under a/);
    assert.doesNotMatch(shownA, /saved under b/);
    all = await stored(page);
    assert.doesNotMatch(all[keyOf('/a/')], /saved under b/);
    assert.doesNotMatch(all[keyOf('/b/')], /saved under a/);

    // Deleting everything under /b/ leaves /a/ alone.
    await openJournal(page, '/b/');
    await page.getByRole('button', { name: 'Delete all my data' }).click();
    await page.locator('.journal-confirm').getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.locator('.journal-entry').first().waitFor({ state: 'detached' });
    all = await stored(page);
    assert.equal(all[keyOf('/b/')], undefined);
    assert.match(all[keyOf('/a/')], /saved under a/);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('the old shared journal moves once, to the first deployment that opens it, and survives reload', async () => {
    const { context, page } = await fresh();
    const old = envelope([entry(1), entry(2)]);
    await seed(context, { [OLD]: old, [`${OLD_BACKUP}damaged.5`]: 'kept damaged text' });
    // Record every storage call the app makes, in order.
    await page.addInitScript(() => {
      window.__storageLog = [];
      const proto = Storage.prototype;
      for (const name of ['getItem', 'setItem', 'removeItem']) {
        const original = proto[name];
        proto[name] = function (...args) {
          const result = original.apply(this, args);
          window.__storageLog.push({ op: name, key: args[0], value: name === 'getItem' ? result : args[1] });
          return result;
        };
      }
    });
    await openJournal(page, '/a/');
    assert.deepEqual(await notes(page).then((n) => n.map((t) => t.match(/Old shared entry \d/)[0]).sort()), [
      'Old shared entry 1',
      'Old shared entry 2',
    ]);
    const all = await stored(page);
    assert.equal(all[keyOf('/a/')], old, 'moved byte for byte');
    assert.equal(all[`${backupOf('/a/')}damaged.5`], 'kept damaged text', 'its safety copy moved with it');
    assert.equal(all[OLD], undefined, 'the old key is removed');
    assert.equal(all[`${OLD_BACKUP}damaged.5`], undefined);

    // The old key was removed only after the copy was written and read back identical.
    const log = await page.evaluate(() => window.__storageLog);
    const written = log.findIndex((e) => e.op === 'setItem' && e.key === keyOf('/a/'));
    const removed = log.findIndex((e) => e.op === 'removeItem' && e.key === OLD);
    assert.ok(written >= 0 && removed > written, 'written, then removed');
    assert.ok(
      log.slice(written + 1, removed).some((e) => e.op === 'getItem' && e.key === keyOf('/a/') && e.value === old),
      'the copy was read back between the write and the removal',
    );
    assert.equal(log.filter((e) => e.op === 'setItem' && e.key === keyOf('/a/')).length, 1, 'copied once');

    await page.reload();
    await appReady(page);
    assert.equal(await page.locator('.journal-entry').count(), 2, 'survives reload');
    assert.equal((await stored(page))[keyOf('/a/')], old, 'nothing moved or rewritten again');

    // The second deployment opens later: the journal is /a/'s now, /b/ starts empty.
    await openJournal(page, '/b/');
    assert.equal(await page.locator('.journal-entry').count(), 0);
    assert.equal((await stored(page))[keyOf('/b/')], undefined);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('a move that cannot be written keeps the old key, works from it, and completes later', async () => {
    const { context, page } = await fresh();
    const old = envelope([entry(1)]);
    await seed(context, { [OLD]: old, 'test.full': '1' });
    // While "test.full" is set, storage refuses the new keys as a full storage would.
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      const getItem = Storage.prototype.getItem;
      Storage.prototype.setItem = function (k, v) {
        if (k.startsWith('aftercare.journal@') && getItem.call(this, 'test.full') === '1') {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return setItem.call(this, k, v);
      };
    });
    await openJournal(page, '/a/');
    assert.equal(await page.locator('.journal-entry').count(), 1, 'the old journal is shown');
    let all = await stored(page);
    assert.equal(all[OLD], old, 'the old key is kept');
    assert.equal(all[keyOf('/a/')], undefined, 'no partial copy is left');
    // This session saves to the old key, so nothing typed now is lost either.
    await addEntry(page, '/a/', 'added while full');
    all = await stored(page);
    assert.match(all[OLD], /added while full/);
    assert.equal(all[keyOf('/a/')], undefined);

    // With room again, the next start moves the journal, new entry included.
    await page.evaluate(() => localStorage.removeItem('test.full'));
    await openJournal(page, '/a/');
    assert.equal(await page.locator('.journal-entry').count(), 2);
    all = await stored(page);
    assert.match(all[keyOf('/a/')], /added while full/);
    assert.equal(all[OLD], undefined);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
});
