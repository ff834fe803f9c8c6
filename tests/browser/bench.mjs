#!/usr/bin/env node
// Figures of the browser client in headless Chromium (not a test: it prints figures, each with the
// baseline measured in the same run; scripts/bench_browser.sh runs it on the default build trees):
//   1. download: gzip -9 sizes of what a first visit fetches (page, scripts, .wasm, .data, which
//      holds the demo data set and the CJK font subset), summed; target under 4 MB;
//   2. time from navigation to the first interactive frame (the page's 'nuanxin-first-frame'
//      mark, set when main.cpp announces its first frame): cold (fresh profile, empty store),
//      cold with ?demo, and warm (a reload served by the service worker);
//   3. frame times while the mouse wheel scrolls the households table (households.table) of a
//      store of --households households (default 1,000,000), against the idle frames of the same
//      page just before (the baseline); target p95 under 16 ms. The store is made once by the
//      native CLI (`nuanxin bench store`, kept in --work) and handed to the page through the
//      benchmark-only parameter ?bench-store= (wasm/web_store.js), so the page opens it from its
//      snapshot instead of importing for minutes. Chromium runs without its frame-rate cap, so a
//      frame interval is what a frame costs, not the display's 16.7 ms.
//      A second baseline: the browser alone drawing a WebGL canvas of the same size, cleared.
// usage: node bench.mjs --site DIR --cli nuanxin --work DIR [--font FILE] [--households N]
//        [--runs N] [--json FILE] [--out DIR (screenshot)] [--serve serve.mjs] [--timeout S]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { gzipSync } from 'node:zlib';

import { openPage, parseArgs } from './harness.mjs';
import { firstRowInView, locate, until } from './ui.mjs';

const UNCAPPED = ['--disable-frame-rate-limit', '--disable-gpu-vsync'];
const WINDOW = 310; // frames per measured window: more than the app's ring of 300 (ui/frame_stats.h)
const MB = 1024 * 1024;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const fmt = (x, d = 1) => (typeof x === 'number' ? x.toFixed(d) : String(x));

function downloadSizes(site, font) {
  const files = ['index.html', 'nuanxin_glue.js', 'nuanxin_plugins.js', 'sw.js', 'nuanxin.js', 'nuanxin.wasm', 'nuanxin.data'];
  const rows = files.filter((f) => existsSync(path.join(site, f))).map((f) => {
    const bytes = readFileSync(path.join(site, f));
    return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });
  const fontRow = font && existsSync(font)
    ? { raw: statSync(font).size, gzip: gzipSync(readFileSync(font), { level: 9 }).length } : null;
  return { rows, total, font: fontRow };
}

/** A store of n households made by the native CLI once, reused by later runs. */
function benchStore(cli, work, n) {
  const dir = path.join(work, `households-${n}`);
  const done = path.join(dir, 'DONE');
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    console.log(`bench: making a store of ${n} households with ${cli} (once; kept in ${dir})`);
    const out = execFileSync(cli, ['--lang', 'en', 'bench', 'store', '--households', String(n), '--dir', dir, '--appends', '1'],
      { encoding: 'utf8', maxBuffer: 64 * MB });
    process.stdout.write(out.split('\n').map((l) => `  cli: ${l}`).join('\n') + '\n');
    writeFileSync(done, '');
  }
  const store = readdirSync(dir).find((f) => f.startsWith('store-'));
  if (!store) throw new Error(`${dir}: the CLI left no store-* folder`);
  return path.join(dir, store);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/**
 * The store for the page, without the journal records its snapshot already holds: opening reads
 * only the journal after the snapshot (core/store/store.cpp), so the page need not download the
 * 350 MB of import records before it. The journal keeps its 16-byte header and its tail; the
 * snapshot's journal offset (u64 at byte 20 of its 40-byte header, core/store/journal.h) becomes
 * 16 and the header's CRC-32 of its first 32 bytes (u32 at byte 32) is computed again.
 */
function compactStore(store, out) {
  mkdirSync(out, { recursive: true });
  const journal = readFileSync(path.join(store, 'journal.nxj'));
  const snapshot = readFileSync(path.join(store, 'snapshot.nxs'));
  if (snapshot.subarray(0, 8).toString('latin1') !== 'NXSNAP\r\n' || crc32(snapshot.subarray(0, 32)) !== snapshot.readUInt32LE(32)) {
    throw new Error(`${store}/snapshot.nxs: not a snapshot of the format this benchmark knows`);
  }
  const offset = Number(snapshot.readBigUInt64LE(20));
  snapshot.writeBigUInt64LE(16n, 20);
  snapshot.writeUInt32LE(crc32(snapshot.subarray(0, 32)), 32);
  writeFileSync(path.join(out, 'journal.nxj'), Buffer.concat([journal.subarray(0, 16), journal.subarray(offset)]));
  writeFileSync(path.join(out, 'snapshot.nxs'), snapshot);
}

