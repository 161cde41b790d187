// The triage layer in a real browser: the "Get help now" link on every page, the care cards,
// the symptom checker's answers for scripted cases, its state in the URL (a copied link
// restores the view), the triage panel on side-effect and question pages, and axe in light
// and dark on each of these pages.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, newPage, appReady, axe, routes } from './support.mjs';

const table = routes();
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

/** Opens `path` and waits for the app. */
async function open(path, ctx = context) {
  const page = await newPage(ctx);
  await page.goto(server.url + path);
  await appReady(page);
  return page;
}

/** Ticks a symptom by the name on screen (in the symptom list, not the red-flag question). */
async function tick(page, name) {
  await page.locator('.check-symptoms').getByRole('checkbox', { name, exact: true }).check();
}

/** Ticks a red flag by its title, in the first question. */
async function tickFlag(page, name) {
  await page.locator('.check-red-flags').getByRole('checkbox', { name, exact: true }).check();
}

/** The checker's state as the URL holds it: { symptoms: [...], since } (and flags when set). */
function urlState(page) {
  const url = new URL(page.url());
  const symptoms = url.searchParams.get('symptoms');
  const flags = url.searchParams.get('flags');
  const state = { symptoms: symptoms ? symptoms.split(',') : [], since: url.searchParams.get('since') };
  if (flags) state.flags = flags.split(',');
  return state;
}

/** What the checker shows: overall level, live summary, and each card's symptom and level. */
async function answer(page) {
  const overall = page.locator('.overall .level-badge');
  return {
    overall: (await overall.count()) ? (await overall.innerText()).trim() : null,
    summary: (await page.locator('.check-summary').innerText()).trim(),
    cards: await page.locator('article.advice').evaluateAll((cards) =>
      cards.map((c) => ({
        symptom: c.dataset.symptom,
        level: c.querySelector('.advice-head .level-badge').textContent.trim(),
        pastUsual: c.querySelector('.past-usual')?.textContent.trim() ?? null,
      })),
    ),
    checked: await page.locator('.check-symptoms input:checked').evaluateAll((inputs) => inputs.map((i) => i.value)),
    since: await page.locator('.check-since input:checked').evaluateAll((inputs) => inputs.map((i) => i.value)),
  };
}

