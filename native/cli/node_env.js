// --pre-js of nuanxin.js: Emscripten gives programs a synthetic environment; hand the one
// setting the CLI reads (NUANXIN_LANG) over from Node's, so both builds behave the same.
Module['preRun'] = Module['preRun'] || [];
Module['preRun'].push(function () {
  if (typeof process !== 'undefined' && process.env && process.env['NUANXIN_LANG'] !== undefined) {
    ENV['NUANXIN_LANG'] = process.env['NUANXIN_LANG'];
  }
});
