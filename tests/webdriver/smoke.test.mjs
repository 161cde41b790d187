// The built site in the engines patients use besides Chromium: Firefox, and WebKit (the
// engine of Safari and of every browser on an iPhone), each driven through WebDriver (see
// webdriver.mjs). A smoke suite: pages render and the app takes them over, search answers,
// a journal entry survives a reload, the symptom checker answers, and the service worker
// controls the page so the site opens with the server gone. Everything is checked through
// what a person sees (headings, results, entries, the answer), never through the names of
// the build's files, and every wait tolerates the page being replaced by a new document.
// An engine that cannot start fails its first test, and every other test of it fails too.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../e2e/support.mjs';
import { engines, startDriver, newSession } from './webdriver.mjs';

/** Each test's limit: generous, as the app compiles its WebAssembly on a busy machine. */
const LIMIT = { timeout: 120000 };

/** The page is the app's: its heading is there and no prerendered markup awaits takeover
 * (as appReady in ../e2e/support.mjs). */
const APP_RUNS = `!!document.querySelector('main h1') && !document.body.hasAttribute('data-prerendered')`;
const APP_READY = `return ${APP_RUNS}`;

/** The text of the first element matching arguments[0], trimmed, or null. */
const TEXT_OF = `const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null`;

/** The titles of the search results shown, or null while there are none. */
const RESULTS = `const t = [...document.querySelectorAll('.results .result-title')].map((e) => e.textContent.trim());
  return t.length ? t : null`;

