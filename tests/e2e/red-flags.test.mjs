// Red flags first, in a real browser: a query that names one shows its care card, with the
// numbers to call as tap-to-call links, above every answer (also when nothing matches, from
// the header box of a static page with the bundle it loaded first, and under the header box of
// the pages whose bundle has no search); a chosen red-flag
// symptom shows it too; everyday queries show none; Get help now leads with the emergency
// and the crisis lines; the region choice orders the numbers and is remembered; and axe
// finds nothing in light and dark on each of these states.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, newPage, appReady, axe } from './support.mjs';

let server, chromium, context;

before(async () => {
  server = await serve();
  chromium = await browser();
  context = await chromium.newContext({ locale: 'en-US' });
});

after(async () => {
  await context?.close();
  await chromium?.close();
  await server?.stop();
});

/** The flags of the care cards in `scope`, in page order. */
const cards = (page, scope = 'main') =>
  page.locator(`${scope} .flag-card`).evaluateAll((els) => els.map((el) => el.dataset.flag));

/** Whether the first care card comes before the first result (or there is no result). */
const cardFirst = (page) =>
  page.evaluate(() => {
    const card = document.querySelector('main .flag-card');
    const result = document.querySelector('main .results, main .empty, main .symptom-filter');
    return !!card && (!result || !!(card.compareDocumentPosition(result) & Node.DOCUMENT_POSITION_FOLLOWING));
  });

async function search(q, ctx = context) {
  const page = await newPage(ctx);
  await page.goto(server.url + 'search/?q=' + encodeURIComponent(q));
  await appReady(page);
  return page;
}

describe('red flags on the search page', () => {
  for (const [q, flag] of [
    ['chest pain after acupuncture', 'chest'],
    ['short of breath', 'chest'],
    ['suicidal', 'self-harm'],
    ['harm myself', 'self-harm'],
    ['hives', 'allergy'],
    ['coughing up blood', 'coughing-blood'],
  ]) {
    test(`"${q}" shows the ${flag} card above every answer, with numbers to call`, async () => {
      const page = await search(q);
      await page.waitForSelector('main .flag-card');
      const shown = await cards(page);
      assert.equal(shown[0], flag, `first card for "${q}": ${shown}`);
      assert.equal(await cardFirst(page), true, 'the card comes before the answers');
      const card = page.locator('main .flag-card').first();
      const tel = await card.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      if (flag === 'self-harm') {
        for (const n of ['tel:988', 'tel:116123', 'tel:911', 'tel:999', 'tel:112']) assert.ok(tel.includes(n), `${n} in ${tel}`);
        assert.equal(await card.locator('a[href="sms:988"]').count(), 1, 'text 988');
      } else {
        for (const n of ['tel:911', 'tel:999', 'tel:112']) assert.ok(tel.includes(n), `${n} in ${tel}`);
      }
      // The words are kept as typed: no "correction" into another word.
      assert.equal(await page.locator('.interpretation').count(), 0, 'no rewrite of a red-flag word');
      // No unrelated suggestions under a red flag.
      assert.equal(await page.locator('.suggestions').count(), 0);
      assert.match(await page.locator('main .status').innerText(), /^Get help:/);
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }

  for (const q of ['tired after acupuncture', 'crying on the table', 'pee a lot', 'needle left in', 'felt faint']) {
    test(`"${q}" shows no care card`, async () => {
      const page = await search(q);
      await page.waitForSelector('.results .result');
      assert.deepEqual(await cards(page), []);
      await page.close();
    });
  }

  test('choosing the chest symptom shows the chest card, not only "No answers"', async () => {
    const page = await newPage(context);
    await page.goto(server.url + 'search/?symptoms=chest');
    await appReady(page);
    await page.waitForSelector('main .flag-card');
    assert.deepEqual(await cards(page), ['chest']);
    assert.equal(await page.getByText('No answers match that').count(), 0);
    await page.close();
  });

  test('a card updates as the words change, and goes when they no longer name a flag', async () => {
    const page = await search('tired');
    const box = page.getByRole('searchbox', { name: 'Search the guide' });
    await box.fill('tired and cant breathe');
    await page.waitForSelector('main .flag-card[data-flag="chest"]');
    await box.fill('tired');
    await page.waitForFunction(() => !document.querySelector('main .flag-card'));
    await page.close();
  });

  test('axe finds nothing with a card shown, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const ctx = await chromium.newContext({ colorScheme });
      const page = await search('chest pain and suicidal', ctx);
      await page.waitForSelector('main .flag-card');
      assert.deepEqual(await axe(page), [], colorScheme);
      // Emergency stays unmistakably urgent: a deep red heading with white text.
      const heading = await page
        .locator('main .flag-card.level-emergency .care-heading')
        .first()
        .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
      assert.deepEqual(heading, ['rgb(179, 38, 30)', 'rgb(255, 255, 255)'], colorScheme);
      await ctx.close();
    }
  });
});