async function firstFrame(args, site, query, { reload = false } = {}) {
  const browser = await openPage(args.serve, site, { width: 1280, height: 800 });
  try {
    const { page } = browser;
    const mark = async () => {
      await page.waitForFunction(() => performance.getEntriesByName('nuanxin-first-frame').length > 0,
        null, { timeout: args.timeout * 1000, polling: 50 });
      return page.evaluate(() => performance.getEntriesByName('nuanxin-first-frame')[0].startTime);
    };
    await page.goto(`${browser.url}${query}`, { waitUntil: 'load' });
    const cold = await mark();
    if (!reload) return { cold };
    // Warm: once the service worker controls the page, a reload is served from its cache.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000, polling: 200 });
    await page.reload({ waitUntil: 'load' });
    return { cold, warm: await mark() };
  } finally {
    await browser.close();
  }
}

/** p50/p95 of the app's frame intervals and in-frame work over the last WINDOW frames. */
async function window_(page, what, action) {
  const start = await page.evaluate(() => window.nuanxin.summary().frames);
  const t0 = Date.now();
  let stop = false;
  const acting = action ? action(() => stop) : Promise.resolve();
  await page.waitForFunction((n) => window.nuanxin.summary().frames >= n, start + WINDOW,
    { timeout: 300000, polling: 100 });
  stop = true;
  await acting;
  const s = await page.evaluate(() => window.nuanxin.summary());
  return { what, frames: s.frames - start, seconds: (Date.now() - t0) / 1000,
    frame_p50: s.frame_ms_p50, frame_p95: s.frame_ms_p95, work_p50: s.work_ms_p50, work_p95: s.work_ms_p95 };
}

// The browser's own cost of a frame on this machine: a WebGL 2 canvas of the same size cleared
// each frame and nothing else (software GL in headless Chromium: filling and compositing the
// canvas is most of a frame's time). Measured under the same flags as the table.
const GL_PAGE = `<!doctype html><html><body style="margin:0"><canvas id="c"
 style="display:block;width:100vw;height:100vh"></canvas><script>
const c = document.getElementById('c'); c.width = innerWidth; c.height = innerHeight;
const gl = c.getContext('webgl2'); window.intervals = []; let last = 0;
const f = (t) => { if (last) intervals.push(t - last); last = t;
  gl.clearColor(0.98, 0.97, 0.95, 1); gl.clear(gl.COLOR_BUFFER_BIT); requestAnimationFrame(f); };
requestAnimationFrame(f);
</script></body></html>`;

async function glBaseline(args, site) {
  writeFileSync(path.join(site, 'bench-gl.html'), GL_PAGE);
  const browser = await openPage(args.serve, site, { width: 1280, height: 800 }, { flags: UNCAPPED });
  try {
    const { page } = browser;
    await page.goto(`${browser.url}bench-gl.html`, { waitUntil: 'load' });
    await page.waitForFunction((n) => window.intervals.length >= n, WINDOW, { timeout: 300000, polling: 100 });
    // Awaited here: the finally below closes the browser, which would cut a pending evaluate.
    return await page.evaluate((n) => {
      const xs = window.intervals.slice(-n).sort((a, b) => a - b);
      const at = (p) => xs[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)];
      return { frames: xs.length, frame_p50: at(50), frame_p95: at(95) };
    }, WINDOW);
  } finally {
    await browser.close();
  }
}

