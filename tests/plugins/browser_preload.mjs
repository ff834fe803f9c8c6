#!/usr/bin/env node
// browser.plugin_preload: in headless Chromium, the plugins deployed with the page (the site's
// plugins/ folder, named in plugins/manifest.json, approved in plugins/approvals.sha256) are
// loaded at start-up, and every file that must not load is refused by name and reason while the
// app runs on. Expectations come from the files this test writes and from plugins/README.md:
//   - the build deployed the README's example (manifest entry, sha256sum-style approval whose
//     hash this test computes itself);
//   - the example is in force (summary().plugins), governs Chengdu households in a matching;
//   - an approved file with a built-in's id replaces the built-in (the built-in stays listed,
//     shadowed);
//   - refused: a second file with the example's id (duplicate id), a text file (not a module),
//     an unlisted approval (not approved), a changed file (hash changed), a listed file the
//     server does not have (cannot read), and a manifest entry leaving the folder (bad manifest).
// usage: node browser_preload.mjs --site DIR --plugin FILE.so --sichuan FILE.so --readme README.md
//        [--serve serve.mjs] [--timeout S]
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { openPage, runBrowserTest } from '../browser/harness.mjs';
import { copySite } from './site_copy.mjs';

const EXAMPLE_FILE = 'nuanxin_chengdu_example.so'; // what plugins/CMakeLists.txt names it
const BUILTINS = ['national', 'sichuan', 'hebei', 'shanxi']; // the base and three regions

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** The id the README's example declares: the first string after sizeof(nx_plugin_info), 0. */
function exampleId(readme) {
  const m = readFileSync(readme, 'utf8').match(/sizeof\(nx_plugin_info\),\s*0,\s*"([a-z0-9_-]+)"/);
  if (!m) throw new Error(`no plugin id in the example of ${readme}`);
  return m[1];
}

/** Checks what the build deployed, then adds this test's files to the copy's plugins/ folder. */
function deploy(args, dir, failures) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const example = readFileSync(path.join(dir, EXAMPLE_FILE));
  if (!manifest.plugins.includes(EXAMPLE_FILE)) failures.push(`the build did not list ${EXAMPLE_FILE}: ${JSON.stringify(manifest)}`);
  const approvals = readFileSync(path.join(dir, 'approvals.sha256'), 'utf8');
  if (!approvals.split('\n').includes(`${sha256(example)}  ${EXAMPLE_FILE}`)) {
    failures.push(`the build did not approve ${EXAMPLE_FILE} with its SHA-256: ${approvals}`);
  }
  const fixture = readFileSync(args.plugin);
  const approve = (name, hash) => appendFileSync(path.join(dir, 'approvals.sha256'), `${hash}  ${name}\n`);
  copyFileSync(args.sichuan, path.join(dir, 'nuanxin_sichuan.so'));
  approve('nuanxin_sichuan.so', sha256(readFileSync(args.sichuan)));
  copyFileSync(path.join(dir, EXAMPLE_FILE), path.join(dir, 'chengdu_again.so'));
  approve('chengdu_again.so', sha256(example));
  const text = Buffer.from('not a plugin, whatever its name\n');
  writeFileSync(path.join(dir, 'broken.so'), text);
  approve('broken.so', sha256(text));
  writeFileSync(path.join(dir, 'unapproved.so'), fixture);
  writeFileSync(path.join(dir, 'tampered.so'), Buffer.concat([fixture, Buffer.from('x')]));
  approve('tampered.so', sha256(fixture)); // approved as it was before the extra byte
  manifest.plugins.push('nuanxin_sichuan.so', 'chengdu_again.so', 'broken.so', 'unapproved.so',
    'tampered.so', 'missing.so', '../escape.so');
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return { exampleHash: sha256(example), sichuanHash: sha256(readFileSync(args.sichuan)) };
}

