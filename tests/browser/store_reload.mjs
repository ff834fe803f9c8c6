#!/usr/bin/env node
// browser.store_reload: the browser store survives a page reload, fed by drag-and-drop.
//   - a fresh Chromium profile (empty IndexedDB): the store is empty and the first visit offers
//     the demo and the import (first.demo, first.import);
//   - a synthetic households CSV, made here (real county codes read from the divisions file,
//     ID numbers with check characters computed here from GB 11643), is dropped on the page as a
//     user drags a file onto it; the import screen shows it and files.import commits it through
//     the program's CSV import into the store;
//   - window.nuanxin.summary() then reports the counts this script computed from its own CSV,
//     and, after the store was saved to IndexedDB and the page reloaded, the same counts again.
// usage: node store_reload.mjs --site DIR --divisions areas.csv [--serve serve.mjs] [--timeout S]
import { counties, householdsCsv } from './fixtures.mjs';
import { openPage, runBrowserTest } from './harness.mjs';
import { counts, drawn, dropHouseholds, locate, until } from './ui.mjs';


async function run(args, failures) {
  const file = householdsCsv(counties(args.divisions, '51', 5), { count: 24 });
  const expected = { households: file.households, needs: file.needs, offers: 0, allocations: 0 };
  console.log(`browser.store_reload: CSV with ${file.members} people, expecting ${JSON.stringify(expected)}`);
  const browser = await openPage(args.serve, args.site, { width: 1280, height: 800 });
  try {
    const { page, pageErrors } = browser;
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`); });
    const started = (what) => until(page, what, (s) => s.frames > 2 && !s.error, null, args.timeout * 1000);
    const compare = (when, got) => {
      for (const key of Object.keys(expected)) {
        if (got[key] !== expected[key]) failures.push(`${when}: summary().${key} is ${got[key]}, the CSV holds ${expected[key]}`);
      }
    };

    await page.goto(browser.url, { waitUntil: 'load' });
    await started('the app did not start');
    const status = await page.evaluate(() => window.nuanxinStore.status());
    if (!status.persistent) failures.push(`IndexedDB not loaded: ${status.loadError}`);
    const fresh = await counts(page);
    if (fresh.households !== 0) failures.push(`a fresh profile's store holds ${fresh.households} households`);
    await locate(page, 'first.demo');
    await locate(page, 'first.import');

    // Drop the file on the canvas, as a user dragging it from the desktop.
    await dropHouseholds(page, file.csv, expected.households);
    await page.waitForFunction(() => {
      const s = window.nuanxinStore.status();
      return s.saves >= 1 && !s.pending;
    }, null, { timeout: 30000, polling: 200 });
    const saved = await page.evaluate(() => window.nuanxinStore.status());
    if (saved.saveError) failures.push(`saving failed: ${saved.saveError}`);
    const imported = await counts(page);
    console.log(`browser.store_reload: after import ${JSON.stringify(imported)}`);
    compare('after import', imported);

    await page.reload({ waitUntil: 'load' });
    await started('the app did not start again after the reload');
    const reloaded = await counts(page);
    console.log(`browser.store_reload: after reload ${JSON.stringify(reloaded)}`);
    compare('after reload', reloaded);
    if (await drawn(page, 'first.demo')) failures.push('after the reload the first visit is offered again');
    if (pageErrors.length) failures.push(`page errors: ${pageErrors.join(' | ')}`);
  } finally {
    await browser.close();
  }
}

await runBrowserTest('browser.store_reload', run, { required: ['site', 'divisions'], timeout: 90 });
