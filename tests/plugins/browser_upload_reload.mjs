#!/usr/bin/env node
// browser.plugin_upload_reload: a plugin an administrator uploads in the browser outlasts a page
// reload, is refused once its kept bytes changed, and is gone once removed. In headless Chromium
// on a fresh profile (empty IndexedDB), with a site that deploys no plugins:
//   1. the test side module is uploaded, used for a matching and kept: the kept folder lists it
//      with the SHA-256 this test computes, in an approvals file of sha256sum's format; a second
//      file with the same id is refused as a duplicate and not kept;
//   2. after a reload it is loaded again without an upload: listed from its kept file, used for a
//      matching, no refusal;
//   3. its kept bytes are changed (one byte appended, written through the page's file system and
//      saved to IndexedDB), and an approved text file is put beside it; after a reload the first
//      is refused as changed since its approval, the refusal naming the file and both hashes, the
//      second as not a module, and the app runs on without them;
//   4. both are removed by file name; built-in and unknown names are refused; an upload with a
//      built-in's id replaces the built-in and, removed by id, gives it back at once;
//   5. after a last reload nothing is kept, loaded or refused.
// Texts are those of the translation table (--strings plugin.inc), hashes from node:crypto.
// usage: node browser_upload_reload.mjs --site DIR --plugin FILE.so --sichuan FILE.so
//        --strings plugin.inc [--serve serve.mjs] [--timeout S]
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { openPage, runBrowserTest } from '../browser/harness.mjs';
import { copySite } from './site_copy.mjs';

const FILE = 'nuanxin_fx_browser.so';
const ID = 'fx_chengdu'; // the id tests/plugins/fixtures/browser_plugin.c declares
const KEPT_DIR = '/nuanxin-store/plugins'; // plugins/README.md: inside the IndexedDB mount
const KEPT = `${KEPT_DIR}/${FILE}`;

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Chinese texts of a strings file: NX_STR(Key, "zh", "en") → {Key: zh}. */
function chineseTexts(file) {
  const texts = {};
  for (const m of readFileSync(file, 'utf8').matchAll(/NX_STR\((\w+),\s*"((?:[^"\\]|\\.)*)",/g)) {
    texts[m[1]] = m[2];
  }
  return texts;
}