async function scrolling(args, site, n) {
  const browser = await openPage(args.serve, site, { width: 1280, height: 800 }, { flags: UNCAPPED });
  try {
    const { page, pageErrors } = browser;
    const t0 = Date.now();
    await page.goto(`${browser.url}?bench-store=bench-store/`, { waitUntil: 'load' });
    await until(page, `the store of ${n} households did not open`, (s, want) => s.households === want && s.frames > 2,
      n, args.timeout * 1000);
    const opened = { seconds: (Date.now() - t0) / 1000,
      firstFrame: await page.evaluate(() => performance.getEntriesByName('nuanxin-first-frame')[0]?.startTime),
      fetch: await page.evaluate(() => window.nuanxinStore.status().benchStore) };
    const nav = await locate(page, 'nav.households');
    await page.mouse.click(nav.x + nav.w / 2, nav.y + nav.h / 2);
    const table = await locate(page, 'households.table', 60000);
    await page.mouse.move(table.x + table.w / 2, table.y + table.h / 2);
    const idle = await window_(page, 'idle');
    const top = await firstRowInView(page, 'households.row');
    const scroll = await window_(page, 'scroll', async (stopped) => {
      let wheels = 0;
      while (!stopped()) {
        await page.mouse.wheel(0, 240);
        wheels += 1;
      }
      return wheels;
    });
    const reached = await firstRowInView(page, 'households.row');
    const far = await window_(page, 'scroll back up', async (stopped) => {
      while (!stopped()) await page.mouse.wheel(0, -600);
    });
    const back = await firstRowInView(page, 'households.row');
    // A window that did not move the table measured idle frames: say so instead of a figure.
    if (!(reached > top && back < reached)) {
      throw new Error(`the wheel did not scroll the table (first row in view ${top}, then ${reached}, then ${back})`);
    }
    scroll.rows = [top, reached];
    far.rows = [reached, back];
    const s = await page.evaluate(() => window.nuanxin.summary());
    if (args.out) {
      mkdirSync(args.out, { recursive: true });
      writeFileSync(path.join(args.out, 'bench-households.png'), await page.screenshot());
    }
    return { opened, idle, scroll, far, households: s.households, pageErrors };
  } finally {
    await browser.close();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2), {
    required: ['site', 'cli', 'work'], optional: ['font', 'json', 'out'], numbers: ['households', 'runs'], timeout: 600,
  });
  const n = args.households ?? 1000000;
  const runs = args.runs ?? 3;
  mkdirSync(args.work, { recursive: true });

  const sizes = downloadSizes(args.site, args.font);
  console.log('download (what a first visit fetches; gzip -9):');
  for (const r of sizes.rows) console.log(`  ${r.file.padEnd(20)} ${fmt(r.raw / 1024, 0).padStart(8)} KiB raw  ${fmt(r.gzip / 1024, 0).padStart(7)} KiB gzip`);
  console.log(`  total                ${fmt(sizes.total.raw / MB, 2).padStart(8)} MiB raw  ${fmt(sizes.total.gzip / MB, 2).padStart(7)} MiB gzip (target < 4 MB)`);
  if (sizes.font) console.log(`  (of which the CJK font subset, inside nuanxin.data: ${fmt(sizes.font.raw / 1024, 0)} KiB raw, ${fmt(sizes.font.gzip / 1024, 0)} KiB gzip)`);

  // A private copy of the site with the store beside it (the build tree stays as built).
  const site = mkdtempSync(path.join(os.tmpdir(), 'nuanxin-bench-site-'));
  try {
    cpSync(args.site, site, { recursive: true });
    const store = benchStore(args.cli, args.work, n);
    compactStore(store, path.join(site, 'bench-store'));

    const first = { empty: [], demo: [], warm: [] };
    for (let i = 0; i < runs; i += 1) {
      const a = await firstFrame(args, site, '', { reload: true });
      const b = await firstFrame(args, site, '?demo');
      first.empty.push(a.cold);
      first.warm.push(a.warm);
      first.demo.push(b.cold);
    }
    console.log(`first interactive frame after navigation (median of ${runs}; each run a fresh profile):`);
    console.log(`  cold, empty store:       ${fmt(median(first.empty), 0)} ms  (${first.empty.map((x) => fmt(x, 0)).join(', ')})`);
    console.log(`  cold, ?demo (300 households registered first): ${fmt(median(first.demo), 0)} ms  (${first.demo.map((x) => fmt(x, 0)).join(', ')})`);
    console.log(`  warm reload (service worker cache): ${fmt(median(first.warm), 0)} ms  (${first.warm.map((x) => fmt(x, 0)).join(', ')})`);

    const gl = await glBaseline(args, site);
    const sc = await scrolling(args, site, n);
    console.log(`households table of ${sc.households} households (frame rate uncapped):`);
    console.log(`  store opened in ${fmt(sc.opened.seconds, 1)} s from navigation (files fetched: `
      + `${fmt((sc.opened.fetch?.bytes ?? 0) / MB, 0)} MiB in ${fmt((sc.opened.fetch?.ms ?? 0) / 1000, 1)} s; first frame at ${fmt((sc.opened.firstFrame ?? 0) / 1000, 1)} s)`);
    for (const w of [sc.idle, sc.scroll, sc.far]) {
      console.log(`  ${w.what.padEnd(15)} ${w.frames} frames in ${fmt(w.seconds, 1)} s: frame p50 ${fmt(w.frame_p50, 2)} ms, `
        + `p95 ${fmt(w.frame_p95, 2)} ms; work in the frame p50 ${fmt(w.work_p50, 2)} ms, p95 ${fmt(w.work_p95, 2)} ms`
        + (w.rows ? `; first row in view ${w.rows[0]} → ${w.rows[1]}` : ''));
    }
    console.log(`  (the browser alone, a WebGL canvas of the same size cleared each frame: frame p50 ${fmt(gl.frame_p50, 2)} ms, `
      + `p95 ${fmt(gl.frame_p95, 2)} ms)`);
    const ratio = (a, b) => (b > 0 ? fmt(a / b, 2) : 'n/a');
    console.log(`  scrolling / idle: frame p95 ${ratio(sc.scroll.frame_p95, sc.idle.frame_p95)}x, `
      + `work p95 ${ratio(sc.scroll.work_p95, sc.idle.work_p95)}x (target: frame p95 < 16 ms while scrolling)`);
    if (sc.pageErrors.length) console.log(`  page errors: ${sc.pageErrors.join(' | ')}`);
    if (args.json) {
      writeFileSync(args.json, JSON.stringify({ sizes, first, gl, scrolling: sc }, null, 2));
      console.log(`figures written to ${args.json}`);
    }
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench: ${e.stack || e.message}`);
  process.exit(1);
});
