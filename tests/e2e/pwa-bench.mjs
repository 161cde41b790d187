// Figures for the offline side, as `name: value` lines:
//   pwa.precache_files      files the service worker downloads and keeps
//   pwa.precache_kb         their total size (KB, as served uncompressed)
//   pwa.precache_gzip_kb    the same, each file gzipped (about what travels on a compressing host)
//   pwa.offline_ready_ms    from navigation start to a service worker controlling the page with
//                           the whole precache verified and stored (median of 5 cold visits)
// Run: node tests/e2e/pwa-bench.mjs (DIST=… to measure another build folder).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve, browser, appReady, root } from './support.mjs';

const DIST = process.env.DIST || path.join(root, 'dist');
const RUNS = Number(process.env.RUNS || 5);

const sw = readFileSync(path.join(DIST, 'sw.js'), 'utf8');
const start = sw.indexOf('/* precache */') + '/* precache */'.length;
const { files } = JSON.parse(sw.slice(start, sw.indexOf('/* end precache */')));

let raw = 0;
let gzip = 0;
for (const [url] of files) {
  const file = url.endsWith('/') || url === './' ? path.join(url, 'index.html') : url;
  const bytes = readFileSync(path.join(DIST, file));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}

const server = await serve({ dir: DIST });
const chromium = await browser();
const times = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await chromium.newContext();
    // Stamped the moment the first service worker takes control (it claims the page only
    // after its install, i.e. the whole precache, has finished). performance.now() counts
    // from the navigation's start.
    await context.addInitScript(() => {
      navigator.serviceWorker?.addEventListener('controllerchange', () => {
        window.__offlineReadyAt ??= performance.now();
      });
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await appReady(page);
    const ms = await (await page.waitForFunction(() => window.__offlineReadyAt, null, { timeout: 60000 })).jsonValue();
    times.push(ms);
    await context.close();
  }
} finally {
  await chromium.close();
  await server.stop();
}
times.sort((a, b) => a - b);

console.log(`pwa.precache_files: ${files.length}`);
console.log(`pwa.precache_kb: ${Math.round(raw / 1024)}`);
console.log(`pwa.precache_gzip_kb: ${Math.round(gzip / 1024)}`);
console.log(`pwa.offline_ready_ms: ${Math.round(times[Math.floor(times.length / 2)])}`);
