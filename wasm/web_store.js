// The browser store's side in JavaScript. Linked into nuanxin.js with --pre-js
// (wasm/CMakeLists.txt), so it runs inside the program's scope (FS, IDBFS, ccall) before main():
//  - mounts IDBFS at /nuanxin-store and loads it from IndexedDB (FS.syncfs(true)) while holding
//    back main(), so that the App opens a store whose files are all there;
//  - copies the folder back to IndexedDB (FS.syncfs(false)) whenever the store asks, i.e. after
//    every durable commit (wasm/web_store.cpp): one copy at a time, and one more when asked
//    during a copy, so the last commit is always in the last copy;
//  - for the browser benchmark only (tests/browser/bench.mjs): `?bench-store=DIR` fills an
//    absent store folder with the files of a store the benchmark made (DIR/journal.nxj,
//    DIR/snapshot.nxs, fetched from the same site) before main(), so that a 1,000,000-household
//    store opens from its snapshot instead of an import taking minutes;
//  - window.nuanxinStore.status(): read-only loading and saving state for the page's tests.
(function () {
  'use strict';
  var MOUNT = '/nuanxin-store'; // kWebStoreMount in wasm/web_store.h
  var STORE = MOUNT + '/store'; // kWebStoreDir
  var state = {
    loaded: false, persistent: false, loadError: null,
    saving: false, saves: 0, saveError: null, benchStore: null,
  };
  var again = false;
  var waiting = []; // persist(done) callbacks no finished copy has served yet

  function errorText(err) {
    return (err && (err.message || (err.errno !== undefined && 'errno ' + err.errno))) || String(err);
  }

  // done(null) once a copy that started after this call reached IndexedDB, done(error) if not.
  function save(done) {
    if (!state.persistent) { // IndexedDB did not load: keep the session in memory only
      if (done) done('IndexedDB was not loaded');
      return;
    }
    if (done) waiting.push(done);
    if (state.saving) { again = true; return; }
    state.saving = true;
    var served = waiting;
    waiting = [];
    FS.syncfs(false, function (err) {
      state.saving = false;
      if (err) {
        state.saveError = errorText(err);
        console.error('nuanxin: the store could not be saved to IndexedDB: ' + state.saveError);
      } else {
        state.saves += 1;
        state.saveError = null;
      }
      served.forEach(function (cb) { cb(err ? state.saveError : null); });
      if (again) { again = false; save(); }
    });
  }

  function exists(path) {
    try { FS.stat(path); return true; } catch (e) { return false; }
  }

  // Benchmark only: a same-site folder's store files into an absent store folder. Never over a
  // store that exists, so a page opened with the parameter by mistake cannot lose data.
  function benchStore(done) {
    var dir = null;
    try { dir = new URLSearchParams(window.location.search).get('bench-store'); } catch (e) { /* none */ }
    if (!dir) { done(); return; }
    var base = new URL(dir.replace(/\/?$/, '/'), window.location.href);
    if (base.origin !== window.location.origin || exists(STORE)) { done(); return; }
    var started = performance.now();
    var files = ['journal.nxj', 'snapshot.nxs'];
    Promise.all(files.map(function (name) {
      return fetch(new URL(name, base)).then(function (res) {
        return res.ok ? res.arrayBuffer() : null;
      });
    })).then(function (buffers) {
      FS.mkdir(STORE);
      var bytes = 0;
      buffers.forEach(function (buffer, i) {
        if (!buffer) return;
        FS.writeFile(STORE + '/' + files[i], new Uint8Array(buffer));
        bytes += buffer.byteLength;
      });
      state.benchStore = { bytes: bytes, ms: performance.now() - started };
    }, function (e) {
      console.error('nuanxin: bench-store: ' + errorText(e));
    }).then(done);
  }

  Module.preRun = [].concat(Module.preRun || []);
  Module.preRun.push(function () {
    FS.mkdir(MOUNT);
    FS.mount(IDBFS, {}, MOUNT);
    addRunDependency('nuanxin-store');
    FS.syncfs(true, function (err) {
      state.loaded = true;
      if (err) {
        state.loadError = errorText(err);
        console.error('nuanxin: IndexedDB could not be read: ' + state.loadError);
      } else {
        state.persistent = true;
      }
      benchStore(function () { removeRunDependency('nuanxin-store'); });
    });
  });

  // Called from C++ (wasm/web_store_js.cpp) and by nuanxin_glue.js (kept plugin uploads).
  Module.nuanxinStore = {
    persist: save,
    persistent: function () { return state.persistent; },
  };

  var hook = Object.freeze({
    /** Loading and saving state (a fresh object per call); pending: a copy is under way. */
    status: function () {
      var out = JSON.parse(JSON.stringify(state));
      out.pending = state.saving || again;
      return out;
    },
  });
  Object.defineProperty(window, 'nuanxinStore',
    { value: hook, writable: false, configurable: false, enumerable: true });
})();
