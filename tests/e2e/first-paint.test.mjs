// First paint, in a real browser against the release build (the size budgets are
// budget.test.mjs's):
// - every static page's index.html carries its prerendered content, the journal's and the
//   checker's their start (header, heading, lead);
// - the prerendered pages work with no script at all (text and links);
// - the app takes a prerendered page over without changing a thing (same markup, no layout
//   shift), keeping what was typed before it arrived;
// - every page loads its own bundle (the core's Route::bundle): static pages and search the
//   reader, which answers searches itself; the checker and the journal their own;
//   moving between pages of one bundle stays in place, to another bundle is a page load;
// - once idle, a page prefetches the bundles its links lead to, unless the browser asks to
//   save data.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serve, browser, newPage, appReady, routes, root } from './support.mjs';

const DIST = process.env.DIST || path.join(root, 'dist');
const table = routes();
/** The text of a route's h1 (the table gives `heading` where it differs from the title). */
const h1Of = (route) => route.heading || route.title;
// Every static page (the interactive ones, search, check and journal, are the app's).
const STATIC = table.filter((r) => !/^(search|check|journal)/.test(r.path));
// The interactive pages whose start (header, heading, lead) is prerendered.
const STARTED = ['check/', 'journal/'];

/** Records the page's layout shifts from its start: `window.__shift`, their total score, and
 * `window.__moved`, each moved element's name with its top edge before (`top`) and after. */
