// A clinic's copy: the site built with the sample clinic file
// (AFTERCARE_CLINIC=tests/fixtures/clinic.toml trunk build --release --dist <dir>, then
// DIST=<dir>; scripts/test.sh does both). Checks every place the clinic must show: the
// "Tell your practitioner" card's call button (before and after the app starts), the symptom
// check at that level, the journal summary's call button, booking link and email, About,
// the footer, the installed app's name, and the clinic's region as the default for the
// emergency numbers. Kept out of tests/e2e/ so the main suite (an ordinary build) never
// runs it; it refuses to run, loudly, against a build without the sample clinic.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dist, appReady, axe, useSite, journalPages, makeEntry, envelope } from '../e2e/support.mjs';

const CLINIC = {
  name: 'Maple Street Acupuncture',
  shortName: 'Maple St',
  practitioner: 'Sam Patel',
  phone: '+1 (555) 010-0199',
  tel: 'tel:+15550100199',
  email: 'care@maple-street.example',
  booking: 'https://maple-street.example/book?from=aftercare',
  address: '40 Maple Street, Springfield',
  hours: 'Tuesday to Saturday, 8:00 to 17:00',
};
const KEY = 'aftercare.journal@/';

const site = useSite();
const { seed } = journalPages(site);

before(() => {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.webmanifest'), 'utf8'));
  if (manifest.short_name !== CLINIC.shortName) {
    throw new Error(
      `${dist} is not the sample clinic's build (its manifest's short_name is "${manifest.short_name}"): ` +
        'build it with AFTERCARE_CLINIC=tests/fixtures/clinic.toml trunk build --release --dist <dir> and run with DIST=<dir>',
    );
  }
});

/** Checks a clinic contact box: who, the call button that dials, the booking link. */
async function checkContact(box, what) {
  assert.equal(await box.count(), 1, `${what}: one contact box`);
  assert.equal(await box.locator('.clinic-who').innerText(), `Your practitioner: ${CLINIC.practitioner} at ${CLINIC.name}`, what);
  const call = box.getByRole('link', { name: `Call ${CLINIC.phone}` });
  assert.equal(await call.getAttribute('href'), CLINIC.tel, `${what}: the call button dials`);
  const book = box.getByRole('link', { name: 'Book or contact online' });
  assert.equal(await book.getAttribute('href'), CLINIC.booking, `${what}: the booking link`);
}

