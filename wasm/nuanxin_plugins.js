// Region plugins in the page: deployed with the page (preloaded), supplied by an administrator at
// run time (window.nuanxinPlugins.upload, or the plugins screen: add, then approve), and uploads
// kept from an earlier visit. Browsers limit synchronous compiles of modules over 4 KB on the main
// thread, so the bytes go through FS.createPreloadedFile, whose preload plugin compiles a "*.so"
// asynchronously; after onload a plain dlopen (nuanxin_plugin_load*) uses the compiled module
// (TOOLCHAIN.md quirk 7). Loaded after nuanxin_glue.js (which defines Module), before nuanxin.js.
'use strict';

(function () {
  const dir = '/plugins'; // fresh names for every compile: a compiled module stays bound to its path
  let compiles = 0;
  const call = (name, args) => JSON.parse(Module.ccall(name, 'string', args.map(() => 'string'), args));
  const refuse = (file, reason, detail) => call('nuanxin_plugin_refuse', [file, reason, detail]);
  const text = (key) => Module.ccall('nuanxin_plugin_text', 'string', ['string'], [key]);
  const freshPath = (name) => {
    const base = String(name).replace(/^.*\//, '').replace(/[^A-Za-z0-9_.-]/g, '_').replace(/\.so$/, '');
    try { Module.FS.mkdir(dir); } catch (e) { /* exists */ }
    return { base, path: `${dir}/${base}.${++compiles}.so` };
  };

  // Compiles the bytes at `path` (already written there) asynchronously; resolves when done or
  // refused by the compiler (the host then names the refusal). dontCreateFile: the bytes stay in
  // the file, which the host hashes again.
  const compile = (path, bytes) => new Promise((done) => {
    const slash = path.lastIndexOf('/');
    Module.FS.createPreloadedFile(path.slice(0, slash), path.slice(slash + 1), bytes, true, false,
      done, done, true);
  });
  // A file the host already checked (readable, a wasm module, approved with this SHA-256):
  // compiled, then loaded with its approval checked once more.
  const compileAndLoad = async (path, bytes, approvals) => {
    await compile(path, bytes);
    return call('nuanxin_plugin_load_approved', [path, approvals]);
  };

  // Plugins deployed with the page: side modules in the site's plugins/ folder, named in
  // plugins/manifest.json ({"plugins": ["x.so", ...]}, loaded in that order, so the list decides
  // which of two files with one id is the duplicate) and approved in plugins/approvals.sha256
  // (sha256sum's format, as on the desktop). They start after the first frame: the app never
  // waits for them. The host checks each file (readable, a wasm module, approved with this
  // SHA-256) before it is compiled, so no code of a refused file is ever set up; then it is
  // compiled asynchronously and loaded like an upload. A file with a built-in's id replaces that
  // built-in (a region's update without a new release); every refusal names the file.
  const site = 'plugins/';
  const preloadDir = '/preloaded'; // kPreloadedPluginDir in wasm/web_plugins.h
  const approvalsPath = `${preloadDir}/approvals.sha256`;
  const fetchBytes = async (url) => {
    const res = await fetch(url, { cache: 'no-cache' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
  const preloadOne = async (name) => {
    // Plain names ending in .so: the preload plugin compiles only those, and no name may leave
    // the folder.
    if (typeof name !== 'string' || !/^[A-Za-z0-9_-][A-Za-z0-9_.-]*\.so$/.test(name)) {
      return refuse(`${site}manifest.json`, 'PluginBadManifestEntry', JSON.stringify(name));
    }
    const path = `${preloadDir}/${name}`;
    let bytes;
    try { bytes = await fetchBytes(site + encodeURIComponent(name)); } catch (e) {
      return refuse(path, 'PluginCannotRead', `${site}${name}: ${e.message || e}`);
    }
    Module.FS.writeFile(path, bytes);
    const checked = call('nuanxin_plugin_check', [path, approvalsPath]);
    if (!checked.ok) return checked;
    return compileAndLoad(path, bytes, approvalsPath);
  };
  const preload = async () => {
    let manifest;
    try {
      const res = await fetch(`${site}manifest.json`, { cache: 'no-cache' });
      if (res.status === 404) return []; // nothing deployed
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      manifest = await res.json();
    } catch (e) {
      return [refuse(`${site}manifest.json`, 'PluginBadManifest', String(e.message || e))];
    }
    if (!manifest || !Array.isArray(manifest.plugins)) {
      return [refuse(`${site}manifest.json`, 'PluginBadManifest', '')];
    }
    try { Module.FS.mkdir(preloadDir); } catch (e) { /* exists */ }
    // Without an approvals file every listed file is refused as not approved, by name.
    let approvals = new Uint8Array(0);
    try { approvals = await fetchBytes(`${site}approvals.sha256`); } catch (e) { /* none */ }
    Module.FS.writeFile(approvalsPath, approvals);
    const results = [];
    for (const name of manifest.plugins) results.push({ file: name, ...(await preloadOne(name)) });
    return results;
  };

  // Uploads kept from earlier visits (wasm/web_plugins_kept.cpp: the files and their approvals
  // in IndexedDB, loaded into the file system before main()). After the deployed plugins, by file
  // name, with the same checks before compiling: a file whose bytes changed since its approval is
  // refused as changed, and one never approved as not approved, by name. Whatever a kept file
  // holds, it is refused, never fatal.
  const restoreOne = async (file, approvals) => {
    try {
      const checked = call('nuanxin_plugin_check', [file.path, approvals]);
      if (!checked.ok) return checked;
      return await compileAndLoad(file.path, Module.FS.readFile(file.path), approvals);
    } catch (e) {
      return refuse(file.path, 'PluginLoadFailed', String(e.message || e));
    }
  };
  const restore = async () => {
    const kept = call('nuanxin_plugins_kept_json', []);
    const results = [];
    for (const file of kept.files) results.push({ file: file.path, ...(await restoreOne(file, kept.approvals)) });
    return results;
  };

  let startPreload;
  const preloaded = new Promise((resolve) => {
    startPreload = () => preload().then(resolve, (e) => { console.error('nuanxin: plugin preload:', e); resolve([]); });
  });
  const restored = preloaded.then(restore)
    .then(null, (e) => { console.error('nuanxin: kept plugin uploads:', e); return []; });
  const firstFrame = Module.onFirstFrame;
  Module.onFirstFrame = () => {
    if (firstFrame) firstFrame();
    startPreload();
  };

  // The plugins screen approved a kept file (WebPlugins::approve): a copy under a fresh name is
  // compiled, then loaded against the kept approval (nuanxin_plugin_load_kept). One at a time,
  // after the deployed and kept plugins, which hold their ids.
  let approving = restored;
  Module.nuanxinPluginLoader = {
    loadKept(keptPath) {
      approving = approving.then(async () => {
        const bytes = Module.FS.readFile(keptPath);
        const { path } = freshPath(keptPath);
        Module.FS.writeFile(path, bytes);
        await compile(path, bytes);
        const loaded = call('nuanxin_plugin_load_kept', [path, keptPath]);
        if (!loaded.ok) console.warn(`nuanxin: ${loaded.refusal}`);
        return loaded;
      }).then(null, (e) => { console.error('nuanxin: approving a plugin:', e); });
    },
  };

  // Resolves with null once the IndexedDB mount was saved after this call, or with the error.
  const persist = () => new Promise((done) => {
    if (!Module.nuanxinStore) { done('no store'); return; }
    Module.nuanxinStore.persist(done);
  });
  // Compiles and loads an upload from `path`, a fresh name per upload.
  const loadUpload = (path, data) => new Promise((resolve, reject) => {
    const slash = path.lastIndexOf('/');
    // Emscripten 3.1.6's wasm preload plugin leaves the file empty (it keeps only the compiled
    // module); the host hashes and checks the file, so it gets the bytes back. A file that is not
    // a wasm module (or does not compile) goes the same way: the loader names the refusal.
    const loaded = () => {
      try {
        Module.FS.writeFile(path, data);
        resolve(call('nuanxin_plugin_load', [path]));
      } catch (e) { reject(e); }
    };
    Module.FS.createPreloadedFile(path.slice(0, slash), path.slice(slash + 1), data, true, true, loaded, loaded);
  });

  const api = Object.freeze({
    /**
     * Loads plugin bytes (ArrayBuffer or typed array); the upload is the administrator's approval.
     * An accepted upload is kept in IndexedDB with its SHA-256 and loaded again at the next
     * start. Resolves with {ok, id, kept, file} (kept false: a warning says why it lasts only
     * for this page) or {ok:false, refusal}.
     */
    async upload(fileName, bytes) {
      // The deployed and kept plugins first: they hold their ids (plugins/README.md).
      await restored;
      const { base, path } = freshPath(fileName);
      const loaded = await loadUpload(path, new Uint8Array(bytes));
      if (!loaded.ok) return loaded;
      const kept = call('nuanxin_plugin_keep', [path, `${base}.so`]);
      if (!kept.ok) return { ...loaded, kept: false, file: kept.file, warning: kept.warning };
      const error = await persist();
      if (error) return { ...loaded, kept: false, file: kept.file, warning: `${text('PluginNotKept')} (${error})` };
      return { ...loaded, kept: true, file: kept.file };
    },
    /**
     * Removes an uploaded plugin, named by its id or its kept file's name: out of the app at once
     * (a built-in it replaced is in force again) and out of IndexedDB. Built-in and deployed
     * plugins are refused. Resolves with {ok, id, file} or {ok:false, error}.
     */
    async remove(idOrFile) {
      await restored;
      const removed = call('nuanxin_plugin_remove', [String(idOrFile)]);
      if (!removed.ok || !removed.file) return removed;
      const error = await persist();
      return error ? { ...removed, warning: `${text('PluginRemoveNotSaved')} (${error})` } : removed;
    },
    /** The built-in, preloaded and uploaded plugins (origin: "built-in:x" or the file loaded). */
    list() { return call('nuanxin_plugins_json', []); },
    /** Uploads kept in IndexedDB: {dir, approvals, files: [{file, path, sha256, id}]}. */
    kept() { return call('nuanxin_plugins_kept_json', []); },
    /** Every refusal so far, preloads, kept uploads and uploads alike: [{file, reason, text}]. */
    refusals() { return call('nuanxin_plugin_refusals_json', []); },
    /** Resolves, once the deployed plugins were tried, with one {file, ok, id | refusal} each. */
    preloaded,
    /** Resolves, after `preloaded`, once the kept uploads were tried: one {file, ok, id | refusal} each. */
    restored,
    /** Resolves once the approvals made on the plugins screen so far were compiled and tried. */
    approved() { return approving.then(() => undefined); },
    /** A matching of the store's data through the plugins (counts per plugin), not journaled. */
    match() { return call('nuanxin_plugin_match_json', []); },
  });
  Object.defineProperty(window, 'nuanxinPlugins', { value: api, writable: false, configurable: false, enumerable: true });
})();