async function run(args, failures) {
  const id = exampleId(args.readme);
  const site = copySite(args.site, { withPlugins: true });
  const hashes = deploy(args, path.join(site.root, 'plugins'), failures);
  const browser = await openPage(args.serve, site.root, { width: 1024, height: 700 });
  try {
    const { page, pageErrors } = browser;
    // ?demo: a fresh profile's store is empty; the demo data set gives the matching its households.
    await page.goto(`${browser.url}?demo`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.nuanxin && window.nuanxin.summary().households > 0,
      null, { timeout: args.timeout * 1000, polling: 250 });
    const results = await page.evaluate(() => window.nuanxinPlugins.preloaded);
    console.log(`browser.plugin_preload: preloaded ${JSON.stringify(results)}`);
    const first = results.find((r) => r.file === EXAMPLE_FILE);
    if (!first || !first.ok || first.id !== id) failures.push(`${EXAMPLE_FILE}: ${JSON.stringify(first)}`);

    const summary = await page.evaluate(() => window.nuanxin.summary());
    const want = [...BUILTINS, id].sort();
    if (JSON.stringify([...summary.plugins].sort()) !== JSON.stringify(want)) {
      failures.push(`summary().plugins is ${JSON.stringify(summary.plugins)}, expected ${JSON.stringify(want)}`);
    }
    const list = await page.evaluate(() => window.nuanxinPlugins.list());
    const example = list.find((p) => p.id === id);
    if (!example || example.builtin || example.sha256 !== hashes.exampleHash || example.regions.join() !== '510100') {
      failures.push(`${id} listed as ${JSON.stringify(example)}`);
    }
    const sichuan = list.filter((p) => p.id === 'sichuan');
    const file = sichuan.find((p) => !p.builtin);
    const builtin = sichuan.find((p) => p.builtin);
    if (sichuan.length !== 2 || !file || file.shadowed || file.sha256 !== hashes.sichuanHash || !builtin || !builtin.shadowed) {
      failures.push(`the approved sichuan file did not replace the built-in: ${JSON.stringify(sichuan)}`);
    }

    const refusals = await page.evaluate(() => window.nuanxinPlugins.refusals());
    console.log(`browser.plugin_preload: refusals ${JSON.stringify(refusals)}`);
    const expected = [
      ['/preloaded/chengdu_again.so', 'PluginDuplicateId'],
      ['/preloaded/broken.so', 'PluginNotModule'],
      ['/preloaded/unapproved.so', 'PluginNotApproved'],
      ['/preloaded/tampered.so', 'PluginHashChanged'],
      ['/preloaded/missing.so', 'PluginCannotRead'],
      ['plugins/manifest.json', 'PluginBadManifestEntry'],
    ];
    for (const [name, reason] of expected) {
      const r = refusals.find((x) => x.file === name);
      // Chinese by default: "<file>: 已拒绝加载插件: <reason>".
      if (!r || r.reason !== reason || !r.text.startsWith(`${name}: 已拒绝加载插件: `)) {
        failures.push(`${name}: expected a ${reason} refusal naming it, got ${JSON.stringify(r)}`);
      }
    }
    if (refusals.length !== expected.length) failures.push(`${refusals.length} refusals, expected ${expected.length}`);
    const escape = refusals.find((x) => x.reason === 'PluginBadManifestEntry');
    if (escape && !escape.text.includes('../escape.so')) failures.push(`the bad entry is not named: ${escape.text}`);

    const matched = await page.evaluate(() => window.nuanxinPlugins.match());
    console.log(`browser.plugin_preload: match ${JSON.stringify(matched)}`);
    if (!(matched.governed[id] > 0)) failures.push(`the preloaded ${id} governs no allocation`);
    const still = await page.evaluate(() => window.nuanxin.summary());
    if (!(still.households > 0)) failures.push('the app stopped after the refusals');
    if (pageErrors.length) failures.push(`page errors: ${pageErrors.join(' | ')}`);
  } finally {
    await browser.close();
    site.remove();
  }
}

await runBrowserTest('browser.plugin_preload', run, { required: ['site', 'plugin', 'sichuan', 'readme'], timeout: 120 });