describe('a clinic copy', () => {
  test('the "Tell your practitioner" card has the call button and booking link, before and after the app starts; no other card does', async () => {
    // As prerendered: no script at all.
    const still = await site.chromium.newContext({ javaScriptEnabled: false });
    const prerendered = await still.newPage();
    await prerendered.goto(site.url + 'help/');
    await checkContact(prerendered.locator('.care-card.level-tell .clinic-contact'), 'prerendered Get help now');
    await still.close();
    const { context, page } = await site.fresh();
    await page.goto(site.url + 'help/');
    await appReady(page);
    await checkContact(page.locator('.care-card.level-tell .clinic-contact'), 'Get help now');
    assert.equal(await page.locator('.clinic-contact').count(), 1, 'only the "tell" card');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('the symptom check shows the clinic when the answer is "tell your practitioner", not when it is common', async () => {
    const { context, page } = await site.fresh();
    await page.goto(site.url + 'check/?symptoms=burning');
    await appReady(page);
    assert.equal((await page.locator('.overall .level-badge').innerText()).trim(), 'Tell your practitioner');
    await checkContact(page.locator('.overall .clinic-contact'), 'check');
    await page.goto(site.url + 'check/?symptoms=bruising');
    await appReady(page);
    assert.equal((await page.locator('.overall .level-badge').innerText()).trim(), 'Common, usually passes');
    assert.equal(await page.locator('.clinic-contact').count(), 0);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('the journal summary has the call button, the booking link and "Email your practitioner"', async () => {
    const { context, page } = await site.fresh();
    await seed(context, { [KEY]: envelope([0, 1, 2, 3].map((i) => makeEntry(i))) });
    await page.goto(site.url + 'journal/summary/');
    await appReady(page);
    await checkContact(page.locator('.summary-share .clinic-contact'), 'summary');
    await page.getByLabel('Your name (optional, never saved)').fill('Alex Doe');
    const email = page.getByRole('link', { name: 'Email your practitioner' });
    const href = await email.getAttribute('href');
    assert.ok(href.startsWith(`mailto:${CLINIC.email}?subject=`), href);
    const params = new URLSearchParams(href.slice(href.indexOf('?') + 1));
    assert.equal(params.get('subject'), 'Symptom journal of Alex Doe, 1 January 2024 to 2 January 2024');
    const body = params.get('body');
    assert.match(body, /^Hello,\r\n\r\nHere is a summary of my symptom journal\.\r\n\r\nSymptom journal from 1 January 2024 to 2 January 2024\r\nName: Alex Doe\r\n4 entries on 2 days/);
    assert.ok(body.includes('[Attach aftercare-summary-2024-01-01-to-2024-01-02.csv here before sending.]'), body);
    assert.match(await page.locator('.summary-email-hint').innerText(), /A link cannot attach files/);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('About says who hosts this copy, with every detail', async () => {
    const { context, page } = await site.fresh();
    await page.goto(site.url + 'about/');
    await appReady(page);
    const section = page.locator('section.clinic-about');
    assert.equal(await section.locator('h2').innerText(), 'Who hosts this copy');
    const text = await section.innerText();
    assert.ok(text.includes(`${CLINIC.name} hosts this copy of Aftercare for its patients.`), text);
    for (const detail of [CLINIC.practitioner, CLINIC.phone, CLINIC.email, CLINIC.booking, CLINIC.address, CLINIC.hours]) {
      assert.ok(text.includes(detail), `About names ${detail}`);
    }
    assert.equal(await section.getByRole('link', { name: CLINIC.phone }).getAttribute('href'), CLINIC.tel);
    assert.equal(await section.getByRole('link', { name: CLINIC.email }).getAttribute('href'), `mailto:${CLINIC.email}`);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('every page\'s footer names the host, prerendered and in the app', async () => {
    const { context, page } = await site.fresh();
    const hosted = `This copy is hosted by ${CLINIC.name} for its patients. Call ${CLINIC.phone}`;
    for (const route of ['', 'faq/', 'journal/']) {
      await page.goto(site.url + route);
      await appReady(page);
      const line = page.locator('.site-footer .clinic-host');
      assert.equal((await line.innerText()).trim(), hosted, `footer of /${route}`);
      assert.equal(await line.getByRole('link').getAttribute('href'), CLINIC.tel);
    }
    // The prerendered page, as it arrives.
    const html = await (await fetch(site.url + 'about/')).text();
    assert.ok(html.includes(`This copy is hosted by ${CLINIC.name} for its patients.`), 'prerendered footer');
    await context.close();
  });

  test('the installed app is named for the clinic', async () => {
    const manifest = await (await fetch(site.url + 'manifest.webmanifest')).json();
    assert.equal(manifest.name, `Aftercare: ${CLINIC.name}`);
    assert.equal(manifest.short_name, CLINIC.shortName);
    assert.ok(manifest.short_name.length <= 12);
  });

  test('the clinic\'s region comes first until the person picks one', async () => {
    // The browser says en-US, which alone would put the US numbers first.
    const context = await site.chromium.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(site.url + 'help/');
    await appReady(page);
    assert.deepEqual(await page.evaluate(() => navigator.languages), ['en-US']);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.region), 'uk');
    assert.equal(await page.locator('#region-uk').isChecked(), true);
    assert.equal(await page.locator('.region-status').innerText(), 'Your clinic’s region.');
    // The first number shown on the emergency card is the UK's.
    const first = await page.locator('.care-card.level-emergency .call-region').evaluateAll((items) =>
      items.filter((li) => getComputedStyle(li).display !== 'none').sort((a, b) => Number(getComputedStyle(a).order) - Number(getComputedStyle(b).order))[0].dataset.region,
    );
    assert.equal(first, 'uk');
    // A pick wins over the clinic's region, and is remembered.
    await page.getByLabel('United States').check();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.region), 'us');
    await page.reload();
    await appReady(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.region), 'us');
    await context.close();
  });
});
