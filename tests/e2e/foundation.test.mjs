// The foundation in a real browser: every route renders its own content and title, links
// and the back button navigate, deep links reload at the root and under a subpath, the
// keyboard can skip to content, and axe finds no violations on any route.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serve, browser, newPage, appReady, axe, routes, dist } from './support.mjs';

const table = routes();
let server, subpathServer, chromium, context;

before(async () => {
  server = await serve();
  subpathServer = await serve({ prefix: '/aftercare/' });
  chromium = await browser();
  context = await chromium.newContext();
});

after(async () => {
  await context?.close();
  await chromium?.close();
  await server?.stop();
  await subpathServer?.stop();
});

describe('every route', () => {
  test('renders its heading, title and content with no errors', async () => {
    const page = await newPage(context);
    for (const route of table) {
      await page.goto(server.url + route.path);
      await appReady(page);
      assert.equal(await page.title(), `${route.title} · Aftercare`, route.path);
      const h1 = (await page.locator('main h1').innerText()).trim();
      assert.ok(h1.length > 0, `${route.path} has a heading`);
      if (route.heading) assert.equal(h1, route.heading, route.path);
      if (route.messages) {
        assert.equal(await page.locator('main .message').count(), route.messages, `${route.path} shows every message`);
      }
      // Exactly one app: nothing rendered twice.
      assert.equal(await page.locator('main').count(), 1, `${route.path} has one main`);
      assert.equal(await page.locator('main h1').count(), 1, `${route.path} has one h1`);
    }
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('passes axe with zero violations', async () => {
    const page = await newPage(context);
    const failures = [];
    for (const route of table) {
      await page.goto(server.url + route.path);
      await appReady(page);
      const violations = await axe(page);
      if (violations.length) failures.push(`${route.path || '/'}: ${violations.join(' | ')}`);
    }
    await page.goto(server.url + 'no/such/page/');
    await appReady(page);
    const violations = await axe(page);
    if (violations.length) failures.push(`404: ${violations.join(' | ')}`);
    assert.deepEqual(failures, []);
    await page.close();
  });
});

describe('navigation', () => {
  test('a card link opens the effect in place and Back returns home', async () => {
    const page = await newPage(context);
    await page.goto(server.url);
    await appReady(page);
    await page.evaluate(() => { window.__sameDocument = true; });
    const fatigue = table.find((r) => r.path === 'effects/fatigue/');
    await page.locator('.cards a', { hasText: 'Fatigue' }).first().click();
    await page.waitForURL(server.url + fatigue.path);
    await page.locator('main h1', { hasText: fatigue.heading }).waitFor();
    assert.equal((await page.locator('main h1').innerText()).trim(), fatigue.heading);
    assert.equal(await page.title(), `${fatigue.title} · Aftercare`);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no full page load');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), fatigue.heading, 'focus moves to the new page heading');
    assert.equal(await page.locator('main[aria-busy]').count(), 0);
    // What it shows is the page as the build wrote it (the reader writes no static page).
    const built = readFileSync(path.join(dist, fatigue.path, 'index.html'), 'utf8');
    const written = built.slice(built.indexOf('>', built.indexOf('<main id="main"')) + 1, built.lastIndexOf('</main>'));
    assert.equal(await page.locator('main').evaluate((m) => m.innerHTML), written);
    await page.goBack();
    await page.waitForURL(server.url);
    await appReady(page);
    assert.equal((await page.locator('main h1').innerText()).trim(), 'Is this normal after acupuncture?');
    await page.goForward();
    await page.waitForURL(server.url + fatigue.path);
    assert.equal((await page.locator('main h1').innerText()).trim(), fatigue.heading, 'Forward shows the page at once, kept aside');
    assert.equal(await page.evaluate(() => window.__sameDocument), true);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('when a page cannot be had in place, the browser loads it', async () => {
    // No offline copy (it would answer from its cache): the request goes to the network.
    const own = await chromium.newContext({ serviceWorkers: 'block' });
    const page = await newPage(own);
    await page.goto(server.url);
    await appReady(page);
    await page.evaluate(() => { window.__sameDocument = true; });
    // The app's request for the page's HTML fails once (a dropped connection); the page
    // load that follows goes through.
    let failed = 0;
    await page.route('**/effects/fatigue/', (route) => {
      if (route.request().resourceType() === 'fetch' && failed === 0) {
        failed += 1;
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    const fatigue = table.find((r) => r.path === 'effects/fatigue/');
    await page.locator('.cards a', { hasText: 'Fatigue' }).first().click();
    await page.locator('main h1', { hasText: fatigue.heading }).waitFor();
    assert.equal(failed, 1, 'the app asked for the page first');
    assert.equal(page.url(), server.url + fatigue.path);
    assert.equal(await page.evaluate(() => window.__sameDocument), undefined, 'a page load');
    await appReady(page);
    assert.equal(await page.title(), `${fatigue.title} · Aftercare`);
    await own.close();
  });

  test('every word is reachable from home: FAQ list links every thread', async () => {
    const page = await newPage(context);
    await page.goto(server.url);
    await appReady(page);
    await page.getByRole('link', { name: /Questions from \d+ readers/ }).click();
    await page.waitForURL(server.url + 'faq/');
    const threads = table.filter((r) => r.path.startsWith('faq/') && r.path !== 'faq/');
    assert.equal(threads.length, 17);
    assert.equal(await page.locator('.threads > li').count(), 17);
    await page.locator('.threads a', { hasText: threads[4].heading }).click();
    await page.waitForURL(server.url + threads[4].path);
    assert.equal(await page.locator('main .message').count(), threads[4].messages);
    await page.close();
  });

  test('the skip link is the first tab stop and moves focus to the content', async () => {
    const page = await newPage(context);
    await page.goto(server.url + 'faq/');
    await appReady(page);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    assert.ok(page.url().endsWith('faq/#main'), page.url());
    await page.close();
  });

  test('unknown addresses show the friendly not-found page', async () => {
    const page = await newPage(context);
    const response = await page.goto(server.url + 'effects/no-such-effect/');
    assert.equal(response.status(), 404);
    await appReady(page);
    assert.equal((await page.locator('main h1').innerText()).trim(), 'We can’t find that page');
    await page.getByRole('link', { name: /The guide/ }).click();
    await page.waitForURL(server.url);
    await page.close();
  });
});

describe('static hosting', () => {
  for (const [name, get] of [['site root', () => server], ['subpath /aftercare/', () => subpathServer]]) {
    test(`deep links reload under the ${name}`, async () => {
      const { url } = get();
      const page = await newPage(context);
      for (const route of table.filter((r) => r.heading)) {
        const response = await page.goto(url + route.path);
        assert.equal(response.status(), 200, route.path);
        await appReady(page);
        assert.equal((await page.locator('main h1').innerText()).trim(), route.heading);
        await page.reload();
        await appReady(page);
        assert.equal((await page.locator('main h1').innerText()).trim(), route.heading);
      }
      // Links keep to the subpath.
      await page.goto(url + 'faq/');
      await appReady(page);
      await page.locator('.brand').click();
      await page.waitForURL(url);
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }
});
