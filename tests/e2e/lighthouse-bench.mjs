// Lighthouse 12 (npm) on the home page with Debian's Chromium, default mobile settings
// (simulated slow 4G, 4x CPU), median of RUNS (default 3) runs, as `name: value` lines:
//   lighthouse.performance, lighthouse.accessibility, lighthouse.best_practices, lighthouse.seo
// Audits that cost points are listed on stderr. Run: node tests/e2e/lighthouse-bench.mjs
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

const server = await serve({ dir: DIST });
const profile = mkdtempSync(path.join(os.tmpdir(), 'aftercare-lh-'));
const scores = Object.fromEntries(CATEGORIES.map((c) => [c, []]));
const lost = new Map();
try {
  for (let i = 0; i < RUNS; i++) {
    const { stdout } = await run(
      lighthouse,
      [
        server.url,
        '--output=json',
        '--quiet',
        `--only-categories=${CATEGORIES.join(',')}`,
        `--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --user-data-dir=${profile}/${i}`,
      ],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(stdout);
    for (const category of CATEGORIES) {
      const { score, auditRefs } = report.categories[category];
      scores[category].push(Math.round((score ?? 0) * 100));
      for (const ref of auditRefs) {
        const audit = report.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          lost.set(`${category}: ${ref.id} (${audit.displayValue || audit.score})`, true);
        }
      }
    }
  }
} finally {
  await server.stop();
  rmSync(profile, { recursive: true, force: true });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const category of CATEGORIES) {
  console.log(`lighthouse.${category.replace('-', '_')}: ${median(scores[category])}`);
}
for (const line of lost.keys()) console.error(`  lighthouse lost points on ${line}`);