describe('Get help now', () => {
  test('the header link is on every page and reaches the help page in one click', async () => {
    const page = await newPage(context);
    // The not-found page too (its own 404 response is expected, so it is not a problem).
    for (const route of [...table, { path: 'no/such/page/', missing: true }]) {
      await page.goto(server.url + route.path);
      await appReady(page);
      const link = page.locator('header').getByRole('link', { name: 'Get help now' });
      assert.equal(await link.count(), 1, `${route.path} has one Get help now link`);
      await link.click();
      await page.waitForURL(server.url + 'help/');
      assert.equal((await page.locator('main h1').innerText()).trim(), 'Get help now', route.path);
      if (route.missing) page.problems = page.problems.filter((p) => !p.includes('status of 404'));
    }
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('shows the care cards, emergency first, with the urgency in words, numbers to call and a source for every bullet', async () => {
    const page = await open('help/');
    const cards = page.locator('main .care-card');
    assert.ok((await cards.count()) >= 4, 'emergency, crisis, same day and not urgent');
    // The urgency is part of each heading's accessible name, not only its colour. (The
    // visually hidden colon is positioned, so name computation puts a space before it.)
    const heading = (name) => page.getByRole('heading', { level: 2, name });
    assert.equal(await heading(/^Emergency\s*: Call an ambulance now if/).count(), 1);
    assert.equal(await heading(/^Get support now\s*: /).count(), 1);
    assert.equal(await heading(/^Same day\s*: See a doctor today if/).count(), 1);
    assert.equal(await heading(/^Not urgent\s*: Tell your practitioner/).count(), 1);
    // No card labelled "now" says "today", and the other way round.
    for (const card of await cards.all()) {
      const text = (await card.locator('.care-heading').innerText()).toLowerCase();
      assert.ok(!(text.includes('emergency') && text.includes('today')), text);
      assert.ok(!(text.includes('same day') && text.includes(' now')), text);
      const bullets = card.locator('li:not(.call-region)');
      const n = await bullets.count();
      assert.ok(n >= 1 && n <= 5, `1 to 5 bullets, got ${n}`);
      for (const bullet of await bullets.all()) {
        assert.match(await bullet.locator('.sources').innerText(), /^Sources?: \S/);
      }
    }
    // The emergency card comes first, covers what the issue asks for, and names the numbers.
    const first = cards.first();
    const words = (await first.innerText()).toLowerCase();
    for (const w of ['chest pain', 'short of breath', 'faints', 'swell', 'cough up blood']) assert.ok(words.includes(w), w);
    for (const n of ['911', '999', '112']) assert.equal(await first.locator(`a[href="tel:${n}"]`).count(), 1, n);
    // Reassurance comes after the cards, never before.
    assert.match(await page.locator('main .help-intro').innerText(), /mild/);
    assert.match(await page.locator('main').innerText(), /38°C \(100\.4°F\)/);
    assert.match(await page.locator('.triage-disclaimer').innerText(), /information only/i);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

describe('Check my symptoms', () => {
  // Scripted cases: the symptoms ticked (by their names on screen), the time band chosen (by
  // its label) and what the page must answer.
  const cases = [
    {
      tick: ['Tired or drained'],
      since: '4 to 14 days ago',
      url: { symptoms: ['fatigue'], since: '4-14' },
      overall: 'Tell your practitioner',
      summary: '1 symptom checked: tell your practitioner.',
      cards: [{ symptom: 'fatigue', level: 'Tell your practitioner', pastUsual: /longer than usual/ }],
    },
    {
      tick: ['Tired or drained'],
      since: '1 to 3 days ago',
      url: { symptoms: ['fatigue'], since: '1-3' },
      overall: 'Common, usually passes',
      summary: '1 symptom checked: common, usually passes.',
      cards: [{ symptom: 'fatigue', level: 'Common, usually passes', pastUsual: /^No\./ }],
    },
    {
      tick: ['Chest pain or breathlessness'],
      since: 'Today',
      url: { symptoms: ['chest'], since: 'today' },
      overall: 'Emergency: get help now',
      summary: '1 symptom checked: emergency, get help now.',
      cards: [{ symptom: 'chest', level: 'Emergency: get help now' }],
      flagCards: ['chest'],
    },
    {
      tick: ['Needing the toilet'],
      since: 'Today',
      url: { symptoms: ['bathroom'], since: 'today' },
      overall: 'Common, usually passes',
      summary: '1 symptom checked: common, usually passes.',
      cards: [{ symptom: 'bathroom', level: 'Common, usually passes', pastUsual: /^No\./ }],
    },
    {
      // A red flag wins whatever else is ticked, and its card comes first.
      tick: ['Needing the toilet', 'Red, hot or swollen needle site'],
      since: '2 to 4 weeks ago',
      url: { symptoms: ['bathroom', 'infection'], since: '15-28' },
      overall: 'See a doctor today',
      summary: '2 symptoms checked: see a doctor today.',
      cards: [
        { symptom: 'infection', level: 'See a doctor today' },
        { symptom: 'bathroom', level: 'Tell your practitioner', pastUsual: /longer than usual/ },
      ],
      flagCards: ['infection'],
    },
    {
      // Past the author's 2 to 4 weeks for nerves: see a doctor.
      tick: ['Nerve pain or numbness'],
      since: 'More than 4 weeks ago',
      url: { symptoms: ['nerve'], since: '28-plus' },
      overall: 'See a doctor today',
      summary: '1 symptom checked: see a doctor today.',
      cards: [{ symptom: 'nerve', level: 'See a doctor today' }],
    },
    {
      tick: ['Nerve pain or numbness'],
      since: '2 to 4 weeks ago',
      url: { symptoms: ['nerve'], since: '15-28' },
      overall: 'Tell your practitioner',
      summary: '1 symptom checked: tell your practitioner.',
      cards: [{ symptom: 'nerve', level: 'Tell your practitioner' }],
    },
  ];

  for (const c of cases) {
    test(`${c.tick.join(' + ')}, ${c.since} → ${c.overall}`, async () => {
      const page = await open('check/');
      assert.match(await page.locator('.check-summary').innerText(), /Nothing ticked yet/);
      assert.equal(await page.locator('.check-summary').getAttribute('aria-live'), 'polite');
      for (const name of c.tick) await tick(page, name);
      await page.getByRole('radio', { name: c.since, exact: true }).check();
      assert.deepEqual(urlState(page), c.url);
      const got = await answer(page);
      assert.equal(got.overall, c.overall);
      assert.equal(got.summary, c.summary);
      assert.equal(got.cards.length, c.cards.length);
      c.cards.forEach((want, i) => {
        assert.equal(got.cards[i].symptom, want.symptom);
        assert.equal(got.cards[i].level, want.level);
        if (want.pastUsual) assert.match(got.cards[i].pastUsual, want.pastUsual);
      });
      assert.deepEqual(
        await page.locator('.check-flags .flag-card').evaluateAll((cards) => cards.map((c) => c.dataset.flag)),
        c.flagCards ?? [],
      );
      const helpLink = page.locator('.overall').getByRole('link', { name: /Get help now/ });
      const urgent = ['See a doctor today', 'Emergency: get help now'].includes(c.overall);
      assert.equal(await helpLink.count(), urgent ? 1 : 0);
      if (await helpLink.count()) {
        await helpLink.click();
        await page.waitForURL(server.url + 'help/');
      }
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }

  test('each answer links to its guide sections and questions, and names its sources', async () => {
    const page = await open('check/?symptoms=fatigue&since=1-3');
    const card = page.locator('article.advice[data-symptom="fatigue"]');
    assert.match(await card.locator('.sources').innerText(), /^Sources: Guide: Fatigue/);
    const guide = card.locator('.entry-links').getByRole('link', { name: 'Fatigue' });
    assert.equal(await guide.count(), 1);
    await guide.click();
    await page.waitForURL(server.url + 'effects/fatigue/');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('choosing updates the URL, and a copied URL restores the same view', async () => {
    const page = await open('check/');
    const historyLength = await page.evaluate(() => history.length);
    await tick(page, 'Muscle twitches');
    await tick(page, 'Tingling or pins and needles');
    await tick(page, 'Dizzy or light-headed');
    await page.getByRole('radio', { name: '2 to 4 weeks ago', exact: true }).check();
    assert.deepEqual(urlState(page), { symptoms: ['twitching', 'tingling', 'dizzy'], since: '15-28' });
    await page.locator('.check-symptoms').getByRole('checkbox', { name: 'Dizzy or light-headed', exact: true }).uncheck();
    assert.deepEqual(urlState(page), { symptoms: ['twitching', 'tingling'], since: '15-28' });
    const before = await answer(page);
    assert.equal(before.summary, '2 symptoms checked: tell your practitioner.');
    assert.deepEqual(before.checked, ['tingling', 'twitching']);

    const copied = page.url();
    const fresh = await newPage(context);
    await fresh.goto(copied);
    await appReady(fresh);
    assert.deepEqual(await answer(fresh), before);

    // The state is replaced in place: Back leaves the checker instead of undoing ticks.
    assert.equal(await page.evaluate(() => history.length), historyLength);
    await page.getByRole('button', { name: 'Start again' }).click();
    assert.deepEqual(urlState(page), { symptoms: [], since: null });
    assert.equal((await answer(page)).cards.length, 0);
    assert.deepEqual([...page.problems, ...fresh.problems], []);
    await page.close();
    await fresh.close();
  });

  test('red flags come first: a ticked flag shows its card with numbers to call before anything else', async () => {
    const page = await open('check/');
    const fieldsets = await page.locator('.check-form fieldset legend').allInnerTexts();
    assert.equal(fieldsets[0].trim(), 'Any of these right now?');
    assert.equal(await page.locator('.check-red-flags input[type=checkbox]').count(), 10, 'every red flag');
    assert.equal(await page.locator('.check-since input[type=radio]').count(), 5, 'five time bands');
    assert.equal(await page.locator('.check-flags .flag-card').count(), 0, 'no card before a tick');
    await tickFlag(page, 'Chest pain or breathlessness');
    assert.deepEqual(urlState(page), { symptoms: [], since: null, flags: ['chest'] });
    const card = page.locator('.check-flags .flag-card[data-flag="chest"]');
    await card.waitFor();
    for (const number of ['911', '999', '112']) {
      assert.equal(await card.locator(`a[href="tel:${number}"]`).count() >= 1, true, `tel:${number}`);
    }
    // The card comes before the answer's other parts, and the overall box links to help.
    const order = await page.evaluate(() => {
      const cardEl = document.querySelector('.check-flags .flag-card');
      const overall = document.querySelector('.check-answer .overall');
      return !!(cardEl.compareDocumentPosition(overall) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.ok(order, 'card before the overall box');
    assert.equal((await page.locator('.overall .level-badge').innerText()).trim(), 'Emergency: get help now');
    assert.equal(await page.locator('.overall').getByRole('link', { name: /Get help now/ }).count(), 1);
    assert.equal((await page.locator('.check-summary').innerText()).trim(), '1 warning sign checked: emergency, get help now.');
    // The card scrolls into view (smoothly, unless reduced motion is asked for, so this
    // waits for the scroll to end rather than sampling it mid-way), and focus stayed on the
    // box just ticked.
    await page.waitForFunction(() => {
      const r = document.querySelector('.check-flags .flag-card[data-flag="chest"]').getBoundingClientRect();
      return r.top < innerHeight && r.bottom > 0;
    }, null, { timeout: 3000 });
    assert.equal(await page.evaluate(() => document.activeElement?.value), 'chest');
    // The answer is one tap away: the summary bar's button goes there.
    await tick(page, 'Tired or drained');
    await page.getByRole('button', { name: 'See the answer' }).click();
    await page.waitForFunction(() => document.activeElement?.classList.contains('check-flags'));
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a symptom that is a red flag brings its card into view; state survives a reload', async () => {
    const page = await newPage(context);
    await page.setViewportSize({ width: 390, height: 740 });
    await page.goto(server.url + 'check/?flags=nonsense,allergy,,allergy');
    await appReady(page);
    // Unknown words are ignored; the known flag is ticked.
    assert.deepEqual(await page.locator('.check-red-flags input:checked').evaluateAll((i) => i.map((x) => x.value)), ['allergy']);
    await page.getByRole('radio', { name: 'More than 4 weeks ago', exact: true }).check();
    await page.locator('.check-symptoms').getByRole('checkbox', { name: 'Chest pain or breathlessness', exact: true }).check();
    const cards = () => page.locator('.check-flags .flag-card').evaluateAll((c) => c.map((x) => x.dataset.flag));
    assert.deepEqual(await cards(), ['chest', 'allergy']);
    await page.waitForFunction(() => {
      const r = document.querySelector('.check-flags [data-flag="chest"]').getBoundingClientRect();
      return r.top < innerHeight && r.bottom > 0;
    });
    // The summary bar is on screen while the questions are.
    assert.ok(await page.locator('.check-status').evaluate((e) => e.getBoundingClientRect().bottom <= innerHeight + 1));
    const before = await answer(page);
    await page.reload();
    await appReady(page);
    assert.deepEqual(await answer(page), before);
    assert.deepEqual(await cards(), ['chest', 'allergy']);
    assert.deepEqual(await page.locator('.check-red-flags input:checked').evaluateAll((i) => i.map((x) => x.value)), ['allergy']);
    await page.getByRole('button', { name: 'Start again' }).click();
    assert.deepEqual(urlState(page), { symptoms: [], since: null });
    assert.equal(await page.locator('.check-flags .flag-card').count(), 0);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a hand-edited link with unknown words still opens', async () => {
    const page = await open('check/?symptoms=fatigue,,nonsense,fatigue&since=yesterday');
    const got = await answer(page);
    assert.deepEqual(got.checked, ['fatigue']);
    assert.deepEqual(got.since, []);
    assert.equal(got.cards.length, 1);
    assert.equal(got.cards[0].pastUsual, null, 'no time, so no "longer than usual" line');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

describe('triage panel', () => {
  test('the fatigue page shows the triage of its symptom', async () => {
    const page = await open('effects/fatigue/');
    const panel = page.getByRole('region', { name: /When to get help/ });
    assert.equal(await panel.count(), 1);
    const item = panel.locator('details', { hasText: 'Tired or drained' });
    assert.equal(await item.count(), 1);
    assert.equal((await item.locator('summary .level-badge').innerText()).trim(), 'Common, usually passes');
    assert.equal(await item.locator('.triage-body').isVisible(), false, 'closed at first: calm');
    await item.locator('summary').click();
    const body = item.locator('.triage-body');
    assert.match(await body.innerText(), /up to 3 days/);
    assert.match(await body.innerText(), /after 3 days/);
    assert.match(await body.locator('.sources').innerText(), /^Sources: /);
    // Its checker link carries the symptoms.
    await panel.getByRole('link', { name: /Check these/ }).click();
    await page.waitForURL(/check\/\?symptoms=fatigue$/);
    assert.deepEqual((await answer(page)).checked, ['fatigue']);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('every side-effect and question page shows one panel, one row per symptom tag', async () => {
    const page = await newPage(context);
    for (const route of table.filter((r) => r.path.startsWith('effects/') || /^faq\/./.test(r.path))) {
      await page.goto(server.url + route.path);
      await appReady(page);
      const tags = await page.locator('main .tags li').count();
      assert.equal(await page.locator('.triage-panel').count(), tags ? 1 : 0, route.path);
      assert.equal(await page.locator('.triage-panel details').count(), tags, route.path);
    }
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

describe('accessibility', () => {
  const pages = [
    ['help/', null],
    ['check/?symptoms=fatigue,chest,needle-left-in&since=4-14', async (p) => p.locator('.advice-helps summary').first().click()],
    ['check/?flags=self-harm,infection&symptoms=nerve&since=28-plus', null],
    ['check/', null],
    ['effects/fatigue/', async (p) => p.locator('.triage-panel summary').first().click()],
    ['faq/needle-left-in/', async (p) => p.locator('.triage-panel summary').first().click()],
    ['about/', null],
  ];
  for (const scheme of ['light', 'dark']) {
    test(`axe finds no violations (${scheme})`, async () => {
      const ctx = await chromium.newContext({ colorScheme: scheme });
      const failures = [];
      for (const [path, prepare] of pages) {
        const page = await open(path, ctx);
        if (prepare) await prepare(page);
        const violations = await axe(page);
        if (violations.length) failures.push(`${path}: ${violations.join(' | ')}`);
        await page.close();
      }
      await ctx.close();
      assert.deepEqual(failures, []);
    });
  }
});