for (const engine of Object.values(engines)) {
  describe(engine.name, () => {
    /** The site's server, the driver and the browser session; set by the first test. */
    let server, driver, session;
    /** Stops a server at most once (it waits for the server's exit, which happens once). */
    const stoppers = [];

    after(async () => {
      await session?.quit().catch(() => {});
      await driver?.stop();
      for (const stop of stoppers) await stop();
    });

    /** The session, or a failure saying the engine never started. */
    function need() {
      if (!session) throw new Error(`${engine.name} did not start (see the first test of this suite)`);
      return session;
    }

    /** Serves the built site; the suite stops it at the end. */
    async function site() {
      const started = await serve();
      let stopped;
      const stop = () => (stopped ??= started.stop());
      stoppers.push(stop);
      return { url: started.url, stop };
    }

    /** Opens `url` and waits until the app runs the page. */
    async function open(url) {
      const s = need();
      await s.navigate(url);
      await s.waitFor(`the app on ${url}`, APP_READY);
      return s;
    }

    /** Reloads the page from inside it (geckodriver's Refresh command bypasses the service
     * worker) and waits until a new document has loaded and the app runs it. */
    async function reload(s) {
      await s.execute(`window.smokeOldDocument = true; setTimeout(() => location.reload(), 0);`);
      await s.waitFor('the reloaded page', `return !window.smokeOldDocument && document.readyState === 'complete' && ${APP_RUNS}`);
    }

    /** Waits until the element matching `selector` shows text that `wanted` (a RegExp) matches. */
    function waitForText(s, selector, wanted) {
      return s.waitFor(
        `${selector} to show ${wanted}`,
        `const e = document.querySelector(arguments[0]);
         const t = e ? e.textContent.trim() : null;
         return t !== null && new RegExp(arguments[1]).test(t) ? t : null;`,
        { args: [selector, wanted.source] },
      );
    }

    /**
     * Clicks the first element matching `selector` once it exists. The page may replace the
     * element between finding and clicking (the app taking a prerendered page over): then
     * the new one is found and clicked.
     */
    async function click(s, selector) {
      const deadline = Date.now() + 15000;
      for (;;) {
        await s.waitFor(`${selector} to exist`, `return !!document.querySelector(arguments[0])`, { args: [selector] });
        try {
          return await s.click(await s.find(selector));
        } catch (error) {
          if (error.code !== 'stale element reference' || Date.now() > deadline) throw error;
        }
      }
    }

    test(`${engine.name} starts under WebDriver`, LIMIT, async (t) => {
      server = await site();
      driver = await startDriver(engine);
      session = await newSession(driver.url, engine.capabilities());
      await session.timeouts({ pageLoad: 60000, script: 30000, implicit: 0 });
      const { browserName, browserVersion } = session.capabilities;
      t.diagnostic(`${browserName} ${browserVersion}`);
      assert.ok(browserVersion, `${engine.name} reports its version`);
    });

    test(`${engine.name}: the home page and an effect page render, and a link leads from one to the other`, LIMIT, async () => {
      const s = await open(server.url);
      assert.equal(await s.execute(TEXT_OF, 'main h1'), 'Is this normal after acupuncture?');
      assert.equal(await s.execute('return document.title'), 'Is this normal after acupuncture? · Aftercare');
      await click(s, 'main a[href="effects/fatigue/"]');
      await waitForText(s, 'main h1', /^Fatigue after acupuncture$/);
      await s.waitFor('the app on the effect page', APP_READY);
      assert.ok((await s.url()).endsWith('/effects/fatigue/'), await s.url());
      assert.equal(await s.execute('return document.title'), 'Fatigue · Aftercare');
      // The page's words and its "When to get help" panel are there.
      assert.match(await s.execute(TEXT_OF, 'main'), /rest/i);
      assert.ok(await s.execute(`return document.querySelectorAll('main .triage-panel details').length > 0`), 'the triage panel');
    });

    test(`${engine.name}: search answers from the header box and from a link`, LIMIT, async () => {
      const s = await open(server.url);
      // The reader the page loaded answers as the person types (if it is still starting, it
      // takes the prerendered page over with the words typed so far and the focus).
      await click(s, '#site-q');
      await s.keys('tired');
      const titles = await s.waitFor('results for "tired"', RESULTS);
      assert.ok(titles.includes('Fatigue after acupuncture'), `results: ${titles}`);
      assert.match(await s.url(), /search\/\?q=tired$/);
      assert.equal(await s.execute(`return document.querySelector('#site-q').value`), 'tired', 'no key was lost');
      await open(server.url + 'search/?q=tired');
      const fromLink = await s.waitFor('results at search/?q=tired', RESULTS);
      assert.equal(fromLink[0], 'Fatigue after acupuncture');
      assert.match(await s.execute(TEXT_OF, 'main .status'), /\d+ answers? for “tired”/);
    });

    test(`${engine.name}: a journal entry saved through the form survives a reload`, LIMIT, async () => {
      const s = await open(server.url + 'journal/entry/');
      const note = `Smoke test in ${engine.name}: slept early.`;
      await click(s, 'input[name="symptoms"][value="fatigue"]');
      await click(s, 'input[name="severity"][value="4"]');
      await click(s, '#field-notes');
      await s.keys(note);
      await click(s, '.entry-form button[type="submit"]');
      await s.waitFor('the journal list after saving', `return location.pathname.endsWith('/journal/')`);
      const entry = `const e = [...document.querySelectorAll('.journal-entry')].find((e) => e.textContent.includes(arguments[0])); return e ? e.innerText : null`;
      const saved = await s.waitFor('the saved entry in the list', entry, { args: [note] });
      assert.match(saved, /Tired or drained/);
      assert.match(saved, /Severity 4 out of 10/);
      await reload(s);
      const kept = await s.waitFor('the entry after a reload', entry, { args: [note] });
      assert.match(kept, /Severity 4 out of 10/);
      assert.equal(await s.execute(`return document.querySelectorAll('.journal-entry').length`), 1);
    });

    test(`${engine.name}: the symptom checker answers`, LIMIT, async () => {
      const s = await open(server.url + 'check/');
      await waitForText(s, '.check-summary', /Nothing ticked yet/);
      await click(s, '.check-symptoms input[value="fatigue"]');
      await click(s, '.check-since input[value="1-3"]');
      await waitForText(s, '.overall .level-badge', /^Common, usually passes$/);
      assert.equal(await s.execute(TEXT_OF, '.check-summary'), '1 symptom checked: common, usually passes.');
      const url = new URL(await s.url());
      assert.equal(url.searchParams.get('symptoms'), 'fatigue');
      assert.equal(url.searchParams.get('since'), '1-3');
      assert.equal(await s.execute(`return document.querySelector('article.advice').dataset.symptom`), 'fatigue');
    });

    test(`${engine.name}: the service worker controls the page, and the site opens with the server gone`, LIMIT, async () => {
      // A server of its own (a new origin, so a new worker), stopped half-way.
      const own = await site();
      const s = await open(own.url);
      await s.waitFor('a service worker controlling the page', `return !!(navigator.serviceWorker && navigator.serviceWorker.controller)`, { timeout: 60000 });
      await own.stop();
      await assert.rejects(fetch(own.url), 'the server is gone');
      await reload(s);
      assert.equal(await s.execute(TEXT_OF, 'main h1'), 'Is this normal after acupuncture?');
      // Another page, never opened before, comes from the worker's cache too.
      await open(own.url + 'effects/fatigue/');
      assert.equal(await s.execute(TEXT_OF, 'main h1'), 'Fatigue after acupuncture');
      assert.ok(await s.execute(`return !!navigator.serviceWorker.controller`), 'controlled');
    });
  });
}