async function run(args, failures) {
  const zh = chineseTexts(args.strings);
  const bytes = readFileSync(args.plugin);
  const hash = sha256(bytes);
  const tampered = Buffer.concat([bytes, Buffer.from('x')]); // still starts as a wasm module
  const sichuanBytes = readFileSync(args.sichuan);
  // Without deployed plugins: the README's example governs Chengdu too and, loaded first, would
  // keep it from the upload.
  const site = copySite(args.site, { withPlugins: false });
  const browser = await openPage(args.serve, site.root, { width: 1024, height: 700 });
  try {
    const { page, pageErrors } = browser;
    const check = (ok, what) => { if (!ok) failures.push(what); };
    const start = async (when) => {
      await page.waitForFunction(() => window.nuanxin && window.nuanxin.summary().households > 0,
        null, { timeout: args.timeout * 1000, polling: 250 });
      const restored = await page.evaluate(() => window.nuanxinPlugins.restored);
      const state = await page.evaluate(() => ({
        list: window.nuanxinPlugins.list(), kept: window.nuanxinPlugins.kept(),
        refusals: window.nuanxinPlugins.refusals(), match: window.nuanxinPlugins.match(),
      }));
      console.log(`browser.plugin_upload_reload: ${when}: restored ${JSON.stringify(restored)}, `
        + `kept ${JSON.stringify(state.kept.files)}, match ${JSON.stringify(state.match)}`);
      check(state.match.allocations > 0, `${when}: no allocations: ${JSON.stringify(state.match)}`);
      return { restored, ...state };
    };
    const upload = (name, data) => page.evaluate(([n, b]) =>
      window.nuanxinPlugins.upload(n, new Uint8Array(b)), [name, [...data]]);
    const remove = (what) => page.evaluate((w) => window.nuanxinPlugins.remove(w), what);
    const uses = (m) => m.governed[ID] > 0 && m.reasons[ID] === m.governed[ID];

    // 1. Upload on a fresh profile.
    // ?demo: a fresh profile's store is empty; the demo data set gives the matching its households.
    await page.goto(`${browser.url}?demo`, { waitUntil: 'load' });
    let s = await start('fresh');
    check(s.restored.length === 0 && s.kept.files.length === 0, 'a fresh profile keeps no upload');
    check(!s.match.governed[ID], 'the plugin acted before its upload');
    const up = await upload(FILE, bytes);
    console.log(`browser.plugin_upload_reload: upload ${JSON.stringify(up)}`);
    check(up.ok && up.id === ID && up.kept === true && up.file === KEPT, `upload: ${JSON.stringify(up)}`);
    check(uses(await page.evaluate(() => window.nuanxinPlugins.match())), 'the upload is not used for a matching');
    const dupe = await upload('again.so', bytes);
    check(!dupe.ok && /again\.\d+\.so: 已拒绝加载插件: /.test(dupe.refusal) && dupe.refusal.includes(zh.PluginDuplicateId),
      `a second file with the id: ${JSON.stringify(dupe)}`);
    const kept = await page.evaluate(() => window.nuanxinPlugins.kept());
    check(JSON.stringify(kept.files) === JSON.stringify([{ file: FILE, path: KEPT, sha256: hash, id: ID }]),
      `kept after the upload: ${JSON.stringify(kept)}`);
    const approvals = await page.evaluate((p) => new TextDecoder().decode(Module.FS.readFile(p)), kept.approvals);
    check(kept.approvals === `${KEPT_DIR}/approvals.sha256` && approvals === `${hash}  ${FILE}\n`,
      `approvals ${kept.approvals}: ${JSON.stringify(approvals)}`);

    // 2. Reload: loaded from IndexedDB, no upload.
    await page.reload({ waitUntil: 'load' });
    s = await start('reloaded');
    check(JSON.stringify(s.restored) === JSON.stringify([{ file: KEPT, ok: true, id: ID }]),
      `restored: ${JSON.stringify(s.restored)}`);
    const listed = s.list.find((p) => p.id === ID);
    check(listed && !listed.builtin && listed.origin === KEPT && listed.sha256 === hash && listed.regions.join() === '5101',
      `listed as ${JSON.stringify(listed)}`);
    check(uses(s.match), 'the kept plugin is not used for a matching after the reload');
    check(s.refusals.length === 0, `refusals: ${JSON.stringify(s.refusals)}`);

    // 3. Change the kept bytes in IndexedDB, add an approved file that is no module, reload.
    const broken = Buffer.from('not a module, though approved\n');
    await page.evaluate(async ([p, b, a, line, brokenPath, brokenBytes]) => {
      Module.FS.writeFile(p, new Uint8Array(b));
      Module.FS.writeFile(brokenPath, new Uint8Array(brokenBytes));
      Module.FS.writeFile(a, new TextDecoder().decode(Module.FS.readFile(a)) + line);
      await new Promise((ok, fail) => Module.FS.syncfs(false, (e) => (e ? fail(e) : ok())));
    }, [KEPT, [...tampered], kept.approvals, `${sha256(broken)}  broken.so\n`, `${KEPT_DIR}/broken.so`, [...broken]]);
    await page.reload({ waitUntil: 'load' });
    s = await start('tampered');
    const want = `${KEPT}: ${zh.PluginRefused}: ${zh.PluginHashChanged} (approved ${hash}, now ${sha256(tampered)})`;
    const refusal = s.refusals.find((r) => r.file === KEPT);
    check(refusal && refusal.reason === 'PluginHashChanged' && refusal.text === want,
      `expected the refusal "${want}", got ${JSON.stringify(s.refusals)}`);
    // Kept files load by name: broken.so first.
    check(s.restored.length === 2 && s.restored[0].file === `${KEPT_DIR}/broken.so` && !s.restored[0].ok
      && s.restored[0].refusal.startsWith(`${KEPT_DIR}/broken.so: ${zh.PluginRefused}: ${zh.PluginNotModule}`)
      && s.restored[1].file === KEPT && !s.restored[1].ok && s.restored[1].refusal === want,
      `restored: ${JSON.stringify(s.restored)}`);
    check(s.refusals.length === 2 && s.refusals[0].reason === 'PluginNotModule', `refusals: ${JSON.stringify(s.refusals)}`);
    check(!s.list.some((p) => p.id === ID) && !s.match.governed[ID], 'the changed file was loaded');
    check(s.match.governed.sichuan > 0, 'Sichuan (built in) governs no allocation');
    check(JSON.stringify(s.kept.files) === JSON.stringify([
      { file: 'broken.so', path: `${KEPT_DIR}/broken.so`, sha256: sha256(broken), id: null },
      { file: FILE, path: KEPT, sha256: hash, id: null }]), `kept after the change: ${JSON.stringify(s.kept.files)}`);

    // 4. Removal.
    const notUploaded = await remove('sichuan');
    check(!notUploaded.ok && notUploaded.error === `sichuan: ${zh.PluginNotUploaded}`, `remove('sichuan'): ${JSON.stringify(notUploaded)}`);
    const unknown = await remove('nothing.so');
    check(!unknown.ok && unknown.error === `nothing.so: ${zh.PluginUnknown}`, `remove('nothing.so'): ${JSON.stringify(unknown)}`);
    const gone = await remove(FILE);
    check(gone.ok && gone.file === KEPT && gone.id === null, `remove(${FILE}): ${JSON.stringify(gone)}`);
    const goneToo = await remove(`${KEPT_DIR}/broken.so`); // a path names it as well
    check(goneToo.ok && goneToo.file === `${KEPT_DIR}/broken.so`, `remove(broken.so): ${JSON.stringify(goneToo)}`);
    const left = await page.evaluate(() => window.nuanxinPlugins.kept());
    const leftApprovals = await page.evaluate((p) => new TextDecoder().decode(Module.FS.readFile(p)), left.approvals);
    check(left.files.length === 0 && leftApprovals === '', `kept after removing both: ${JSON.stringify(left)}, ${JSON.stringify(leftApprovals)}`);
    // An update of a built-in: in force at once, and the built-in back at once when removed.
    const update = await upload('sichuan_update.so', sichuanBytes);
    check(update.ok && update.id === 'sichuan' && update.kept, `sichuan upload: ${JSON.stringify(update)}`);
    const sichuan = () => page.evaluate(() => window.nuanxinPlugins.list().filter((p) => p.id === 'sichuan')
      .map((p) => ({ builtin: p.builtin, shadowed: p.shadowed, sha256: p.sha256 })));
    check(JSON.stringify(await sichuan()) === JSON.stringify([{ builtin: true, shadowed: true, sha256: '' },
      { builtin: false, shadowed: false, sha256: sha256(sichuanBytes) }]), `sichuan updated: ${JSON.stringify(await sichuan())}`);
    const back = await remove('sichuan');
    check(back.ok && back.id === 'sichuan' && back.file === `${KEPT_DIR}/sichuan_update.so`, `remove('sichuan') of the update: ${JSON.stringify(back)}`);
    check(JSON.stringify(await sichuan()) === JSON.stringify([{ builtin: true, shadowed: false, sha256: '' }]),
      `sichuan after the removal: ${JSON.stringify(await sichuan())}`);
    // Removed by id in the page it was uploaded in: out of the matching at once.
    const again = await upload(FILE, bytes);
    check(again.ok && again.file === KEPT, `upload after the removal: ${JSON.stringify(again)}`);
    const byId = await remove(ID);
    check(byId.ok && byId.id === ID && byId.file === KEPT, `remove('${ID}'): ${JSON.stringify(byId)}`);
    const afterRemoval = await page.evaluate(() => window.nuanxinPlugins.match());
    check(!afterRemoval.governed[ID] && afterRemoval.governed.sichuan > 0, `match after the removal: ${JSON.stringify(afterRemoval)}`);

    // 5. Reload: gone.
    await page.reload({ waitUntil: 'load' });
    s = await start('removed');
    check(s.restored.length === 0 && s.kept.files.length === 0, `still kept: ${JSON.stringify(s.kept)}`);
    check(!s.list.some((p) => !p.builtin), `files still loaded: ${JSON.stringify(s.list)}`);
    check(s.refusals.length === 0, `refusals after the removal: ${JSON.stringify(s.refusals)}`);
    check(!s.match.governed[ID] && s.match.governed.sichuan > 0, `match after the removal: ${JSON.stringify(s.match)}`);
    const still = await page.evaluate(() => window.nuanxin.summary());
    check(still.households > 0 && !still.plugins.includes(ID), `summary: ${JSON.stringify(still.plugins)}`);
    if (pageErrors.length) failures.push(`page errors: ${pageErrors.join(' | ')}`);
  } finally {
    await browser.close();
    site.remove();
  }
}

await runBrowserTest('browser.plugin_upload_reload', run,
  { required: ['site', 'plugin', 'sichuan', 'strings'], timeout: 120 });
