// Times Aftercare's search engine (Rust compiled to wasm, built by run.sh) against MiniSearch
// in the same Node process, on the same corpus (exported from the Rust content) and the same
// queries (core/tests/search_queries.txt, the relevance table of `cargo test`), and prints
// `name: value` lines on stdout; notes go to stderr.
//
// Latency figures are percentiles across queries of each query's median time over the
// rounds; "keystroke" figures time every prefix of every query, as typed.
//
// Usage: node bench.mjs <pkg dir> <wasm with search> <wasm without search>

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import MiniSearch from 'minisearch';

const here = dirname(fileURLToPath(import.meta.url));
const [pkgDir = join(here, 'pkg'), wasmWith, wasmWithout] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const wasm = require(resolve(pkgDir, 'aftercare_search_bench.js'));

// Rounds over the whole query set; every call is timed on its own.
const ROUNDS = Number(process.env.SEARCH_BENCH_ROUNDS ?? 41);
const ROUNDS_10K = Number(process.env.SEARCH_BENCH_ROUNDS_10K ?? 9);
const LIMIT = 10;

/** The relevance table: [{ slug, query }]. */
function readTable() {
  const text = readFileSync(join(here, '../../core/tests/search_queries.txt'), 'utf8');
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const bar = l.indexOf('|');
      return { slug: l.slice(0, bar).trim(), query: l.slice(bar + 1).replace(/^ +/, '') };
    });
}

const now = () => process.hrtime.bigint();
const micros = (ns) => Number(ns) / 1000;

/**
 * Times every search function on every query, `rounds` times, after a warm-up. Rounds
 * alternate between the functions, so a busy machine slows them all alike. Each query's
 * time is its median over the rounds (a preempted sample moves a median little); returns,
 * per function, those per-query times sorted, for percentiles across queries.
 */
function time(searches, queries, rounds) {
  for (let r = 0; r < 3; r++) for (const search of searches) for (const q of queries) search(q);
  const samples = searches.map(() => queries.map(() => []));
  for (let r = 0; r < rounds; r++) {
    searches.forEach((search, i) => {
      queries.forEach((q, j) => {
        const t = now();
        search(q);
        samples[i][j].push(micros(now() - t));
      });
    });
  }
  const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  return samples.map((perQuery) => perQuery.map(median).sort((a, b) => a - b));
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

/** Top-3 share (%) and MRR@10 of a search returning ids best first. */
function relevance(search, table) {
  let top3 = 0;
  let rr = 0;
  const misses = [];
  for (const { slug, query } of table) {
    const ids = search(query).slice(0, LIMIT);
    const rank = ids.indexOf(slug) + 1;
    if (rank > 0) rr += 1 / rank;
    if (rank > 0 && rank <= 3) top3++;
    else misses.push(`${JSON.stringify(query)} -> ${slug} (rank ${rank || '>10'})`);
  }
  return { top3: (100 * top3) / table.length, mrr: rr / table.length, misses };
}

/** Every prefix of every query, as typed keystroke by keystroke. */
const keystrokes = (queries) => queries.flatMap((q) => [...q].map((_, i) => [...q].slice(0, i + 1).join('')));

function miniSearch(docs) {
  const ms = new MiniSearch({
    fields: ['title', 'question', 'answers', 'tags'],
    idField: 'id',
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 3, question: 2, tags: 1.5 } },
  });
  ms.addAll(docs);
  return (q) => ms.search(q).slice(0, LIMIT).map((r) => r.id);
}

const table = readTable();
const queries = table.map((t) => t.query);
const out = (name, value) => console.log(`${name}: ${value}`);
const round = (x, d = 1) => Number(x.toFixed(d));

// The real guide.
// Building the guide's index, as the app does at start-up: the first time (which includes
// the JS engine compiling that code) and once warm.
let t = now();
let engine = new wasm.Engine();
const buildUs = micros(now() - t);
engine.free();
const warm = [];
for (let i = 0; i < 15; i++) {
  t = now();
  const e = new wasm.Engine();
  warm.push(micros(now() - t));
  if (i < 14) e.free();
  else engine = e;
}
warm.sort((a, b) => a - b);
const ours = (q) => engine.search(q, LIMIT).split(',').filter(Boolean);
t = now();
const mini = miniSearch(JSON.parse(wasm.content_json()));
const miniBuildUs = micros(now() - t);

const [oursT, miniT] = time([ours, mini], queries, ROUNDS);
const typed = keystrokes(queries);
const [oursK, miniK] = time([ours, mini], typed, Math.max(1, ROUNDS >> 2));
const oursR = relevance(ours, table);
const miniR = relevance(mini, table);

out('search.p50_us', round(pct(oursT, 0.5)));
out('search.p95_us', round(pct(oursT, 0.95)));
out('search.minisearch_p50_us', round(pct(miniT, 0.5)));
out('search.minisearch_p95_us', round(pct(miniT, 0.95)));
out('search.speedup_vs_minisearch', round(pct(miniT, 0.95) / pct(oursT, 0.95), 2));
out('search.keystroke_p95_us', round(pct(oursK, 0.95)));
out('search.minisearch_keystroke_p95_us', round(pct(miniK, 0.95)));
out('search.top3_pct', round(oursR.top3));
out('search.minisearch_top3_pct', round(miniR.top3));
out('search.mrr10', round(oursR.mrr, 3));
out('search.minisearch_mrr10', round(miniR.mrr, 3));
out('search.queries', table.length);
out('search.build_us', round(buildUs));
out('search.build_warm_us', round(warm[warm.length >> 1]));
out('search.index_kb', round(engine.memory_bytes() / 1024));
out('search.minisearch_build_us', round(miniBuildUs));

// A synthetic corpus of 10,000 documents, same queries.
t = now();
const big = wasm.Engine.synthetic(10_000, 42);
const bigBuildMs = micros(now() - t) / 1000;
const oursBig = (q) => big.search(q, LIMIT);
const miniBig = miniSearch(JSON.parse(wasm.synthetic_json(10_000, 42)));
const [bigT, miniBigT] = time([oursBig, miniBig], queries, ROUNDS_10K);
out('search.p50_us_10k', round(pct(bigT, 0.5)));
out('search.p95_us_10k', round(pct(bigT, 0.95)));
out('search.minisearch_p95_us_10k', round(pct(miniBigT, 0.95)));
out('search.build_ms_10k', round(bigBuildMs));

// What search adds to a wasm: the module with and without the engine, both wasm-opt -Oz.
if (wasmWith && wasmWithout) {
  const gz = (f) => gzipSync(readFileSync(f), { level: constants.Z_BEST_COMPRESSION }).length;
  const kb = (n) => round(n / 1024);
  out('search.wasm_gzip_kb', kb(gz(wasmWith) - gz(wasmWithout)));
  out('search.wasm_kb', kb(readFileSync(wasmWith).length - readFileSync(wasmWithout).length));
  out('search.bench_wasm_gzip_kb', kb(gz(wasmWith)));
}

for (const [who, r] of [['ours', oursR], ['minisearch', miniR]]) {
  if (r.misses.length) console.error(`${who} missed the top 3:\n  ${r.misses.join('\n  ')}`);
}
