// A private copy of a built site for one browser test, so that a test can change what is deployed
// (the plugins/ folder) without touching the build tree or another test's view of it.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Copies `site` into a fresh temporary folder; withPlugins false leaves out its plugins/ folder
 *  (a site with nothing deployed). Returns {root, remove()}. */
export function copySite(site, { withPlugins }) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'nuanxin-site-'));
  const pluginsDir = path.join(path.resolve(site), 'plugins');
  cpSync(site, root, {
    recursive: true,
    filter: (from) => withPlugins || (from !== pluginsDir && !from.startsWith(pluginsDir + path.sep)),
  });
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
