// Search and the symptom filter in a real browser: results on every keystroke, highlighting,
// the query and the chosen symptoms in the URL, the `/` shortcut, arrow keys, hostile input
// rendered inert, and no accessibility violations.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, newPage, appReady, axe } from './support.mjs';

let server, chromium, context;

before(async () => {
  server = await serve();
  chromium = await browser();
  context = await chromium.newContext();
});

after(async () => {
  await context?.close();
  await chromium?.close();
  await server?.stop();
});

const titles = (page) => page.locator('.results .result-title').allInnerTexts();

describe('search', () => {
  test('typing shows results on every keystroke, and they never vanish as a word completes', async () => {
    const page = await newPage(context);
    await page.goto(server.url);
    await appReady(page);
    const box = page.getByRole('searchbox', { name: 'Search the guide' });
    await box.click();
    let typed = '';
    for (const letter of 'fatigue') {
      typed += letter;
      await box.press(letter);
      await page.waitForURL((url) => url.searchParams.get('q') === typed);
      if (typed.length >= 2) {
        const shown = await titles(page);
        assert.ok(shown.includes('Fatigue after acupuncture'), `"${typed}" shows the fatigue section: ${shown}`);
      }
    }
    assert.ok(page.url().includes('search/?q=fatigue'), page.url());
    assert.equal(await box.evaluate((el) => el === document.activeElement), true, 'focus stays in the box');
    assert.match(await page.locator('main .status').innerText(), /\d+ answers? for “fatigue”/);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('words typed faster than the page paints end with the answer to the last words, red flag first', async () => {
    const page = await newPage(context);
    await page.goto(server.url + 'search/?q=pee');
    await appReady(page);
    await page.waitForSelector('.results .result');
    // Five versions of the words in one task, as when keys queue up behind a busy phone: the
    // page answers one per painted frame, and the words last in the box are the ones answered.
    const answeredAtOnce = await page.evaluate(() => {
      const box = document.getElementById('site-q');
      for (const words of ['t', 'ti', 'tir', 'tire', 'tired']) {
        box.value = words;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      }
      return document.querySelector('main .status').textContent;
    });
    assert.match(answeredAtOnce, /“t”/, `the first words are answered in the same task: ${answeredAtOnce}`);
    await page.waitForFunction(() => /“tired”/.test(document.querySelector('main .status')?.textContent || ''));
    assert.equal((await titles(page))[0], 'Fatigue after acupuncture');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'tired');
    // Words that name a red flag, typed the same way, end with its card before the answers.
    await page.evaluate(() => {
      const box = document.getElementById('site-q');
      for (const words of ['chest', 'chest pain', 'chest pain and', 'chest pain and breathless']) {
        box.value = words;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    await page.waitForFunction(() => /breathless/.test(document.querySelector('main .status')?.textContent || ''));
    const card = page.locator('main .flag-card').first();
    assert.ok(await card.isVisible(), 'the red-flag card shows');
    const cardFirst = await page.evaluate(() => {
      const card = document.querySelector('main .flag-card');
      const result = document.querySelector('.results .result');
      return !result || Boolean(card.compareDocumentPosition(result) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.ok(cardFirst, 'the card comes before the answers');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('matched words are highlighted and corrections are explained', async () => {
    const page = await newPage(context);
    await page.goto(server.url + 'search/?q=tired');
    await appReady(page);
    await page.waitForSelector('.results .result');
    const first = (await titles(page))[0];
    assert.equal(first, 'Fatigue after acupuncture');
    const marks = await page.locator('.results mark').allInnerTexts();
    assert.ok(marks.length > 0, 'something is highlighted');
    assert.ok(marks.some((m) => /tired|fatigue|wiped|exhaust/i.test(m)), `highlights: ${marks}`);
    // A typo is corrected, and the page says how the query was read.
    await page.goto(server.url + 'search/?q=fatige');
    await appReady(page);
    await page.waitForSelector('.results .result');
    assert.equal((await titles(page))[0], 'Fatigue after acupuncture');
    assert.match(await page.locator('.interpretation').innerText(), /Showing results for fatigue/);
    await page.close();
  });

  test('a typo and a plain-words question still find the answer', async () => {
    const page = await newPage(context);
    for (const [query, expected] of [
      ['lightheded', /light-?headed/i],
      ['needle left in my leg', /needle was left in/i],
      ['pee right after', /pee|bathroom/i],
    ]) {
      await page.goto(server.url + 'search/?q=' + encodeURIComponent(query));
      await appReady(page);
      await page.waitForSelector('.results .result');
      const top3 = (await titles(page)).slice(0, 3);
      assert.ok(top3.some((t) => expected.test(t)), `${query}: ${top3}`);
    }
    await page.close();
  });

  test('?q= in the URL restores the search after a reload', async () => {
    const page = await newPage(context);
    await page.goto(server.url + 'search/?q=needle+left+in');
    await appReady(page);
    const box = page.getByRole('searchbox', { name: 'Search the guide' });
    assert.equal(await box.inputValue(), 'needle left in');
    const before = await titles(page);
    await page.reload();
    await appReady(page);
    assert.equal(await box.inputValue(), 'needle left in');
    assert.deepEqual(await titles(page), before);
    await page.close();
  });

  test('"/" focuses the search box and the arrow keys walk the results', async () => {
    const page = await newPage(context);
    await page.goto(server.url + 'faq/');
    await appReady(page);
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-q');
    await page.keyboard.type('dizzy');
    // Wait for the whole word to be searched.
    await page.waitForURL((url) => url.searchParams.get('q') === 'dizzy');
    await page.waitForSelector('.results .result');
    await page.keyboard.press('ArrowDown');
    const firstTitle = (await titles(page))[0];
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), firstTitle);
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), (await titles(page))[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-q');
    await page.close();
  });

  test('hostile queries render as inert text, and very long ones are capped with a message', async () => {
    const page = await newPage(context);
    const hostile = ['<img src=x onerror="window.__pwned=1">', '"unclosed', '.*(+[', '💉🩸 إبرة', '\u202Eevil'];
    for (const query of hostile) {
      await page.goto(server.url + 'search/?q=' + encodeURIComponent(query));
      await appReady(page);
      assert.equal(await page.locator('main img').count(), 0, query);
      assert.equal(await page.evaluate(() => window.__pwned), undefined, query);
      assert.equal(await page.getByRole('searchbox').inputValue(), query);
    }
    await page.goto(server.url + 'search/?q=' + 'tired%20'.repeat(1250));
    await appReady(page);
    assert.match(await page.locator('main').innerText(), /Only the first 200 characters/);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

describe('symptom filter', () => {
  test('after a search the filter starts closed, and opening it shows the toggles with their counts', async () => {
    const page = await newPage(context);
    await page.goto(server.url + 'search/?q=tired');
    await appReady(page);
    await page.locator('.results .result').first().waitFor();
    assert.equal(await page.locator('.symptom-filter').evaluate((d) => d.open), false, 'the answers come first');
    assert.equal(await page.locator('.symptom-filter button.toggle').count(), 0, 'not built while closed');
    await page.locator('.symptom-filter summary').click();
    const fatigue = page.getByRole('button', { name: /^Tired or drained/ });
    await fatigue.waitFor();
    assert.ok(Number((await fatigue.locator('.count').innerText()).match(/\d+/)[0]) > 0, 'counts for this search');
    await fatigue.click();
    await page.waitForURL(/symptoms=fatigue/);
    assert.equal(await fatigue.getAttribute('aria-pressed'), 'true');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('toggling symptoms updates counts, results and the URL; a copied URL restores the view', async () => {
    const page = await newPage(context);
    await page.goto(server.url + 'search/');
    await appReady(page);
    const fatigue = page.getByRole('button', { name: /^Tired or drained/ });
    assert.equal(await fatigue.getAttribute('aria-pressed'), 'false');
    await fatigue.click();
    await page.waitForURL(/symptoms=fatigue/);
    assert.equal(await fatigue.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-pressed')), 'true', 'focus stays on the toggle');
    const withFatigue = await titles(page);
    assert.ok(withFatigue.includes('Fatigue after acupuncture'));
    const count = Number(await fatigue.locator('.count').innerText().then((t) => t.match(/\d+/)[0]));
    assert.equal(withFatigue.length, count, 'the count matches what is shown');

    await page.getByRole('button', { name: /^Tingling or pins and needles/ }).click();
    await page.waitForURL(/symptoms=fatigue(%2C|,)tingling/);
    const both = await titles(page);
    assert.ok(both.length >= withFatigue.length);

    // Narrow by text too: counts follow the search.
    const box = page.getByRole('searchbox', { name: 'Search the guide' });
    await box.fill('needle');
    await page.waitForURL(/q=needle/);
    const url = page.url();
    const shown = await titles(page);

    const copy = await newPage(context);
    await copy.goto(url);
    await appReady(copy);
    assert.deepEqual(await titles(copy), shown);
    assert.equal(await copy.getByRole('button', { name: /^Tired or drained/ }).getAttribute('aria-pressed'), 'true');
    assert.equal(await copy.getByRole('searchbox').inputValue(), 'needle');

    await copy.getByRole('button', { name: 'Clear symptoms' }).click();
    await copy.waitForURL((u) => !u.searchParams.has('symptoms'));
    assert.equal(await copy.getByRole('button', { name: /^Tired or drained/ }).getAttribute('aria-pressed'), 'false');
    await copy.close();
    await page.close();
  });

  test('the search page has no axe violations with results and a selection', async () => {
    const page = await newPage(context);
    for (const path of ['search/', 'search/?q=tired&symptoms=fatigue', 'search/?q=zzzzqqq']) {
      await page.goto(server.url + path);
      await appReady(page);
      assert.deepEqual(await axe(page), [], path);
    }
    await page.close();
  });
});
