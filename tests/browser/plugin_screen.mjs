#!/usr/bin/env node
// browser.plugin_screen: a region plugin added, approved and removed on the plugins screen, with
// real clicks (ui/locator.h ids), on a fresh profile with ?demo:
//   1. plugins.load opens the browser's file picker; the side module chosen there is kept in
//      IndexedDB unapproved: listed with the SHA-256 this test computes, not in force;
//   2. plugins.approve.<file>, then plugins.approve.confirm: the page compiles it asynchronously
//      and it comes into force (summary().plugins), and the kept approvals file holds its hash;
//   3. after a reload it is in force again without any click (loaded from IndexedDB);
//   4. plugins.remove.<file>: out of force at once, and after a reload not kept, not loaded.
// usage: node plugin_screen.mjs --site DIR --plugin FILE.so [--serve serve.mjs] [--timeout S]
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { openPage, runBrowserTest } from './harness.mjs';
import { chooseFile, click, until } from './ui.mjs';

const ID = 'fx_chengdu'; // the id tests/plugins/fixtures/browser_plugin.c declares

async function run(args, failures) {
  const bytes = readFileSync(args.plugin);
  const name = path.basename(args.plugin);
  const hash = createHash('sha256').update(bytes).digest('hex');
  const browser = await openPage(args.serve, args.site, { width: 1280, height: 800 });
  try {
    const { page, pageErrors } = browser;
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`); });
    const check = (ok, what) => { if (!ok) failures.push(what); };
    const started = async (what) => {
      await until(page, what, (s) => s.frames > 2 && s.households > 0, null, args.timeout * 1000);
      await page.evaluate(() => window.nuanxinPlugins.restored);
    };
    const kept = () => page.evaluate(() => window.nuanxinPlugins.kept());
    const inForce = () => page.evaluate(() => window.nuanxin.summary().plugins);

    await page.goto(`${browser.url}?demo`, { waitUntil: 'load' });
    await started('the app did not start');
    await click(page, 'nav.plugins');

    // 1. Added, not approved.
    await chooseFile(page, 'plugins.load', { name, mimeType: 'application/octet-stream', buffer: bytes });
    await click(page, `plugins.approve.${name}`, 20000); // drawn once the file is listed
    let k = await kept();
    console.log(`browser.plugin_screen: kept after the upload ${JSON.stringify(k.files)}`);
    check(k.files.length === 1 && k.files[0].file === name && k.files[0].sha256 === null && k.files[0].id === null,
      `added, unapproved: ${JSON.stringify(k.files)}`);
    check(!(await inForce()).includes(ID), 'in force before its approval');

    // 2. Approved: compiled and loaded a few frames later.
    await click(page, 'plugins.approve.confirm');
    await until(page, `${ID} did not come into force after the approval`, (s, id) => s.plugins.includes(id), ID);
    k = await kept();
    check(k.files.length === 1 && k.files[0].sha256 === hash && k.files[0].id === ID, `approved: ${JSON.stringify(k.files)}`);
    const approvals = await page.evaluate((p) => new TextDecoder().decode(Module.FS.readFile(p)), k.approvals);
    check(approvals === `${hash}  ${name}\n`, `approvals file: ${JSON.stringify(approvals)}`);
    // (Whether it then governs Chengdu is browser.plugin_upload's: here the site's deployed example,
    // registered first, keeps that city.)
    await page.waitForFunction(() => !window.nuanxinStore.status().pending, null, { timeout: 30000, polling: 200 });

    // 3. Reload: in force from IndexedDB.
    await page.reload({ waitUntil: 'load' });
    await started('the app did not start again');
    check((await inForce()).includes(ID), `${ID} not in force after the reload: ${JSON.stringify(await inForce())}`);
    const refusals = await page.evaluate(() => window.nuanxinPlugins.refusals());
    check(refusals.length === 0, `refusals after the reload: ${JSON.stringify(refusals)}`);

    // 4. Removed on the screen.
    await click(page, 'nav.plugins');
    await click(page, `plugins.remove.${name}`, 20000);
    await until(page, `${ID} still in force after its removal`, (s, id) => !s.plugins.includes(id), ID);
    check((await kept()).files.length === 0, `kept after the removal: ${JSON.stringify((await kept()).files)}`);
    await page.waitForFunction(() => !window.nuanxinStore.status().pending, null, { timeout: 30000, polling: 200 });
    await page.reload({ waitUntil: 'load' });
    await started('the app did not start after the removal');
    check(!(await inForce()).includes(ID) && (await kept()).files.length === 0, 'the removed plugin came back after a reload');
    if (pageErrors.length) failures.push(`page errors: ${pageErrors.join(' | ')}`);
  } finally {
    await browser.close();
  }
}

await runBrowserTest('browser.plugin_screen', run, { required: ['site', 'plugin'], timeout: 120 });
