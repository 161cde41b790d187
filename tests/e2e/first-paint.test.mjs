// First paint, in a real browser against the release build (the size budgets are
// budget.test.mjs's):
// - every static page's index.html carries its prerendered content;
// - the prerendered pages work with no script at all (text and links);
// - the app takes a prerendered page over without changing a thing (same markup, no layout
//   shift), keeping what was typed before it arrived;
// - static pages run the small reader bundle, which loads the whole app in place when
//   someone starts a search.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serve, browser, newPage, appReady, routes, root } from './support.mjs';

const DIST = process.env.DIST || path.join(root, 'dist');
const table = routes();
/** The text of a route's h1 (the table gives `heading` where it differs from the title). */
const h1Of = (route) => route.heading || route.title;
// Every static page (the interactive ones, search, check and journal, are the app's alone).
const STATIC = table.filter((r) => !/^(search|check|journal)/.test(r.path));
let server, chromium, context;

before(async () => {
  server = await serve();
  chromium = await browser();
  context = await chromium.newContext({ serviceWorkers: 'block' });
});

after(async () => {
  await context?.close();
  await chromium?.close();
  await server?.stop();
});


describe('prerendered pages', () => {
  test('every static page has its content prerendered in its index.html', () => {
    const home = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    assert.match(home, /<body data-prerendered>/);
    assert.match(home, /<h1 tabindex="-1">Is this normal after acupuncture\?<\/h1>/);
    assert.equal(home.match(/<li class="card">/g)?.length, 6, 'the six side effects');
    assert.match(home, /<header class="site-header">/);
    assert.match(home, /<footer class="site-footer">/);
    for (const route of STATIC) {
      const html = readFileSync(path.join(DIST, route.path, 'index.html'), 'utf8');
      const heading = h1Of(route).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
      assert.ok(html.includes(`<h1 tabindex="-1">${heading}</h1>`), `${route.path || '/'} has its heading prerendered`);
      assert.match(html, /<meta name="aftercare-app" content="\.\/aftercare-/, `${route.path || '/'} names the whole app`);
    }
    for (const route of table.filter((r) => !STATIC.includes(r))) {
      const html = readFileSync(path.join(DIST, route.path, 'index.html'), 'utf8');
      assert.doesNotMatch(html, /data-prerendered/, `${route.path} is the app's alone`);
      assert.match(html, /import init from '\.\/aftercare-/, `${route.path} loads the whole app`);
    }
  });
});

describe('before the app', () => {
  test('with no script at all, the prerendered pages read and link', async () => {
    const noScript = await chromium.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(server.url);
    assert.equal(await page.locator('main h1').innerText(), 'Is this normal after acupuncture?');
    assert.equal(await page.locator('.cards .card').count(), 6);
    await page.locator('.cards .card a').nth(1).click();
    await page.waitForURL(/effects\/[^/]+\/$/);
    const effect = table.find((r) => r.path && page.url().endsWith(r.path));
    assert.ok(effect, page.url());
    assert.equal(await page.locator('main h1').innerText(), h1Of(effect));
    assert.ok((await page.locator('main p').count()) > 2, 'the side effect is there in full');
    await page.getByRole('link', { name: 'Questions', exact: true }).click();
    await page.waitForURL(/faq\/$/);
    assert.equal(await page.locator('main h1').innerText(), 'Questions from readers');
    await noScript.close();
  });

  test('the app takes over with exactly the markup that was prerendered, and nothing moves', async () => {
    for (const route of [STATIC[0], STATIC.find((r) => r.path.startsWith('effects/')), STATIC.find((r) => r.path.startsWith('faq/') && r.path !== 'faq/'), STATIC.find((r) => r.path === 'help/')]) {
      const page = await newPage(context);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.addInitScript(() => {
        window.__shift = 0;
        window.__shifted = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            window.__shift += entry.value;
            for (const source of entry.sources) {
              const node = source.node;
              window.__shifted.push(`${node?.nodeName}.${node?.className} ${JSON.stringify(source.previousRect)} -> ${JSON.stringify(source.currentRect)}`);
            }
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const response = await page.goto(server.url + route.path);
      const prerendered = await response.text();
      await appReady(page);
      await page.waitForTimeout(300);
      const [live, before, shift] = await page.evaluate((html) => {
        // Comments are the app's invisible position markers; everything else must match.
        // The region picker's status line is live state (what this browser chose or its
        // language suggests), filled in once the app runs, like a checked radio button.
        const parts = (doc) => {
          doc.querySelectorAll('.region-status').forEach((el) => (el.textContent = ''));
          return ['.skip-link', 'header', 'main', 'footer'].map((s) => doc.querySelector(s)?.outerHTML.replaceAll('<!---->', ''));
        };
        const parsed = new DOMParser().parseFromString(html, 'text/html');
        return [parts(document), parts(parsed), [window.__shift, window.__shifted]];
      }, prerendered);
      assert.deepEqual(live, before, `${route.path || '/'}: the app shows what was prerendered`);
      // Nothing visible may move. Once, on a heavily loaded 2-core machine, Chromium scored a
      // shift of 0.00002 here (not reproduced in dozens of runs since, loaded or not); a
      // visible jump of even one line of text scores about 0.01 or more. The moved elements
      // are named, so a real shift can be found.
      assert.ok(shift[0] < 0.001, `${route.path || '/'}: no layout shift (${shift[0]}: ${shift[1].join('; ')})`);
      assert.deepEqual(page.problems, []);
      await page.close();
    }
  });

  test('words typed before the app arrives are kept and searched', async () => {
    const page = await newPage(context);
    // Hold the reader's WebAssembly back so the typing happens on the prerendered page.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(/reader-[0-9a-f]+_bg\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(server.url);
    await page.locator('#site-q').click();
    await page.keyboard.type('tired');
    assert.equal(await page.evaluate(() => document.body.hasAttribute('data-prerendered')), true, 'still the prerendered page');
    release();
    await page.waitForURL((url) => url.searchParams.get('q') === 'tired', { timeout: 15000 });
    await page.waitForSelector('.results .result');
    assert.equal(await page.locator('#site-q').inputValue(), 'tired');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-q', 'focus stays in the box');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

describe('the reader bundle', () => {
  test('static pages run the reader; a search loads the whole app in place, which then runs everything', async () => {
    const page = await newPage(context);
    const requests = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(server.url + 'faq/');
    await appReady(page);
    assert.ok(requests.some((p) => /reader-[0-9a-f]+_bg\.wasm$/.test(p)), 'the reader runs');
    assert.ok(!requests.some((p) => /aftercare-[0-9a-f]+_bg\.wasm$/.test(p)), 'the whole app is not loaded yet');
    // Navigation inside the reader needs no page load.
    await page.evaluate(() => (window.__samePage = true));
    await page.locator('.threads a').first().click();
    await page.waitForURL(/faq\/[^/]+\/$/);
    assert.equal(await page.evaluate(() => window.__samePage), true, 'the reader navigated in place');
    // A search: the whole app loads in place and shows results as the person types.
    await page.keyboard.press('/');
    await page.keyboard.type('dizzy');
    await page.waitForSelector('.results .result');
    assert.ok(requests.some((p) => /aftercare-[0-9a-f]+_bg\.wasm$/.test(p)), 'the whole app was loaded');
    assert.equal(await page.evaluate(() => window.__samePage), true, 'without a page load');
    assert.equal(await page.locator('#site-q').inputValue(), 'dizzy');
    // From now on only the whole app answers: the journal opens in place, with its form.
    await page.getByRole('link', { name: 'Journal', exact: true }).click();
    await page.waitForURL(/journal\/$/);
    await appReady(page);
    assert.equal(await page.evaluate(() => window.__samePage), true, 'the whole app navigated in place');
    assert.equal(await page.locator('header.site-header').count(), 1, 'one header: the reader is gone');
    // A static page too is now the whole app's (the reader no longer answers clicks).
    await page.getByRole('link', { name: 'About', exact: true }).click();
    await page.waitForURL(/about\/$/);
    await appReady(page);
    assert.equal(await page.locator('main h1').innerText(), 'About this guide');
    assert.equal(await page.evaluate(() => window.__samePage), true, 'in place');
    await page.goBack();
    await page.waitForURL(/journal\/$/);
    await page.goBack();
    await page.waitForURL(/search\//);
    await page.waitForSelector('.results .result');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a link from a reader page to an interactive page loads that page with the whole app', async () => {
    const page = await newPage(context);
    await page.goto(server.url);
    await appReady(page);
    await page.getByRole('link', { name: 'Check symptoms', exact: true }).click();
    await page.waitForURL(/check\/$/);
    await appReady(page);
    assert.equal(await page.locator('main h1').count(), 1);
    assert.ok(await page.evaluate(() => [...document.scripts].some((s) => /aftercare-[0-9a-f]+\.js/.test(s.textContent))), 'the page loads the whole app');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
