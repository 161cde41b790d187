// What the bench scripts share: the journal's typical entries and its key, Lighthouse's mobile
// conditions applied through the DevTools protocol, a first visitor's tab (coldVisit), and the
// median. (The browser tests' own
// entries are support.mjs's makeEntry; these are the figures' data and must not change
// between measurements.)

/** This deployment's journal key: the benches serve the site at "/" (journal-key.test.mjs). */
export const KEY = 'aftercare.journal@/';

/** A typical entry as a person would write it: two symptoms, a short note, a session date
 * and a duration; ids and times as the app makes them. */
export function typical(i) {
  const start = Date.UTC(2024, 0, 1) + i * 8 * 3600 * 1000;
  const date = new Date(start).toISOString().slice(0, 10);
  const session = new Date(start - (i % 4) * 86400000).toISOString().slice(0, 10);
  const hour = new Date(start).toISOString().slice(11, 16);
  const slugs = ['fatigue', 'dizzy', 'tingling', 'sleep', 'soreness', 'emotional', 'nausea'];
  const notes = [
    'Felt it after lunch; eased with water and a short rest.',
    'Woke up heavy and slow, better by the afternoon.',
    'Tingling in the left hand for a while, then gone.',
    'Slept badly, vivid dreams. Tired in the morning.',
  ];
  const created = 1704067200000 + i * 8 * 3600 * 1000 + 120000;
  return {
    id: `e-${created.toString(36)}-${(0x9e3779b9 * (i + 1) >>> 0).toString(16).padStart(8, '0')}`,
    started: `${date}T${hour}`,
    session_date: session,
    symptoms: [slugs[i % 7], slugs[(i + 3) % 7]],
    other_symptoms: '',
    severity: (i * 7) % 11,
    duration: { unit: 'hours', amount: 1 + (i % 6) },
    notes: notes[i % 4],
    created_ms: created,
    updated_ms: created,
  };
}

/** The stored form of a journal holding `entries`. */
export const envelope = (entries) => JSON.stringify({ app: 'aftercare', kind: 'journal', version: 1, entries });

/** A journal of `n` typical entries, as stored. */
export const typicalJournal = (n) => envelope(Array.from({ length: n }, (_, i) => typical(i)));

/** The median of `values` (the upper one of an even count). */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Lighthouse's mobile conditions (its "slow 4G" and mid-range phone) on `page` of `context`:
 * 150 ms round trip, 1,638.4 kbit/s down, 750 kbit/s up, CPU 4x slower. Applied by the DevTools
 * protocol to every request the page makes. Returns the DevTools session.
 */
export async function mobileConditions(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1638.4 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return cdp;
}

/**
 * Records every response of `page` that could be compressed (HTML, script, style sheet, wasm,
 * JSON; 512 bytes or more, below which the build writes no compressed copy) and came back
 * without `content-encoding: br` or `gzip`; call the returned function to throw if there was
 * one: the figures are only meaningful with the precompressed files served.
 */
export function requireCompressed(page) {
  const plain = [];
  const seen = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (response.status() !== 200 || !/(\/|\.html|\.js|\.css|\.wasm|\.json|\.webmanifest)$/.test(url.pathname)) return;
    const encoding = response.headers()['content-encoding'] || '';
    if (!encoding && Number(response.headers()['content-length']) < 512) return;
    seen.push(`${url.pathname} ${encoding || 'identity'}`);
    if (!['br', 'gzip'].includes(encoding)) plain.push(`${url.pathname} (${encoding || 'no encoding'})`);
  });
  return () => {
    if (seen.length === 0) throw new Error('no compressible response was seen');
    if (plain.length) throw new Error(`served uncompressed, so the figures would not be the issue's: ${plain.join(', ')}`);
    return seen;
  };
}

/**
 * A first visitor's browser tab, as every cold-visit figure measures it: a fresh context (cold
 * HTTP cache) with service workers blocked (the offline copy is not installed yet), `watch`
 * installed in every document, the precompressed files required and Lighthouse's mobile
 * conditions. `storage` is the localStorage to start with (`{ origin, items: { key: value } }`).
 * Returns the context, the page and `compressed()` (throws unless every file came compressed;
 * returns what was seen). Close the context when done.
 */
export async function coldVisit(chromium, { watch, storage } = {}) {
  const storageState = storage
    ? {
        cookies: [],
        origins: [{ origin: storage.origin, localStorage: Object.entries(storage.items).map(([name, value]) => ({ name, value })) }],
      }
    : undefined;
  const context = await chromium.newContext({ serviceWorkers: 'block', storageState });
  try {
    if (watch) await context.addInitScript(watch);
    const page = await context.newPage();
    const compressed = requireCompressed(page);
    await mobileConditions(context, page);
    return { context, page, compressed };
  } catch (error) {
    await context.close();
    throw error;
  }
}
