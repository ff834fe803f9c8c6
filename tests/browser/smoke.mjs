#!/usr/bin/env node
// browser.smoke: serves the web build with wasm/serve.mjs, opens it in Debian's Chromium through
// playwright-core (software WebGL 2, TOOLCHAIN.md quirk 9) and checks that
//   - nuanxin.wasm is served as application/wasm;
//   - opened with ?demo (a fresh profile's store is empty; ?demo loads the demo data set into it),
//     window.nuanxin.summary() reports the households/needs/offers of demo.json, counted here
//     from the JSON itself (independent of the C++ loader), and the language 'zh' by default;
//   - window.nuanxin.locate() answers with a rectangle inside the page for the navigation;
//   - the page is not blank: the screenshot, decoded in the page, has many distinct colours.
// usage: node smoke.mjs --site DIR --data demo.json --out DIR [--serve serve.mjs] [--timeout S]
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { openPage, runBrowserTest, screenshotColours } from './harness.mjs';

const MIN_COLOURS = 20;

/** Counts from the data file itself: {"format": "nuanxin-dataset", "dataset": {...}} (core/serial). */
function expectedCounts(file) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  if (doc.format !== 'nuanxin-dataset' || typeof doc.dataset !== 'object') {
    throw new Error(`${file} is not a nuanxin data set (format: ${doc.format})`);
  }
  const count = (key) => (Array.isArray(doc.dataset[key]) ? doc.dataset[key].length : 0);
  return { households: count('households'), needs: count('needs'), offers: count('offers') };
}

async function run(args, failures) {
  const expected = expectedCounts(args.data);
  if (expected.households === 0) failures.push(`${args.data} has no households: nothing would be checked`);
  mkdirSync(args.out, { recursive: true });
  const browser = await openPage(args.serve, args.site, { width: 1280, height: 800 });
  try {
    const { page, pageErrors } = browser;
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`); });
    const wasmTypes = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.endsWith('.wasm')) wasmTypes.push(r.headers()['content-type'] ?? '(none)');
    });

    await page.goto(`${browser.url}?demo`, { waitUntil: 'load' });
    try {
      await page.waitForFunction(() => window.nuanxin && window.nuanxin.summary().households > 0,
        null, { timeout: args.timeout * 1000, polling: 250 });
      // A few frames more so the frame times and the screenshot reflect the settled page.
      await page.waitForFunction(() => window.nuanxin.summary().frames >= 30, null,
        { timeout: 30000, polling: 250 });
    } catch (e) {
      const last = await page.evaluate(() => window.nuanxin && window.nuanxin.summary()).catch(() => null);
      throw new Error(`the app never reported households > 0 (last summary: ${JSON.stringify(last)}; ` +
        `page errors: ${pageErrors.join(' | ') || 'none'})`);
    }
    const summary = await page.evaluate(() => window.nuanxin.summary());
    console.log(`browser.smoke: summary ${JSON.stringify(summary)}`);
    console.log(`browser.smoke: expected ${JSON.stringify(expected)} (counted from ${args.data})`);
    for (const key of Object.keys(expected)) {
      if (summary[key] !== expected[key]) {
        failures.push(`${key}: page reports ${summary[key]}, ${path.basename(args.data)} holds ${expected[key]}`);
      }
    }
    if (summary.lang !== 'zh') failures.push(`default language is ${JSON.stringify(summary.lang)}, expected "zh"`);
    // The built-in region plugins every build carries (issue text: a national base and the
    // Sichuan, Hebei and Shanxi plugins).
    const builtins = ['national', 'sichuan', 'hebei', 'shanxi'];
    if (!Array.isArray(summary.plugins)) failures.push('summary().plugins is not an array');
    else for (const id of builtins) if (!summary.plugins.includes(id)) failures.push(`plugin ${id} missing from summary().plugins`);
    for (const key of ['frame_ms_p50', 'frame_ms_p95']) {
      if (typeof summary[key] !== 'number' || !(summary[key] > 0)) failures.push(`${key} is ${summary[key]}`);
    }
    const nav = await page.evaluate(() => window.nuanxin.locate('nav.households'));
    if (!nav || !(nav.w > 0 && nav.h > 0 && nav.x >= 0 && nav.y >= 0 && nav.x + nav.w <= 1280 && nav.y + nav.h <= 800)) {
      failures.push(`locate('nav.households') is ${JSON.stringify(nav)}`);
    }
    const none = await page.evaluate(() => window.nuanxin.locate('no.such.widget'));
    if (none !== null) failures.push(`locate() of an unknown id is ${JSON.stringify(none)}`);
    if (wasmTypes.length === 0) failures.push('no .wasm response was seen');
    for (const t of wasmTypes) if (t !== 'application/wasm') failures.push(`.wasm served as ${t}`);
    const readOnly = await page.evaluate(() => {
      try { window.nuanxin = null; } catch { /* strict mode would throw; either way it must stay */ }
      return typeof window.nuanxin.summary === 'function';
    });
    if (!readOnly) failures.push('window.nuanxin could be replaced');
    if (pageErrors.length) failures.push(`page errors: ${pageErrors.join(' | ')}`);

    const shot = path.join(args.out, 'browser-smoke.png');
    const colours = await screenshotColours(page, shot);
    console.log(`browser.smoke: screenshot ${shot} (${colours} distinct colours)`);
    if (colours <= MIN_COLOURS) failures.push(`the page looks blank: ${colours} distinct colours in ${shot}`);
  } finally {
    await browser.close();
  }
}

await runBrowserTest('browser.smoke', run, { required: ['site', 'data', 'out'], timeout: 90 });
