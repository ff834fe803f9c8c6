// Page glue of the nuanxin browser build: the Emscripten Module settings, the loading line, the
// read-only test hook window.nuanxin, the browser's file picker, downloads and drag-and-drop for
// the App (wasm/web_backend.cpp), and the offline cache (sw.js). Loaded before nuanxin.js, which
// reads `Module`. The region plugins' side is nuanxin_plugins.js.
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
    // Called by main.cpp after the first frame is on screen; the mark is what the browser
    // benchmark reads as "first interactive frame".
    onFirstFrame: () => {
      loading.hidden = true;
      performance.mark('nuanxin-first-frame');
    },
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
  const json = (name) => JSON.parse(Module.ccall(name, 'string', [], []));
  // Read-only: tests and tools can look, never change the app through it.
  const hook = Object.freeze({
    /** Counts and frame times as the running app sees them (App::testHookJson, a fresh object). */
    summary() {
      return runtimeReady ? json('nuanxin_summary_json') : notReady();
    },
    /**
     * Where the widget marked `id` (ui/locator.h) was drawn in the last frame: {x, y, w, h} in
     * CSS pixels of the page, or null when it was not drawn (or is scrolled out of sight).
     */
    locate(id) {
      if (!runtimeReady) return null;
      const r = json('nuanxin_locator_json')[id];
      const canvas = Module.canvas;
      if (!r || !canvas.width || !canvas.height) return null;
      const box = canvas.getBoundingClientRect();
      const sx = box.width / canvas.width;
      const sy = box.height / canvas.height;
      return { x: box.left + r[0] * sx, y: box.top + r[1] * sy, w: r[2] * sx, h: r[3] * sy };
    },
    /** The ids of the widgets marked in the last frame whose ids begin with `prefix`. */
    marked(prefix) {
      if (!runtimeReady) return [];
      return Object.keys(json('nuanxin_locator_json')).filter((id) => id.startsWith(prefix));
    },
  });
  Object.defineProperty(window, 'nuanxin', { value: hook, writable: false, configurable: false, enumerable: true });
})();

// Files: the App asks for one (App::requestFile → WebBackend::pickFile) and this clicks a hidden
// <input type="file"> of that purpose; the chosen file's bytes go to nuanxin_receive_file(), which
// hands them to App::receiveFile(). The click comes from the frame that handled the ImGui button's
// click, within the browser's user-activation window. Files dropped on the page arrive the same
// way as FilePurpose::Dropped; downloads are a Blob behind an <a download>.
(function () {
  const DROPPED = 3; // FilePurpose::Dropped in ui/backend.h
  const inputs = new Map();
  const receive = async (purpose, file) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const ptr = Module._malloc(Math.max(1, bytes.length));
    try {
      Module.HEAPU8.set(bytes, ptr);
      Module.ccall('nuanxin_receive_file', null, ['number', 'string', 'number', 'number'],
        [purpose, file.name, ptr, bytes.length]);
    } finally {
      Module._free(ptr);
    }
  };
  const inputFor = (purpose) => {
    let input = inputs.get(purpose);
    if (input) return input;
    input = document.createElement('input');
    input.type = 'file';
    input.hidden = true;
    input.id = `nx-file-${purpose}`;
    input.addEventListener('change', () => {
      const file = input.files && input.files[0];
      input.value = ''; // the same file may be chosen again
      if (file) receive(purpose, file).catch((e) => console.error('nuanxin: reading the file:', e));
    });
    document.body.appendChild(input);
    inputs.set(purpose, input);
    return input;
  };
  Module.nuanxinFiles = {
    pick(purpose, accept) {
      const input = inputFor(purpose);
      input.accept = accept;
      input.click();
    },
    download(name, bytes, mime) {
      const url = URL.createObjectURL(new Blob([bytes], { type: mime || 'application/octet-stream' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    },
  };
  // Dropped anywhere on the page (the canvas fills it): never let the browser open the file.
  window.addEventListener('dragover', (e) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    const files = e.dataTransfer ? [...e.dataTransfer.files] : [];
    if (!Module.calledRun) return; // not started yet: nothing to hand the file to
    files.reduce((done, file) => done.then(() => receive(DROPPED, file)), Promise.resolve())
      .catch((err) => console.error('nuanxin: reading the dropped file:', err));
  });
})();

// The page without a network after its first load: sw.js (generated by the build with a version
// of its files) caches the page, the program and its data, and the deployed plugins. Registered
// after the first frame, so its downloads never compete with the start.
(function () {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(window.location.protocol)) return;
  const firstFrame = Module.onFirstFrame;
  Module.onFirstFrame = () => {
    if (firstFrame) firstFrame();
    navigator.serviceWorker.register('sw.js').catch((e) => console.warn('nuanxin: offline cache:', e.message || e));
  };
})();
