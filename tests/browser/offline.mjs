#!/usr/bin/env node
// browser.offline: after its first load the page works without a network (wasm/sw.js).
//   - a fresh profile opens the page with ?demo; its service worker installs, caches the page,
//     the program, its data and the deployed plugins, and takes control of the page;
//   - then the browser goes offline (context.setOffline) and the server is stopped as well, so
//     nothing at all can come from the network (a fetch the worker does not serve from its cache
//     must fail, which this test checks);
//   - a reload still starts the app: frames are drawn, summary() answers with the counts of the
//     first load (the store is in IndexedDB), the deployed example plugin is in force again (from
//     the cache), and the page is not blank.
// usage: node offline.mjs --site DIR --out DIR [--serve serve.mjs] [--timeout S]
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { openPage, runBrowserTest, screenshotColours } from './harness.mjs';
import { counts, frames, until } from './ui.mjs';

async function run(args, failures) {
  mkdirSync(args.out, { recursive: true });
  const browser = await openPage(args.serve, args.site, { width: 1024, height: 700 });
  try {
    const { page, context, pageErrors } = browser;
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(`console: ${m.text()} (${m.location().url})`);
    });
    const started = (what) => until(page, what, (s) => s.frames > 2 && s.households > 0, null, args.timeout * 1000);

    await page.goto(`${browser.url}?demo`, { waitUntil: 'load' });
    await started('the app did not start');
    const online = await counts(page);
    const plugins = await page.evaluate(async () => {
      await window.nuanxinPlugins.preloaded;
      return window.nuanxin.summary().plugins;
    });
    // The worker is registered after the first frame; wait until it controls the page.
    // (Polled here: waitForFunction takes a promise for a truthy answer.)
    let worker = null;
    for (const until_ = Date.now() + 60000; !worker && Date.now() < until_;) {
      worker = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        if (!reg || !reg.active || !navigator.serviceWorker.controller) return null;
        const keys = (await caches.keys()).filter((k) => k.startsWith('nuanxin-'));
        if (keys.length !== 1) return null;
        const cache = await caches.open(keys[0]);
        return { cache: keys[0], entries: (await cache.keys()).map((r) => new URL(r.url).pathname) };
      });
      if (!worker) await new Promise((r) => setTimeout(r, 500));
    }
    if (!worker) throw new Error('the service worker did not take control of the page within 60 s');
    console.log(`browser.offline: worker cache ${worker.cache}: ${worker.entries.join(' ')}`);
    for (const file of ['/index.html', '/nuanxin.js', '/nuanxin.wasm', '/nuanxin.data', '/plugins/manifest.json']) {
      if (!worker.entries.includes(file)) failures.push(`${file} is not in the worker's cache`);
    }
    if (!worker.entries.some((e) => /^\/plugins\/.+\.so$/.test(e))) failures.push('no deployed plugin in the cache');

    // No network at all from here on.
    await context.setOffline(true);
    await browser.stopServer();
    await page.reload({ waitUntil: 'load' });
    await started('the app did not start offline');
    await frames(page, 10);
    const offline = await counts(page);
    console.log(`browser.offline: online ${JSON.stringify(online)}, offline ${JSON.stringify(offline)}`);
    for (const key of Object.keys(online)) {
      if (offline[key] !== online[key]) failures.push(`offline ${key} is ${offline[key]}, was ${online[key]}`);
    }
    const offlinePlugins = await page.evaluate(async () => {
      await window.nuanxinPlugins.preloaded;
      return window.nuanxin.summary().plugins;
    });
    if (JSON.stringify(offlinePlugins) !== JSON.stringify(plugins)) {
      failures.push(`plugins offline ${JSON.stringify(offlinePlugins)}, online ${JSON.stringify(plugins)}`);
    }
    const network = await page.evaluate(() => fetch(`plugins/not-cached-${Date.now()}.so`)
      .then((r) => `answered ${r.status}`, () => 'failed'));
    if (network !== 'failed') failures.push(`a fetch past the cache was ${network}: the page was not offline`);

    const shot = path.join(args.out, 'browser-offline.png');
    const colours = await screenshotColours(page, shot);
    console.log(`browser.offline: screenshot ${shot} (${colours} distinct colours)`);
    if (colours <= 20) failures.push(`the offline page looks blank: ${colours} distinct colours`);
    // The fetch above failed on purpose; nothing else may have.
    const errors = pageErrors.filter((e) => !/not-cached-/.test(e));
    if (errors.length) failures.push(`page errors: ${errors.join(' | ')}`);
  } finally {
    await browser.close();
  }
}

await runBrowserTest('browser.offline', run, { required: ['site', 'out'], timeout: 90 });