const watchShifts = (page) =>
  page.addInitScript(() => {
    window.__shift = 0;
    window.__moved = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__shift += entry.value;
        for (const s of entry.sources) {
          window.__moved.push({ name: `${s.node?.nodeName}.${s.node?.className}`, top: s.previousRect.top, to: s.currentRect.top });
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });

/** Holds back the requests `pattern` matches (a bundle's wasm) until the returned function is
 * called, so what the page does before its app arrives can be seen. */
async function holdBack(page, pattern) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
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
      assert.match(html, /import init from '\.\/reader-[0-9a-f]+\.js'/, `${route.path || '/'} loads the reader`);
      assert.match(html, /<meta name="aftercare-prefetch" content="[^"]*\.\/journal-[0-9a-f]+_bg\.wasm/, `${route.path || '/'} names the other bundles`);
    }
    for (const route of table.filter((r) => !STATIC.includes(r))) {
      const html = readFileSync(path.join(DIST, route.path, 'index.html'), 'utf8');
      if (route.path === 'search/') {
        // Its heading alone: what comes under it depends on the address.
        assert.match(html, /<body data-prerendered>/, 'search/ has its start prerendered');
        assert.ok(html.includes('<main id="main" tabindex="-1"><div class="page search"><h1 tabindex="-1">Find an answer</h1></div></main>'), 'search/ has its heading alone');
        assert.doesNotMatch(html, /<footer/, 'search/: nothing below the start that the app would move');
      } else if (STARTED.includes(route.path)) {
        // The page's start paints before its bundle: header, heading and lead, no footer.
        assert.match(html, /<body data-prerendered>/, `${route.path} has its start prerendered`);
        assert.ok(html.includes(`<h1 tabindex="-1">${h1Of(route)}</h1><p class="lead">`), `${route.path} has its heading and lead`);
        assert.doesNotMatch(html, /<footer/, `${route.path}: nothing below the start that the app would move`);
        assert.match(html, /<noscript>/, `${route.path} says it needs script`);
      } else {
        assert.doesNotMatch(html, /data-prerendered/, `${route.path} is the app's alone`);
      }
      const own = { search: 'reader', check: 'check', journal: 'journal', 'journal/entry': 'journal', 'journal/summary': 'journal' }[route.path.replace(/\/$/, '')];
      assert.ok(own, route.path);
      assert.match(html, new RegExp(`import init from '\\./${own}-[0-9a-f]+\\.js'`), `${route.path} loads the ${own} bundle`);
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
      await watchShifts(page);
      // The prerendered page's content, marked once parsed (before any script runs).
      await page.addInitScript(() => {
        document.addEventListener('readystatechange', () => {
          const content = document.getElementById('main')?.firstElementChild;
          if (document.readyState === 'interactive' && content) content.__prerendered = true;
        });
      });
      const response = await page.goto(server.url + route.path);
      const prerendered = await response.text();
      await appReady(page);
      await page.waitForTimeout(300);
      assert.equal(
        await page.evaluate(() => document.getElementById('main').firstElementChild.__prerendered),
        true,
        `${route.path || '/'}: the reader keeps the prerendered page as it stands`,
      );
      const [live, before, shift] = await page.evaluate((html) => {
        // Comments are the app's invisible position markers; everything else must match.
        // The region picker's status line is live state (what this browser chose or its
        // language suggests), filled in once the app runs, like a checked radio button.
        const parts = (doc) => {
          doc.querySelectorAll('.region-status').forEach((el) => (el.textContent = ''));
          return ['.skip-link', 'header', 'main', 'footer'].map((s) => doc.querySelector(s)?.outerHTML.replaceAll('<!---->', ''));
        };
        const parsed = new DOMParser().parseFromString(html, 'text/html');
        return [parts(document), parts(parsed), [window.__shift, window.__moved.map((m) => `${m.name} ${m.top} -> ${m.to}`)]];
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

  test('the journal and the checker take their prerendered start over and nothing moves', async () => {
    for (const where of STARTED) {
      const page = await newPage(context);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await watchShifts(page);
      // Hold the bundle back: the start is on screen, whole, before the app.
      const release = await holdBack(page, /(check|journal)-[0-9a-f]+_bg\.wasm$/);
      await page.goto(server.url + where);
      const start = await page.evaluate(() => ({
        h1: document.querySelector('main h1')?.getBoundingClientRect().top,
        lead: document.querySelector('main .lead')?.getBoundingClientRect().top,
        header: document.querySelector('header.site-header')?.outerHTML,
      }));
      assert.equal(typeof start.lead, 'number', `${where}: the lead paints before the bundle`);
      // Mark the painted lead: the journal keeps that very element (written again, its paint
      // would count again as the page's largest, as late as the bundle).
      await page.evaluate(() => { document.querySelector('main .lead').dataset.painted = 'before'; });
      release();
      await appReady(page);
      await page.waitForTimeout(300);
      const live = await page.evaluate(() => ({
        h1: document.querySelector('main h1')?.getBoundingClientRect().top,
        lead: document.querySelector('main .lead')?.getBoundingClientRect().top,
        header: document.querySelector('header.site-header')?.outerHTML.replaceAll('<!---->', ''),
        footer: !!document.querySelector('footer.site-footer'),
        leadBottom: document.querySelector('main .lead')?.getBoundingClientRect().bottom,
        mainTop: document.querySelector('main')?.getBoundingClientRect().top,
        moved: window.__moved,
        shift: window.__shift,
      }));
      assert.equal(live.h1, start.h1, `${where}: the heading stays`);
      assert.equal(live.lead, start.lead, `${where}: the lead stays`);
      if (where.startsWith('journal')) {
        assert.equal(await page.locator('main .lead[data-painted="before"]').count(), 1, `${where}: the painted lead is kept, not written again`);
      }
      assert.equal(live.header, start.header, `${where}: the same header`);
      assert.ok(live.footer, `${where}: the app adds the rest`);
      // Nothing in the page moved: not what was painted before the app, nor what the app
      // added below it (the journal's "Keep a copy" line knows from its first render whether
      // the browser keeps the data, asked before the app mounts, so the buttons under it
      // never jump).
      const named = live.moved.map((m) => `${m.name} at ${m.top}`).join(', ');
      const inMain = live.moved.filter((m) => m.top >= live.mainTop);
      assert.deepEqual(inMain, [], `${where}: nothing in the page moved (moved: ${named}; the page starts at ${live.mainTop}, the lead ends at ${live.leadBottom})`);
      // Nor anything else, to the static pages' standard above: once in CI (2-core machine,
      // 4x CPU) three elements above the page, in the header, shifted by a score too small to
      // see; not reproduced in dozens of runs. A visible jump scores 0.01 or more.
      assert.ok(live.shift < 0.001, `${where}: no layout shift (${live.shift}: ${named})`);
      assert.deepEqual(page.problems, []);
      await page.close();
    }
  });

  test('the search page paints its heading before the reader, and nothing moves when the answers come', async () => {
    for (const where of ['search/?q=chest+pain', 'search/?q=tired&symptoms=fatigue', 'search/']) {
      const page = await newPage(context);
      await watchShifts(page);
      const release = await holdBack(page, /reader-[0-9a-f]+_bg\.wasm$/);
      await page.goto(server.url + where);
      const h1 = await page.evaluate(() => document.querySelector('main h1')?.getBoundingClientRect().top);
      assert.equal(typeof h1, 'number', `${where}: the heading paints before the reader`);
      release();
      await appReady(page);
      await page.locator('main .status').waitFor({ state: 'attached' });
      await page.waitForTimeout(300);
      const live = await page.evaluate(() => ({
        h1: document.querySelector('main h1').getBoundingClientRect().top,
        first: document.querySelector('main .page.search > :nth-child(2)')?.className,
        cards: document.querySelectorAll('main .search-flags .care-card').length,
        shift: window.__shift,
        moved: window.__moved,
      }));
      assert.equal(live.h1, h1, `${where}: the heading stays`);
      assert.equal(live.first, 'search-flags', `${where}: the red flags' place comes first under the heading`);
      assert.equal(live.cards, where.includes('chest') ? 1 : 0, `${where}: a card only for a red flag`);
      assert.deepEqual(live.moved, [], `${where}: nothing moved (${live.shift})`);
      assert.deepEqual(page.problems, []);
      await page.close();
    }
  });

  test('words typed into the search page before the reader arrives keep the chosen symptoms', async () => {
    const page = await newPage(context);
    const release = await holdBack(page, /reader-[0-9a-f]+_bg\.wasm$/);
    await page.goto(server.url + 'search/?symptoms=fatigue');
    await page.locator('#site-q').click();
    await page.keyboard.type('tired');
    release();
    await page.waitForURL((url) => url.searchParams.get('q') === 'tired' && url.searchParams.get('symptoms') === 'fatigue', { timeout: 15000 });
    await page.locator('.results .result').first().waitFor();
    const titles = await page.locator('.results .result-title').allInnerTexts();
    assert.ok(titles.length > 0 && titles.some((t) => /Fatigue/.test(t)), titles.join(' | '));
    assert.match(await page.locator('.symptom-filter summary').innerText(), /1 chosen/);
    assert.equal(await page.locator('#site-q').inputValue(), 'tired');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-q', 'focus stays in the box');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('words typed before the app arrives are kept and searched', async () => {
    const page = await newPage(context);
    // Hold the reader's WebAssembly back so the typing happens on the prerendered page.
    const release = await holdBack(page, /reader-[0-9a-f]+_bg\.wasm$/);
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

  test('after an answer to words typed early, the offline copy still installs and the status notes still follow the connection', async () => {
    // Service workers allowed here: the notes and the registration start after the first
    // answer's paint when words wait for one, and must start all the same.
    const own = await chromium.newContext();
    try {
      const page = await newPage(own);
      const release = await holdBack(page, /reader-[0-9a-f]+_bg\.wasm$/);
      await page.goto(server.url);
      await page.locator('#site-q').click();
      await page.keyboard.type('pee');
      release();
      await page.waitForSelector('.results .result', { timeout: 15000 });
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
      await own.setOffline(true);
      await page.getByText('You’re offline. Aftercare still works.').waitFor({ timeout: 10000 });
      await own.setOffline(false);
      await page.getByText('You’re offline.').waitFor({ state: 'detached', timeout: 10000 });
      assert.deepEqual(page.problems, []);
    } finally {
      await own.close();
    }
  });

  test('typed words are answered the moment the reader arrives, card first, in the frame they were typed in', async () => {
    const page = await newPage(context);
    const release = await holdBack(page, /reader-[0-9a-f]+_bg\.wasm$/);
    await page.goto(server.url);
    await page.locator('#site-q').click();
    await page.keyboard.type('chest pain tired');
    // The prerendered header and box, marked: the reader gives them behaviour where they stand.
    await page.evaluate(() => {
      document.querySelector('header.site-header').__prerendered = true;
      document.getElementById('site-q').__prerendered = true;
    });
    // What the page looks like when the first answer appears.
    await page.evaluate(() => {
      window.__early = null;
      const seen = () => {
        if (window.__early || !document.querySelector('.results .result')) return;
        const main = document.getElementById('main');
        window.__early = {
          html: main.innerHTML,
          top: document.querySelector('.results .result').getBoundingClientRect().top,
          card: document.querySelector('main .care-card')?.getBoundingClientRect().top ?? null,
          lead: document.querySelector('main .lead')?.getBoundingClientRect().top ?? null,
        };
      };
      new MutationObserver(seen).observe(document, { subtree: true, childList: true });
    });
    release();
    await page.waitForFunction(() => window.__early !== null, null, { timeout: 15000 });
    await page.waitForURL((url) => url.searchParams.get('q') === 'chest pain tired', { timeout: 15000 });
    await page.waitForFunction(() => !document.body.hasAttribute('data-prerendered'));
    const early = await page.evaluate(() => window.__early);
    assert.ok(early.card !== null && early.card < early.lead, 'the red flag card came first');
    const now = await page.evaluate(() => ({
      html: document.getElementById('main').innerHTML,
      top: document.querySelector('.results .result').getBoundingClientRect().top,
      header: document.querySelector('header.site-header').__prerendered === true,
      box: document.getElementById('site-q').__prerendered === true,
    }));
    assert.equal(now.html, early.html, 'the first answer is the page that stays');
    assert.equal(now.top, early.top, 'nothing moved');
    assert.ok(now.header && now.box, 'the header and its box are the ones typed in, not drawn again');
    assert.equal(await page.locator('#site-q').inputValue(), 'chest pain tired');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-q', 'focus stays in the box');
    // The reader answers the next words as they come.
    await page.locator('#site-q').fill('pee');
    await page.waitForURL((url) => url.searchParams.get('q') === 'pee');
    await page.locator('.results .result-title', { hasText: /toilet|bathroom|pee/i }).first().waitFor();
    assert.equal(await page.locator('main .care-card').count(), 0, 'no card once the words name no red flag');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

/** The wasm files a page fetched, by bundle name. */
const wasmOf = (requests) => requests.map((p) => p.match(/\/([a-z]+)-[0-9a-f]+_bg\.wasm$/)?.[1]).filter(Boolean);

describe('bundles', () => {
  test('the reader answers searches itself and moves between reading and search in place', async () => {
    const page = await newPage(context);
    const requests = [];
    page.on('request', (request) => {
      // Prefetches are the browser's idle work, not the page's load.
      if (request.headers()['sec-purpose']?.includes('prefetch')) return;
      requests.push(new URL(request.url()).pathname);
    });
    await page.goto(server.url + 'faq/');
    await appReady(page);
    assert.deepEqual(wasmOf(requests), ['reader'], 'the reader runs, alone');
    await page.evaluate(() => (window.__samePage = true));
    await page.locator('.threads a').first().click();
    await page.waitForURL(/faq\/[^/]+\/$/);
    assert.equal(await page.evaluate(() => window.__samePage), true, 'the reader navigated in place');
    // A search: results as the person types, from the bundle already running.
    await page.keyboard.press('/');
    await page.keyboard.type('dizzy');
    await page.waitForSelector('.results .result');
    assert.equal(await page.locator('#site-q').inputValue(), 'dizzy');
    assert.equal(await page.evaluate(() => window.__samePage), true, 'without a page load');
    // From a result to reading and back, in place.
    await page.locator('.results .result-title').first().click();
    await page.waitForURL(/(effects|faq)\/[^/]+\/$/);
    assert.equal(await page.locator('main h1').count(), 1);
    await page.goBack();
    await page.waitForURL(/search\//);
    await page.waitForSelector('.results .result');
    assert.equal(await page.evaluate(() => window.__samePage), true, 'still the same page');
    assert.deepEqual(wasmOf(requests), ['reader'], 'no second bundle');
    // The journal is another bundle: a page load, with the journal's bundle.
    await page.getByRole('link', { name: 'Journal', exact: true }).click();
    await page.waitForURL(/journal\/$/);
    await appReady(page);
    assert.equal(await page.evaluate(() => window.__samePage), undefined, 'a page load');
    const fetched = wasmOf(requests);
    assert.deepEqual(fetched.slice(0, 2), ['reader', 'journal']);
    // Anything after is the journal page's own idle prefetch: answered from the HTTP cache
    // (the FAQ page prefetched it), where Chromium reports the request without its
    // Sec-Purpose header. Only bundles the page's prefetch note names.
    const note = await page.evaluate(() => document.querySelector('meta[name="aftercare-prefetch"]')?.content || '');
    for (const extra of fetched.slice(2)) assert.ok(note.includes(`${extra}-`), `${extra} is neither run nor prefetched`);
    assert.equal(await page.locator('header.site-header').count(), 1);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('Back after a search shows the page it replaced as it was, in place', async () => {
    const page = await newPage(context);
    await page.goto(server.url + 'effects/fatigue/');
    await appReady(page);
    const heading = (await page.locator('main h1').innerText()).trim();
    const title = await page.title();
    // Something the person did on the page: a triage row opened.
    const row = page.locator('.triage-panel details').first();
    await row.locator('summary').click();
    assert.equal(await row.evaluate((d) => d.open), true);
    await page.evaluate(() => (window.__samePage = true));
    await page.locator('#site-q').fill('pee');
    await page.waitForSelector('.results .result');
    assert.match(page.url(), /search\/\?q=pee$/);
    assert.equal(await page.locator('.triage-panel').count(), 0, 'the answers replace the page');
    await page.goBack();
    await page.waitForURL(/effects\/fatigue\/$/);
    await page.locator('main h1', { hasText: heading }).waitFor();
    assert.equal(await page.evaluate(() => window.__samePage), true, 'in place, no page load');
    assert.equal(await page.title(), title);
    assert.equal(await page.locator('.results').count(), 0, 'the answers are gone');
    assert.equal(await page.locator('.triage-panel details').first().evaluate((d) => d.open), true, 'the row is still open');
    assert.equal(await page.locator('header nav a[aria-current="page"]').count() <= 1, true);
    // Forward: the answers again, in place.
    await page.goForward();
    await page.waitForURL(/search\/\?q=pee$/);
    await page.waitForSelector('.results .result');
    assert.equal(await page.evaluate(() => window.__samePage), true);
    // Back once more: the page again.
    await page.goBack();
    await page.locator('main h1', { hasText: heading }).waitFor();
    assert.equal(await page.evaluate(() => window.__samePage), true);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a link from a static page to the checker loads the checker with its own bundle', async () => {
    const page = await newPage(context);
    await page.goto(server.url);
    await appReady(page);
    await page.getByRole('link', { name: 'Check symptoms', exact: true }).click();
    await page.waitForURL(/check\/$/);
    await appReady(page);
    assert.equal(await page.locator('main h1').count(), 1);
    assert.ok(await page.evaluate(() => [...document.scripts].some((s) => /check-[0-9a-f]+\.js/.test(s.textContent))), 'the page loads the check bundle');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('once idle, a page prefetches the bundles its links lead to, and not when saving data', async () => {
    for (const saveData of [false, true]) {
      const ctx = await chromium.newContext({ serviceWorkers: 'block' });
      const page = await newPage(ctx);
      if (saveData) {
        await page.addInitScript(() => {
          Object.defineProperty(navigator, 'connection', { value: { saveData: true, effectiveType: '4g' }, configurable: true });
        });
      }
      const prefetched = [];
      page.on('request', (request) => {
        if (request.headers()['sec-purpose']?.includes('prefetch')) prefetched.push(new URL(request.url()).pathname);
      });
      await page.goto(server.url + 'journal/');
      await appReady(page);
      await page.waitForTimeout(saveData ? 3000 : 0);
      if (!saveData) {
        await page.waitForFunction(() => document.querySelectorAll('link[rel="prefetch"]').length > 0, null, { timeout: 10000 });
        await page.waitForTimeout(500);
        const names = wasmOf(prefetched);
        // The journal links to the checker and the static pages (its own pages are its own).
        for (const name of ['reader', 'check']) assert.ok(names.includes(name), `prefetched ${name}: ${names}`);
        assert.ok(!names.includes('journal'), 'not its own bundle');
      } else {
        assert.equal(await page.locator('link[rel="prefetch"]').count(), 0, 'nothing prefetched when saving data');
        assert.deepEqual(prefetched, []);
      }
      assert.deepEqual(page.problems, []);
      await ctx.close();
    }
  });
});
