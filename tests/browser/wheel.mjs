#!/usr/bin/env node
// browser.wheel: the mouse wheel scrolls the households table the way it is turned, by notches,
// on a fresh profile with ?demo (households sorted by id, so the first row in view tells how far
// the table has scrolled; ui/widgets/data_table.h names the rows in view by id):
//   1. turned up at the top: nothing moves;
//   2. one notch down (100 px, as a mouse wheel sends): a few rows further (ImGui scrolls five
//      lines a notch), not hundreds, not up;
//   3. a second notch: as far again; 4. two notches up: back at the first row.
// usage: node wheel.mjs --site DIR [--serve serve.mjs] [--timeout S]
import { openPage, runBrowserTest } from './harness.mjs';
import { click, firstRowInView, locate, until } from './ui.mjs';

const topRow = (page) => firstRowInView(page, 'households.row');

async function run(args, failures) {
  const browser = await openPage(args.serve, args.site, { width: 1280, height: 800 });
  try {
    const { page, pageErrors } = browser;
    const check = (ok, what) => { if (!ok) failures.push(what); };
    await page.goto(`${browser.url}?demo`, { waitUntil: 'load' });
    await until(page, 'the demo did not load', (s) => s.frames > 2 && s.households > 100, null, args.timeout * 1000);
    await click(page, 'nav.households');
    const table = await locate(page, 'households.table');
    await page.mouse.move(table.x + table.w / 2, table.y + table.h / 2);
    const first = await topRow(page);
    check(first === 1, `the table opened at household ${first}, not 1`);

    await page.mouse.wheel(0, -100);
    const stillTop = await topRow(page);
    check(stillTop === first, `turned up at the top, the table moved to household ${stillTop}`);

    await page.mouse.wheel(0, 100);
    const oneNotch = await topRow(page);
    check(oneNotch > first + 1 && oneNotch <= first + 6,
      `one notch down: household ${oneNotch} at the top (expected a few rows past ${first})`);

    await page.mouse.wheel(0, 100);
    const twoNotches = await topRow(page);
    const step = oneNotch - first;
    check(Math.abs(twoNotches - (oneNotch + step)) <= 1,
      `two notches down: household ${twoNotches} at the top (expected about ${oneNotch + step})`);

    await page.mouse.wheel(0, -200);
    const back = await topRow(page);
    check(back === first, `two notches up: household ${back} at the top, not ${first}`);
    console.log(`browser.wheel: top row ${first}, up at the top ${stillTop}, one notch down ${oneNotch}, two ${twoNotches}, back up ${back}`);
    for (const e of pageErrors) failures.push(`page error: ${e}`);
  } finally {
    await browser.close();
  }
}

await runBrowserTest('browser.wheel', run, { required: ['site'], timeout: 120 });
