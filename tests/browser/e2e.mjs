#!/usr/bin/env node
// browser.e2e: the whole job in headless Chromium, through the app's own screens, with real mouse
// events at the places window.nuanxin.locate() reports (ui/locator.h ids), on a fresh profile:
//   1. the first visit offers "load demo data" (first.demo) and "import" (first.import);
//   2. households, donors and offers CSV files, written here (synthetic, real county codes, ID
//      check characters computed here), go in through the import screen: files.pick opens the
//      browser's file picker (answered through playwright's filechooser), the file's kind is chosen
//      (files.target.*) and files.import commits it; summary() must report the counts this test
//      put into its files;
//   3. matching: match.run, until the run is over with proposals; match.select_all, match.approve:
//      refused whole for a user without an approver tier; a user given tier 1 on the roles form
//      approves every proposal;
//   4. the store exported as JSON (files.export.json) arrives as a browser download holding the
//      households; a screenshot of each screen (nav.*) into --out;
//   5. once the store reached IndexedDB, a reload: the same counts;
//   6. from proposal to doorstep (e2e_lifecycle.mjs): approval at two tiers by users with roles,
//      a volunteer registered, assigned, delivering on the volunteer screen, staff confirming,
//      and the dashboard's delivered figure and coverage gap as the CSV files imply; the reports.
// usage: node e2e.mjs --site DIR --divisions areas.csv --out DIR [--serve serve.mjs] [--timeout S]
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { lifecycle } from './e2e_lifecycle.mjs';
import { counties, donorsCsv, householdsCsv, offersCsv } from './fixtures.mjs';
import { openPage, runBrowserTest } from './harness.mjs';
import { chooseFile, click, COUNTS, counts, drawn, frames, giveRole, locate, switchUser, until } from './ui.mjs';

const SCREENS = ['dashboard', 'households', 'offers', 'matching', 'files', 'plugins', 'audit'];
const COAL_KG = 300; // each household's coal need in the households file

