// Page glue of the nuanxin browser build: the Emscripten Module settings, the loading line, and
// the read-only test hook window.nuanxin. Loaded before nuanxin.js, which reads `Module`.
'use strict';

var Module = (function () {
  const loading = document.getElementById('loading');
  const showStatus = (text, failed) => {
    loading.hidden = false;
    loading.textContent = text;
    loading.classList.toggle('failed', Boolean(failed));
  };
  return {
    canvas: document.getElementById('canvas'),
    print: (text) => console.log(text),
    printErr: (text) => console.error(text),
    // Emscripten reports download progress of nuanxin.data here ("Downloading data... (a/b)").
    setStatus: (text) => { if (text) showStatus('暖心 · ' + text); },
    // Called by main.cpp after the first frame is on screen.
    onFirstFrame: () => { loading.hidden = true; },
    onAbort: (what) => showStatus('暖心 · 加载失败（failed to start）: ' + what, true),
  };
})();

(function () {
  let runtimeReady = false;
  const previous = Module.onRuntimeInitialized;
  Module.onRuntimeInitialized = () => {
    runtimeReady = true;
    if (previous) previous();
  };
  const notReady = () => ({
    households: 0, needs: 0, offers: 0, allocations: 0, plugins: [],
    frame_ms_p50: 0, frame_ms_p95: 0, frames: 0, lang: null, error: 'starting',
  });
  // Read-only: tests and tools can look, never change the app through it.
  const hook = Object.freeze({
    /** Counts and frame times as the running app sees them (a fresh object per call). */
    summary() {
      if (!runtimeReady) return notReady();
      const summary = JSON.parse(Module.ccall('nuanxin_summary_json', 'string', [], []));
      // The plugins in force: built-in and approved uploads, minus built-ins a file replaced.
      const plugins = JSON.parse(Module.ccall('nuanxin_plugins_json', 'string', [], []));
      summary.plugins = plugins.filter((p) => !p.shadowed).map((p) => p.id);
      return summary;
    },
  });
  Object.defineProperty(window, 'nuanxin', { value: hook, writable: false, configurable: false, enumerable: true });
})();

// Region plugins an administrator supplies at run time (not preloaded). Browsers limit synchronous
// compiles of modules over 4 KB on the main thread, so the bytes go through
// FS.createPreloadedFile, whose preload plugin compiles a "*.so" asynchronously; after onload a
// plain dlopen (nuanxin_plugin_load) uses the compiled module (TOOLCHAIN.md quirk 7).
(function () {
  const dir = '/plugins';
  let uploads = 0;
  const call = (name, args) => JSON.parse(Module.ccall(name, 'string', args.map(() => 'string'), args));
  const api = Object.freeze({
    /** Loads plugin bytes (ArrayBuffer or typed array); resolves with {ok, id} or {ok:false, refusal}. */
    upload(fileName, bytes) {
      return new Promise((resolve, reject) => {
        // A fresh name per upload: a module compiled once stays bound to its file name.
        const base = String(fileName).replace(/[^A-Za-z0-9_.-]/g, '_').replace(/\.so$/, '');
        const name = `${base}.${++uploads}.so`;
        try { Module.FS.mkdir(dir); } catch (e) { /* exists */ }
        const data = new Uint8Array(bytes);
        Module.FS.createPreloadedFile(dir, name, data, true, true,
          // Emscripten 3.1.6's wasm preload plugin leaves the file empty (it keeps only the
          // compiled module); the host hashes and checks the file, so it gets the bytes back.
          () => {
            try {
              Module.FS.writeFile(`${dir}/${name}`, data);
              resolve(call('nuanxin_plugin_load', [`${dir}/${name}`]));
            } catch (e) { reject(e); }
          },
          // Not a wasm module (or one that does not compile): the loader still names the file.
          () => {
            try {
              Module.FS.writeFile(`${dir}/${name}`, data);
              resolve(call('nuanxin_plugin_load', [`${dir}/${name}`]));
            } catch (e) { reject(e); }
          });
      });
    },
    /** The built-in and uploaded plugins. */
    list() { return call('nuanxin_plugins_json', []); },
    /** A matching of the loaded data set through the plugins (counts per plugin). */
    match() { return call('nuanxin_plugin_match_json', []); },
  });
  Object.defineProperty(window, 'nuanxinPlugins', { value: api, writable: false, configurable: false, enumerable: true });
})();