describe('red flags from the header box', () => {
  test('typing "chest pain" on the home page of a first visit shows the card first, with no second download', async () => {
    // A first visit: no service worker has cached anything yet.
    const ctx = await chromium.newContext({ serviceWorkers: 'block' });
    const page = await newPage(ctx);
    const wasm = [];
    page.on('request', (request) => {
      if (request.headers()['sec-purpose']?.includes('prefetch')) return;
      if (/_bg\.wasm$/.test(request.url())) wasm.push(new URL(request.url()).pathname);
    });
    await page.goto(server.url);
    await appReady(page);
    await page.getByRole('searchbox', { name: 'Search the guide' }).click();
    await page.keyboard.type('chest pain');
    await page.waitForSelector('main .flag-card[data-flag="chest"]');
    assert.equal(await cardFirst(page), true);
    const tel = await page
      .locator('main .flag-card[data-flag="chest"] a[href^="tel:"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(tel.includes('tel:911') && tel.includes('tel:999') && tel.includes('tel:112'), String(tel));
    assert.equal(wasm.length, 1, `one bundle: ${wasm}`);
    assert.deepEqual(page.problems, []);
    await ctx.close();
  });

  test('on a journal page (a bundle without search) the card shows under the box as the words are typed', async () => {
    const ctx = await chromium.newContext({ serviceWorkers: 'block' });
    const page = await newPage(ctx);
    await page.goto(server.url + 'journal/');
    await appReady(page);
    await page.getByRole('searchbox', { name: 'Search the guide' }).click();
    await page.keyboard.type('chest pain');
    await page.waitForSelector('header .header-flags .flag-card[data-flag="chest"]');
    const tel = await page
      .locator('header .flag-card a[href^="tel:"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(tel.includes('tel:911') && tel.includes('tel:999') && tel.includes('tel:112'), String(tel));
    assert.match(page.url(), /journal\/$/, 'still on the journal');
    // Enter opens the search page with the words, card first.
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.endsWith('/search/') && url.searchParams.get('q') === 'chest pain');
    await appReady(page);
    await page.waitForSelector('main .flag-card[data-flag="chest"]');
    assert.equal(await cardFirst(page), true);
    assert.deepEqual(page.problems, []);
    await ctx.close();
  });

  test('words typed on the checker before its bundle arrives show their card as soon as it does', async () => {
    const ctx = await chromium.newContext({ serviceWorkers: 'block' });
    const page = await newPage(ctx);
    // Hold the checker's WebAssembly back, so the words are typed into the prerendered page.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(/check-[0-9a-f]+_bg\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(server.url + 'check/');
    await page.getByRole('searchbox', { name: 'Search the guide' }).click();
    await page.keyboard.type('chest pain');
    assert.equal(await page.evaluate(() => document.body.hasAttribute('data-prerendered')), true, 'typed before the bundle');
    release();
    // No further key: the bundle reads the words already in the box.
    await page.waitForSelector('header .header-flags .flag-card[data-flag="chest"]', { timeout: 15000 });
    assert.equal(await page.locator('#site-q').inputValue(), 'chest pain', 'the words stay');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-q', 'and the focus');
    assert.match(page.url(), /check\/$/, 'still on the checker');
    assert.deepEqual(page.problems, []);
    await ctx.close();
  });
});

describe('Get help now', () => {
  test('the emergency card and the crisis lines come before the reassurance', async () => {
    const page = await newPage(context);
    await page.goto(server.url + 'help/');
    await appReady(page);
    const order = await page.evaluate(() => {
      const pos = (sel) => [...document.querySelectorAll('main *')].indexOf(document.querySelector(sel));
      return { emergency: pos('.care-card.level-emergency'), crisis: pos('.flag-card[data-flag="self-harm"]'), intro: pos('.help-intro') };
    });
    assert.ok(order.emergency >= 0 && order.emergency < order.intro, JSON.stringify(order));
    assert.ok(order.crisis >= 0 && order.crisis < order.intro, JSON.stringify(order));
    // The crisis card is open, never folded into a <details>.
    assert.equal(await page.locator('details .flag-card[data-flag="self-harm"]').count(), 0);
    for (const n of ['911', '999', '112', '988', '116123', '111']) {
      assert.ok((await page.locator(`main a[href="tel:${n}"]`).count()) > 0, `tel:${n}`);
    }
    assert.match(await page.locator('main').innerText(), /38°C \(100\.4°F\)/);
    assert.deepEqual(await axe(page), []);
    await page.close();
  });

  test('the region is guessed from the language, can be picked, is remembered and orders the numbers', async () => {
    const ctx = await chromium.newContext({ locale: 'en-GB' });
    const page = await newPage(ctx);
    await page.goto(server.url + 'help/');
    await appReady(page);
    const firstRegion = () =>
      page.locator('main .care-card.level-emergency .call-region').evaluateAll((els) =>
        els
          .map((el) => ({ region: el.dataset.region, top: el.getBoundingClientRect().top }))
          .sort((a, b) => a.top - b.top)[0].region,
      );
    await page.waitForFunction(() => document.documentElement.dataset.region === 'uk');
    assert.equal(await firstRegion(), 'uk', 'guessed from en-GB');
    assert.equal(await page.getByRole('radio', { name: 'United Kingdom' }).isChecked(), true);
    assert.match(await page.locator('.region-status').innerText(), /Guessed from your browser/);
    assert.equal(await page.locator('.region-status').evaluate((el) => el.scrollWidth <= el.clientWidth), true, 'the line fits');
    await page.getByRole('radio', { name: 'United States' }).check();
    await page.waitForFunction(() => document.documentElement.dataset.region === 'us');
    assert.equal(await firstRegion(), 'us');
    assert.equal(await page.evaluate(() => localStorage.getItem('aftercare.region')), 'us');
    // Remembered across a reload, and on every card of the app.
    await page.reload();
    await appReady(page);
    await page.waitForFunction(() => document.documentElement.dataset.region === 'us');
    assert.equal(await page.getByRole('radio', { name: 'United States' }).isChecked(), true);
    await page.getByRole('radio', { name: 'Everywhere' }).check();
    await page.waitForFunction(() => !document.documentElement.hasAttribute('data-region'));
    assert.equal(await page.evaluate(() => localStorage.getItem('aftercare.region')), 'all');
    // A damaged stored value is ignored: back to the guess.
    await page.evaluate(() => localStorage.setItem('aftercare.region', '<script>'));
    await page.reload();
    await appReady(page);
    await page.waitForFunction(() => document.documentElement.dataset.region === 'uk');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(page.problems, []);
    await ctx.close();
  });
});