async function run(args, failures) {
  mkdirSync(args.out, { recursive: true });
  rmSync(path.join(args.out, 'e2e-failure.png'), { force: true }); // an earlier run's
  const codes = counties(args.divisions, '51', 5);
  const households = householdsCsv(codes, { count: 24, coalKg: COAL_KG });
  const donors = donorsCsv(codes[0]);
  const offers = offersCsv(donors.names[0], '510000', { count: 2, kg: 1500 });
  console.log(`browser.e2e: files with ${households.households} households (${households.members} people, `
    + `${households.needs} needs), ${donors.donors} donor, ${offers.offers} offers`);

  const browser = await openPage(args.serve, args.site, { width: 1280, height: 800 });
  try {
    const { page, pageErrors } = browser;
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`); });
    const shot = async (name) => {
      const file = path.join(args.out, `e2e-${name}.png`);
      writeFileSync(file, await page.screenshot());
      return file;
    };
    const started = (what) => until(page, what, (s) => s.frames > 2 && !s.error, null, args.timeout * 1000);

    // 1. First visit.
    await page.goto(browser.url, { waitUntil: 'load' });
    await started('the app did not start');
    const fresh = await counts(page);
    if (fresh.households !== 0) failures.push(`a fresh profile has ${fresh.households} households`);
    await locate(page, 'first.demo');
    await locate(page, 'first.import');
    await shot('first-visit');

    // 2. Imports through the import screen.
    await click(page, 'first.import');
    const importFile = async (name, file, target, key, expected) => {
      await chooseFile(page, 'files.pick', { name, mimeType: 'text/csv', buffer: Buffer.from(file.csv, 'utf8') });
      if (await drawn(page, `files.target.${target}`)) await click(page, `files.target.${target}`);
      await click(page, 'files.import');
      await until(page, `${name}: summary().${key} never reached ${expected}`,
        (s, a) => s[a.key] === a.expected, { key, expected });
    };
    await importFile('households.csv', households, 'households', 'households', households.households);
    await importFile('donors.csv', donors, 'donors', 'donors', donors.donors);
    await importFile('offers.csv', offers, 'offers', 'offers', offers.offers);
    const imported = await counts(page);
    console.log(`browser.e2e: after the imports ${JSON.stringify(imported)}`);
    if (imported.needs !== households.needs) failures.push(`needs: ${imported.needs}, the CSV holds ${households.needs}`);

    // 3. Matching and approval.
    await click(page, 'nav.matching');
    await click(page, 'match.run');
    await until(page, 'the matching never ended with proposals', (s) => !s.matching && s.proposed > 0,
      null, args.timeout * 1000);
    const matched = await counts(page);
    console.log(`browser.e2e: after matching ${JSON.stringify(matched)}`);
    // Approving takes an approver tier: the page's user ("staff") has no role, so the whole
    // selection is refused and nothing changes; chen gets tier 1 (these offers have no unit
    // value, so the plugin asks for tier 1) and approves them all; then staff again.
    await click(page, 'match.select_all');
    await click(page, 'match.approve');
    await frames(page, 10);
    const refused = await counts(page);
    if (refused.approved !== 0 || refused.proposed !== matched.proposed) {
      failures.push(`approved ${refused.approved} of ${matched.proposed} without an approver tier`);
    }
    await giveRole(page, 'chen', 1);
    await switchUser(page, 'chen');
    await click(page, 'nav.matching');
    await click(page, 'match.select_all');
    await click(page, 'match.approve');
    await until(page, `approving did not approve the ${matched.proposed} proposals`,
      (s, n) => s.approved === n && s.proposed === 0, matched.proposed);
    await switchUser(page, 'staff');

    // A download through the browser: the whole store as JSON (files.export.json).
    await click(page, 'nav.files');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30000 }),
      click(page, 'files.export.json'),
    ]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    const exportedHouseholds = exported.dataset?.households?.length;
    console.log(`browser.e2e: downloaded ${download.suggestedFilename()} with ${exportedHouseholds} households`);
    if (!/\.json$/.test(download.suggestedFilename()) || exportedHouseholds !== households.households) {
      failures.push(`the JSON export ${download.suggestedFilename()} holds ${exportedHouseholds} households`);
    }

    // 4. A screenshot of each screen.
    for (const screen of SCREENS) {
      await click(page, `nav.${screen}`);
      await frames(page, 6);
      console.log(`browser.e2e: screenshot ${await shot(screen)}`);
    }

    // 5. Reload once IndexedDB holds the last commit.
    const before = await counts(page);
    await page.waitForFunction(() => {
      const s = window.nuanxinStore.status();
      return s.saves >= 1 && !s.pending;
    }, null, { timeout: 30000, polling: 200 });
    await page.reload({ waitUntil: 'load' });
    await started('the app did not start again after the reload');
    const after = await counts(page);
    console.log(`browser.e2e: before the reload ${JSON.stringify(before)}, after ${JSON.stringify(after)}`);
    for (const key of COUNTS) {
      if (after[key] !== before[key]) failures.push(`after the reload ${key} is ${after[key]}, was ${before[key]}`);
    }
    if (after.approved !== matched.proposed) failures.push(`approved ${after.approved}, proposals ${matched.proposed}`);

    // 6. The life of an allocation after its approval.
    await lifecycle(page, {
      failures, shot, importFile, households, offers, coalKg: COAL_KG, donor: donors.names[0], county: codes[0],
      timeout: args.timeout,
    });
    if (pageErrors.length) failures.push(`page errors: ${pageErrors.join(' | ')}`);
  } catch (e) {
    // What the page showed when it went wrong, beside the screenshots of the screens.
    const file = path.join(args.out, 'e2e-failure.png');
    await browser.page.screenshot().then((png) => writeFileSync(file, png), () => {});
    throw new Error(`${e.message} (screenshot ${file})`);
  } finally {
    await browser.close();
  }
}

await runBrowserTest('browser.e2e', run, { required: ['site', 'divisions', 'out'], timeout: 120 });
