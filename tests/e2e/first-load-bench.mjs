// Figures for the first visit, as `name: value` lines:
//   bundle.first_load_files   files the home page itself requests on a first visit (the service
//                             worker's background precache is counted apart, in pwa.*)
//   bundle.gzip_kb            those files, each gzipped (-9), summed
//   bundle.brotli_kb          the same with brotli (quality 11)
//   lcp.app_ms                largest contentful paint of the home page, 4x CPU throttling,
//                             median of RUNS (default 7) cold visits
//   lcp.static_ms             the same for a plain static page: the home page's rendered HTML
//                             and stylesheet with every script removed, same server, same run
//   lcp.ratio                 app / static (goal: 1.2 or less)
//   cls.app                   cumulative layout shift of the home page while it loads (median)
//   memory.js_heap_mb         JavaScript heap after load (after a forced GC)
//   memory.js_heap_mb_after_100_searches
//   memory.wasm_mb            the WebAssembly memory after the 100 searches
// Run: node tests/e2e/first-load-bench.mjs (DIST=… to measure another build folder).
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, browser, appReady, root, firstLoad } from './support.mjs';

const DIST = process.env.DIST || path.join(root, 'dist');
const RUNS = Number(process.env.RUNS || 7);
const kb = (bytes) => (bytes / 1024).toFixed(1);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

// A copy of the build with the static comparison page added, so both come from one server.
const work = mkdtempSync(path.join(os.tmpdir(), 'aftercare-bench-'));
cpSync(DIST, work, { recursive: true });
const server = await serve({ dir: work });
const chromium = await browser();


try {
  // 1. What a first visit to the home page downloads.
  {
    const context = await chromium.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const load = await firstLoad(page, server.url, work);
    console.log(`bundle.first_load_files: ${load.files.length}`);
    console.log(`bundle.gzip_kb: ${kb(load.gzip)}`);
    console.log(`bundle.brotli_kb: ${kb(load.brotli)}`);

    // The static twin: the home page as the app renders it, minus every script.
    let html = await page.evaluate(() => {
      const doc = document.documentElement.cloneNode(true);
      doc.querySelectorAll('script, link[rel="modulepreload"], link[rel="preload"], link[rel="manifest"]').forEach((n) => n.remove());
      return '<!DOCTYPE html>\n' + doc.outerHTML;
    });
    html = html.replace(/<base href="[^"]*">/, '<base href="../">');
    mkdirSync(path.join(work, 'lcp-static'), { recursive: true });
    writeFileSync(path.join(work, 'lcp-static', 'index.html'), html);
    await context.close();
  }

  // 2. Largest contentful paint, app and static twin interleaved, 4x CPU throttling.
  const lcp = { app: [], static: [] };
  const cls = [];
  for (let i = 0; i < RUNS; i++) {
    for (const kind of ['app', 'static']) {
      const context = await chromium.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.addInitScript(() => {
        window.__lcp = 0;
        window.__cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__lcp = entry.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(kind === 'app' ? server.url : `${server.url}lcp-static/`, { waitUntil: 'load' });
      if (kind === 'app') await appReady(page);
      await page.waitForTimeout(600);
      const [paint, shift] = await page.evaluate(() => [window.__lcp, window.__cls]);
      lcp[kind].push(paint);
      if (kind === 'app') cls.push(shift);
      await context.close();
    }
  }
  const app = median(lcp.app);
  const stat = median(lcp.static);
  console.log(`lcp.app_ms: ${Math.round(app)}`);
  console.log(`lcp.static_ms: ${Math.round(stat)}`);
  console.log(`lcp.ratio: ${(app / stat).toFixed(2)}`);
  console.log(`cls.app: ${median(cls).toFixed(3)}`);

  // 3. Memory after load and after 100 searches typed into the header box.
  {
    const context = await chromium.newContext({ serviceWorkers: 'block' });
    await context.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (event) => {
        window.__wasm = event.detail?.wasm;
      });
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(server.url, { waitUntil: 'load' });
    await appReady(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize / (1024 * 1024);
    };
    console.log(`memory.js_heap_mb: ${(await heap()).toFixed(2)}`);
    const words = ['tired', 'pee', 'needle left in', 'bruise', 'dizzy', 'emotional', 'twitch', 'sore', 'sleepy', 'cold'];
    for (let i = 0; i < 100; i++) {
      await page.fill('#site-q', `${words[i % words.length]}${i % 3 ? '' : 's'}`);
    }
    await page.waitForSelector('.results, .status');
    console.log(`memory.js_heap_mb_after_100_searches: ${(await heap()).toFixed(2)}`);
    const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? 0);
    if (wasm) console.log(`memory.wasm_mb: ${(wasm / (1024 * 1024)).toFixed(2)}`);
    await context.close();
  }
} finally {
  await chromium.close();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
