#!/usr/bin/env node
// browser.encrypted_store: the browser store encrypted with a passphrase, in IndexedDB.
//   - a fresh profile; a synthetic households CSV (made here: made-up names, phones and
//     addresses, ID numbers with check characters computed here) dropped on the page and
//     imported into the store; a dump of every IndexedDB database then holds those ID numbers
//     (the control: the scan below can fail);
//   - "encrypt store" in the menu, the passphrase typed twice, the store sealed in place: a dump
//     of IndexedDB now holds none of the names, ID numbers, phones or addresses (UTF-8);
//   - a reload: the page asks for the passphrase; a wrong one is refused as such and nothing is
//     shown; the right one opens the store with the same counts; IndexedDB still holds nothing
//     in clear.
// usage: node encrypted_store.mjs --site DIR --divisions areas.csv [--serve serve.mjs] [--timeout S]
import { counties, householdsCsv } from './fixtures.mjs';
import { openPage, runBrowserTest } from './harness.mjs';
import { click, counts, dropHouseholds, frames, locate, until } from './ui.mjs';

const PASSPHRASE = 'winter-sun-2026';

/** Every byte of every IndexedDB database of the page (keys and values), as one Buffer. */
async function dumpIndexedDb(page) {
  const base64 = await page.evaluate(async () => {
    const chunks = [];
    const utf8 = new TextEncoder();
    const walk = (v) => {
      if (v == null) return;
      if (v instanceof ArrayBuffer) chunks.push(new Uint8Array(v));
      else if (ArrayBuffer.isView(v)) chunks.push(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
      else if (typeof v === 'string') chunks.push(utf8.encode(v));
      else if (typeof v === 'object') Object.values(v).forEach(walk);
      else chunks.push(utf8.encode(String(v)));
    };
    for (const info of await indexedDB.databases()) {
      const db = await new Promise((ok, fail) => {
        const r = indexedDB.open(info.name);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      for (const name of db.objectStoreNames) {
        const store = db.transaction(name, 'readonly').objectStore(name);
        const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()].map(
          (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); })));
        walk(keys);
        walk(values);
      }
      db.close();
    }
    let binary = '';
    for (const c of chunks) for (let i = 0; i < c.length; i += 1) binary += String.fromCharCode(c[i]);
    return btoa(binary);
  });
  return Buffer.from(base64, 'base64');
}

/** The personal strings of the CSV (header row left out): every field but codes and amounts. */
function personalStrings(csv) {
  const out = new Set();
  for (const line of csv.split('\r\n').slice(1)) {
    const f = line.split(',');
    if (f.length < 7) continue;
    [f[1], f[2], f[5], f[6]].forEach((s) => out.add(s)); // name, ID number, phone, address
  }
  return [...out];
}

/** Clicks a text field and types ASCII into it (the passphrase fields start empty each time). */
async function typeInto(page, id, text) {
  await click(page, id);
  await page.keyboard.type(text, { delay: 15 });
  await frames(page, 3);
}

const found = (dump, strings) => strings.filter((s) => dump.indexOf(Buffer.from(s, 'utf8')) >= 0);

async function saved(page, after) {
  await page.waitForFunction((n) => {
    const s = window.nuanxinStore.status();
    return s.saves > n && !s.pending;
  }, after, { timeout: 30000, polling: 200 });
}

async function run(args, failures) {
  const file = householdsCsv(counties(args.divisions, '51', 5), { count: 12 });
  const secrets = personalStrings(file.csv);
  const ids = secrets.filter((s) => /^\d{17}[\dX]$/.test(s));
  console.log(`browser.encrypted_store: ${file.households} households, ${secrets.length} personal strings`);
  const browser = await openPage(args.serve, args.site, { width: 1280, height: 800 });
  try {
    const { page, pageErrors } = browser;
    const started = (what) => until(page, what, (s) => s.frames > 2, null, args.timeout * 1000);
    await page.goto(browser.url, { waitUntil: 'load' });
    await started('the app did not start');

    await dropHouseholds(page, file.csv, file.households);
    await saved(page, 0);
    const plain = await dumpIndexedDb(page);
    if (found(plain, ids).length !== ids.length) {
      failures.push(`control: the plain store in IndexedDB shows ${found(plain, ids).length} of ${ids.length} ID numbers`);
    }

    // Encrypt: the passphrase twice, then wait for the sealed files to reach IndexedDB.
    const savesBefore = (await page.evaluate(() => window.nuanxinStore.status())).saves;
    await click(page, 'menu.encrypt');
    await typeInto(page, 'encrypt.pass1', PASSPHRASE);
    await typeInto(page, 'encrypt.pass2', PASSPHRASE);
    await click(page, 'encrypt.do');
    await page.waitForFunction(() => window.nuanxin.locate('menu.encrypt') === null
      && window.nuanxin.locate('encrypt.do') === null, null, { timeout: 60000, polling: 200 });
    await saved(page, savesBefore);
    await frames(page, 10);
    await saved(page, savesBefore);
    const sealed = await dumpIndexedDb(page);
    const leaked = found(sealed, secrets);
    if (leaked.length) failures.push(`IndexedDB holds in clear after encryption: ${leaked.slice(0, 5).join(', ')}`);
    const before = await counts(page);

    // A reload asks for the passphrase; a wrong one is refused clearly, the right one opens.
    await page.reload({ waitUntil: 'load' });
    await started('the app did not start again after the reload');
    await locate(page, 'pass.field');
    const locked = await page.evaluate(() => window.nuanxin.summary());
    if (locked.households !== 0) failures.push(`before the passphrase the page shows ${locked.households} households`);
    if (!/口令|passphrase/.test(locked.store_error || '')) failures.push(`store_error before the passphrase: ${locked.store_error}`);
    await typeInto(page, 'pass.field', 'not-the-passphrase');
    await click(page, 'pass.open');
    await locate(page, 'pass.error', 60000);
    const refused = await page.evaluate(() => window.nuanxin.summary());
    if (!/口令错误|wrong passphrase/.test(refused.store_error || '')) failures.push(`a wrong passphrase gave: ${refused.store_error}`);
    if (refused.households !== 0) failures.push('a wrong passphrase opened the store');
    await typeInto(page, 'pass.field', PASSPHRASE);
    const t1 = Date.now();
    await click(page, 'pass.open');
    await until(page, 'the right passphrase did not open the store', (s, n) => s.households === n, file.households);
    // The click's own frames (move, press, release) and the "deriving" frames are included.
    console.log(`browser.encrypted_store: from pressing Open to the data shown: ${Date.now() - t1} ms`);
    const after = await counts(page);
    for (const key of Object.keys(before)) {
      if (after[key] !== before[key]) failures.push(`after the reload ${key} is ${after[key]}, was ${before[key]}`);
    }
    const again = found(await dumpIndexedDb(page), secrets);
    if (again.length) failures.push(`IndexedDB holds in clear after the reload: ${again.slice(0, 5).join(', ')}`);
    if (pageErrors.length) failures.push(`page errors: ${pageErrors.join(' | ')}`);
  } finally {
    await browser.close();
  }
}

await runBrowserTest('browser.encrypted_store', run, { required: ['site', 'divisions'], timeout: 90 });
