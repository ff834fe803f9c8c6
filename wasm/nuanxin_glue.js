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
      return JSON.parse(Module.ccall('nuanxin_summary_json', 'string', [], []));
    },
  });
  Object.defineProperty(window, 'nuanxin', { value: hook, writable: false, configurable: false, enumerable: true });
})();
