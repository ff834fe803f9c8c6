#!/usr/bin/env node
// browser.plugin_upload: in headless Chromium, an administrator's plugin supplied at run time (not
// preloaded) is compiled asynchronously, dlopen'ed and used for a matching; a bad file is refused
// with a message naming it, and the app keeps running.
//   - before the upload, no allocation carries the plugin's reason and it governs nothing;
//   - after it, the plugin is listed (ABI 1.0, 5101) and the Chengdu households' allocations
//     carry its reason (its callback ran inside the page);
//   - a text file "uploaded" as a plugin is refused as "not a shared library or wasm module".
// usage: node browser_upload.mjs --site DIR --plugin FILE.so [--serve serve.mjs] [--timeout S]
import { readFileSync } from 'node:fs';

import { openPage, runBrowserTest } from '../browser/harness.mjs';
import { copySite } from './site_copy.mjs';


async function run(args, failures) {
  // playwright-core is installed once, for the browser tests (tests/browser/node_modules).
  const pluginBytes = [...readFileSync(args.plugin)];
  // The site without its deployed plugins: the README's example, preloaded by the real site,
  // governs Chengdu as the uploaded plugin does and, registered first, would keep it.
  const site = copySite(args.site, { withPlugins: false });
  const browser = await openPage(args.serve, site.root, { width: 1024, height: 700 });
  try {
    const { page, pageErrors } = browser;
    // ?demo: a fresh profile's store is empty; the demo data set gives the matching its households.
    await page.goto(`${browser.url}?demo`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.nuanxin && window.nuanxin.summary().households > 0,
      null, { timeout: args.timeout * 1000, polling: 250 });

    const before = await page.evaluate(() => window.nuanxinPlugins.match());
    console.log(`browser.plugin_upload: before ${JSON.stringify(before)}`);
    if (!(before.allocations > 0)) failures.push(`no allocations before the upload: ${JSON.stringify(before)}`);
    if (before.reasons.fx_chengdu || before.governed.fx_chengdu) failures.push('the plugin acted before its upload');
    if (!(before.governed.sichuan > 0)) failures.push('Sichuan (built in) governs no allocation');

    // The bytes come from the test, as an upload would: never preloaded, never fetched by URL.
    const loaded = await page.evaluate((bytes) =>
      window.nuanxinPlugins.upload('nuanxin_fx_browser.so', new Uint8Array(bytes)), pluginBytes);
    console.log(`browser.plugin_upload: upload ${JSON.stringify(loaded)}`);
    if (!loaded.ok || loaded.id !== 'fx_chengdu') failures.push(`upload refused: ${JSON.stringify(loaded)}`);

    const listed = (await page.evaluate(() => window.nuanxinPlugins.list())).find((p) => p.id === 'fx_chengdu');
    if (!listed || listed.abi !== '1.0' || listed.regions.join() !== '5101' || listed.builtin
        || !/^[0-9a-f]{64}$/.test(listed.sha256)) {
      failures.push(`listed as ${JSON.stringify(listed)}`);
    }
    const after = await page.evaluate(() => window.nuanxinPlugins.match());
    console.log(`browser.plugin_upload: after ${JSON.stringify(after)}`);
    if (!(after.governed.fx_chengdu > 0)) failures.push('the uploaded plugin governs no allocation');
    if (after.reasons.fx_chengdu !== after.governed.fx_chengdu) {
      failures.push(`its reason is on ${after.reasons.fx_chengdu} of ${after.governed.fx_chengdu} allocations`);
    }

    const bad = await page.evaluate(() =>
      window.nuanxinPlugins.upload('notes.so', new TextEncoder().encode('not a plugin at all')));
    console.log(`browser.plugin_upload: bad file ${JSON.stringify(bad)}`);
    if (bad.ok || !/notes\.\d+\.so: 已拒绝加载插件: 不是共享库或 wasm 模块/.test(bad.refusal)) {
      failures.push(`bad file: ${JSON.stringify(bad)}`);
    }
    const still = await page.evaluate(() => window.nuanxin.summary());
    if (!(still.households > 0)) failures.push('the app stopped after the refusal');
    // No page error at all, including the pointer-lock errors Emscripten's GLFW raised every
    // frame while ImGui was allowed to change the cursor (the shell now forbids that).
    if (pageErrors.length) failures.push(`page errors: ${pageErrors.join(' | ')}`);
  } finally {
    await browser.close();
    site.remove();
  }
}

await runBrowserTest('browser.plugin_upload', run, { required: ['site', 'plugin'], timeout: 120 });
