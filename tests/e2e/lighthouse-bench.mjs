// Lighthouse 12 (npm) with Debian's Chromium, default mobile settings (simulated slow 4G, 4x
// CPU), median of RUNS (default 3) runs, as `name: value` lines:
//   the home page:    lighthouse.performance, lighthouse.accessibility,
//                     lighthouse.best_practices, lighthouse.seo
//   the journal page: lighthouse.journal_performance, lighthouse.journal_accessibility,
//                     lighthouse.journal_best_practices, lighthouse.journal_seo
// (an empty journal: each run starts from a new browser profile). Audits that cost points are
// listed on stderr with the page. Run: node tests/e2e/lighthouse-bench.mjs (DIST, RUNS).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { serve, root } from './support.mjs';

const run = promisify(execFile);
const DIST = process.env.DIST || path.join(root, 'dist');
const RUNS = Number(process.env.RUNS || 3);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const lighthouse = path.join(root, 'node_modules', '.bin', 'lighthouse');

// The pages audited, and what their figures' names start with.
const PAGES = [
  { path: '', prefix: 'lighthouse.' },
  { path: 'journal/', prefix: 'lighthouse.journal_' },
];

const server = await serve({ dir: DIST });
const profile = mkdtempSync(path.join(os.tmpdir(), 'aftercare-lh-'));
const scores = PAGES.map(() => Object.fromEntries(CATEGORIES.map((c) => [c, []])));
const lost = new Map();
try {
  for (let i = 0; i < RUNS; i++) {
    for (const [p, page] of PAGES.entries()) {
      const { stdout } = await run(
        lighthouse,
        [
          server.url + page.path,
          '--output=json',
          '--quiet',
          `--only-categories=${CATEGORIES.join(',')}`,
          `--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --user-data-dir=${profile}/${i}-${p}`,
        ],
        { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024 },
      );
      const report = JSON.parse(stdout);
      for (const category of CATEGORIES) {
        const { score, auditRefs } = report.categories[category];
        scores[p][category].push(Math.round((score ?? 0) * 100));
        for (const ref of auditRefs) {
          const audit = report.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
            lost.set(`/${page.path} ${category}: ${ref.id} (${audit.displayValue || audit.score})`, true);
          }
        }
      }
    }
  }
} finally {
  await server.stop();
  rmSync(profile, { recursive: true, force: true });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const [p, page] of PAGES.entries()) {
  for (const category of CATEGORIES) {
    console.log(`${page.prefix}${category.replace('-', '_')}: ${median(scores[p][category])}`);
  }
}
for (const line of lost.keys()) console.error(`  lighthouse lost points on ${line}`);
