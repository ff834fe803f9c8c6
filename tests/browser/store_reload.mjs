#!/usr/bin/env node
// browser.store_reload: the browser store survives a page reload.
//   - a fresh Chromium profile (empty IndexedDB): the page shows the demo data set;
//   - a synthetic households CSV, made here (real county codes read from the divisions file,
//     ID numbers with check characters computed here from GB 11643), is set on the page's real
//     <input type="file">; the import goes through the program's CSV import into the store;
//   - window.nuanxin.summary() then reports the counts this script computed from its own CSV,
//     and, after the store was saved to IndexedDB and the page reloaded, the same counts again.
// usage: node store_reload.mjs --site DIR --divisions areas.csv [--serve serve.mjs] [--timeout S]
import { readFileSync } from 'node:fs';

import { openPage, runBrowserTest } from './harness.mjs';


/** County codes of Sichuan (51) from the divisions file: "code,name,cityCode,provinceCode". */
function sichuanCounties(file) {
  const codes = readFileSync(file, 'utf8').split('\n').slice(1)
    .map((line) => line.split(','))
    .filter((f) => f.length >= 4 && f[3].trim() === '51' && /^\d{6}$/.test(f[0]))
    .map((f) => f[0]);
  if (codes.length < 5) throw new Error(`${file}: fewer than 5 Sichuan counties`);
  return codes.slice(0, 5);
}

/** GB 11643-1999: weights 2^(17-i) mod 11, check characters 1 0 X 9 8 7 6 5 4 3 2. */
function idNumber(county, birth, sequence) {
  const first17 = `${county}${birth}${String(sequence).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  return first17 + '10X98765432'[sum % 11];
}

/**
 * 24 households over 5 counties; every third has a second member (same 户编号) and every
 * household but each fourth has one coal need. Returns the CSV text and the counts it implies.
 */
function syntheticCsv(counties) {
  const surnames = ['王', '李', '张', '刘', '陈', '杨'];
  const given = ['秀兰', '建国', '桂英', '志强', '玉珍', '德华'];
  const rows = ['户编号,姓名,身份证号,所属区划,类别,电话,住址,需求,数量'];
  let households = 0;
  let needs = 0;
  let members = 0;
  for (let h = 0; h < 24; h += 1) {
    households += 1;
    const county = counties[h % counties.length];
    const key = `H${String(h + 1).padStart(3, '0')}`;
    const people = h % 3 === 0 ? 2 : 1;
    for (let p = 0; p < people; p += 1) {
      members += 1;
      const year = 1940 + ((h * 7 + p * 13) % 50);
      const birth = `${year}${String(1 + (h % 12)).padStart(2, '0')}${String(1 + ((h + p) % 28)).padStart(2, '0')}`;
      const name = surnames[(h + p) % surnames.length] + given[Math.floor(h / surnames.length + p) % given.length];
      const withNeed = p === 0 && h % 4 !== 3;
      if (withNeed) needs += 1;
      rows.push([key, name, idNumber(county, birth, 100 + h * 2 + p), county, '低保对象',
        `1390000${String(1000 + h)}`, `测试街道${h + 1}号`, withNeed ? '煤炭' : '', withNeed ? '300' : ''].join(','));
    }
  }
  return { csv: rows.join('\r\n') + '\r\n', expected: { households, needs, offers: 0, allocations: 0 }, members };
}

const started = () => window.nuanxin && window.nuanxinStore && window.nuanxin.summary().frames > 0
  && window.nuanxinStore.status().store !== null;

async function run(args, failures) {
  const { csv, expected, members } = syntheticCsv(sichuanCounties(args.divisions));
  console.log(`browser.store_reload: CSV with ${members} people, expecting ${JSON.stringify(expected)}`);
  const browser = await openPage(args.serve, args.site, { width: 1280, height: 800 });
  try {
    const { page, pageErrors } = browser;
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`); });
    const wait = (fn, what, arg) => page.waitForFunction(fn, arg, { timeout: args.timeout * 1000, polling: 250 })
      .catch(async () => {
        const last = await page.evaluate(() => ({
          summary: window.nuanxin && window.nuanxin.summary(),
          store: window.nuanxinStore && window.nuanxinStore.status(),
        })).catch(() => null);
        throw new Error(`${what} (last state: ${JSON.stringify(last)}; page errors: ${pageErrors.join(' | ') || 'none'})`);
      });
    const counts = async () => page.evaluate(() => {
      const s = window.nuanxin.summary();
      return { households: s.households, needs: s.needs, offers: s.offers, allocations: s.allocations };
    });
    const compare = (when, got) => {
      for (const key of Object.keys(expected)) {
        if (got[key] !== expected[key]) failures.push(`${when}: summary().${key} is ${got[key]}, the CSV holds ${expected[key]}`);
      }
    };

    await page.goto(browser.url, { waitUntil: 'load' });
    await wait(started, 'the app did not start');
    const before = await page.evaluate(() => window.nuanxinStore.status());
    if (!before.persistent) failures.push(`IndexedDB not loaded: ${before.loadError}`);
    if (before.store.showing !== 'demo' || before.store.households !== 0) {
      failures.push(`a fresh profile should show the demo over an empty store: ${JSON.stringify(before.store)}`);
    }
    const label = await page.locator('label[for="nx-import-households"]').textContent();
    if (!label || !label.trim()) failures.push('the import button has no text');

    // The real file input, as a user's file choice would fill it.
    await page.setInputFiles('#nx-import-households',
      { name: 'households.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await wait(() => {
      const s = window.nuanxinStore.status();
      return s.imports >= 1 && !s.importing && !s.pending && s.saves >= 1;
    }, 'the import did not finish and reach IndexedDB');
    const after = await page.evaluate(() => window.nuanxinStore.status());
    const report = after.lastImport;
    console.log(`browser.store_reload: import ${JSON.stringify({ ...report, rejects: report.rejects?.length })}`);
    if (!report.ok || report.rejected !== 0) failures.push(`import refused rows: ${JSON.stringify(report.rejects ?? report.error)}`);
    if (report.added !== expected.households) failures.push(`import added ${report.added} households, expected ${expected.households}`);
    if (after.store.showing !== 'store') failures.push(`after the import the page shows ${after.store.showing}`);
    if (after.saveError) failures.push(`saving failed: ${after.saveError}`);
    const imported = await counts();
    console.log(`browser.store_reload: after import ${JSON.stringify(imported)}`);
    compare('after import', imported);

    await page.reload({ waitUntil: 'load' });
    await wait(started, 'the app did not start again after the reload');
    const reloaded = await counts();
    const status = await page.evaluate(() => window.nuanxinStore.status());
    console.log(`browser.store_reload: after reload ${JSON.stringify(reloaded)}, store ${JSON.stringify(status.store)}`);
    compare('after reload', reloaded);
    if (status.store.showing !== 'store') failures.push(`after the reload the page shows ${status.store.showing}`);
    if (pageErrors.length) failures.push(`page errors: ${pageErrors.join(' | ')}`);
  } finally {
    await browser.close();
  }
}

await runBrowserTest('browser.store_reload', run, { required: ['site', 'divisions'], timeout: 90 });
