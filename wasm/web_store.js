// The browser store's side in JavaScript. Linked into nuanxin.js with --pre-js
// (wasm/CMakeLists.txt), so it runs inside the program's scope (FS, IDBFS, ccall) before main():
//  - mounts IDBFS at /nuanxin-store and loads it from IndexedDB (FS.syncfs(true)) while holding
//    back main(), so that the C++ side opens a store whose files are all there;
//  - copies the folder back to IndexedDB (FS.syncfs(false)) whenever the store asks, i.e. after
//    every durable commit (wasm/web_store.cpp): one copy at a time, and one more when asked
//    during a copy, so the last commit is always in the last copy;
//  - hands a households CSV chosen in the page's <input type="file"> to the C++ import;
//  - window.nuanxinStore.status(): read-only state for the page's tests.
(function () {
  'use strict';
  var MOUNT = '/nuanxin-store'; // kWebStoreMount in wasm/web_store.h
  var state = {
    loaded: false, persistent: false, loadError: null,
    saving: false, saves: 0, saveError: null,
    importing: false, imports: 0, lastImport: null,
  };
  var again = false;
  var waiting = []; // persist(done) callbacks no finished copy has served yet
  var texts = { button: '', busy: '' };
  var wired = false;

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
      removeRunDependency('nuanxin-store');
    });
  });

  function el(id) { return document.getElementById(id); }

  function importFile(file) {
    var status = el('nx-import-status');
    state.importing = true;
    status.textContent = texts.busy;
    status.title = '';
    return file.arrayBuffer().then(function (buffer) {
      // Outside the mount: the upload itself is not part of the store.
      var path = '/tmp/nuanxin-import.csv';
      FS.writeFile(path, new Uint8Array(buffer));
      try {
        return JSON.parse(ccall('nuanxin_store_import_households', 'string', ['string', 'string'],
          [path, file.name]));
      } finally {
        FS.unlink(path);
      }
    }).then(function (report) {
      status.textContent = report.message;
      // Line, column, reason and the masked value of the first refused rows, on hover.
      status.title = report.rejects.join('\n');
      state.lastImport = report;
    }, function (e) {
      status.textContent = errorText(e);
      state.lastImport = { ok: false, error: errorText(e) };
    }).then(function () {
      state.importing = false;
      state.imports += 1;
    });
  }

  function wire() {
    var input = el('nx-import-households');
    if (wired || !input) return;
    wired = true;
    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      if (!file || state.importing) return;
      importFile(file).then(function () { input.value = ''; }); // the same file may come again
    });
    el('nx-store').hidden = false;
  }

  // Called from C++ (wasm/web_store_js.cpp) and by nuanxin_glue.js (kept plugin uploads).
  Module.nuanxinStore = {
    persist: save,
    persistent: function () { return state.persistent; },
    texts: function (button, busy) {
      texts.button = button;
      texts.busy = busy;
      var label = el('nx-import-label');
      if (label) label.textContent = button;
      wire();
    },
  };

  var hook = Object.freeze({
    /** Loading, saving and import state, and the store's own counts (a fresh object per call). */
    status: function () {
      var out = JSON.parse(JSON.stringify(state));
      out.pending = state.saving || again;
      out.store = runtimeInitialized
        ? JSON.parse(ccall('nuanxin_store_status_json', 'string', [], []))
        : null;
      return out;
    },
  });
  Object.defineProperty(window, 'nuanxinStore',
    { value: hook, writable: false, configurable: false, enumerable: true });
})();
