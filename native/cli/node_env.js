// --pre-js of nuanxin.js: Emscripten gives programs a synthetic environment; hand the settings
// the CLI reads (NUANXIN_LANG, an encrypted store's passphrases) over from Node's, so both builds
// behave the same.
// Emscripten 3.1.6 copies ENV into the program's environment one byte per character
// (writeAsciiToMemory), so each value goes in as its UTF-8 bytes: a passphrase in Chinese must
// reach getenv() as the same bytes the native build sees.
Module['preRun'] = Module['preRun'] || [];
Module['preRun'].push(function () {
  ['NUANXIN_LANG', 'NUANXIN_PASSPHRASE', 'NUANXIN_NEW_PASSPHRASE'].forEach(function (name) {
    if (typeof process !== 'undefined' && process.env && process.env[name] !== undefined) {
      ENV[name] = Buffer.from(process.env[name], 'utf8').toString('latin1');
    }
  });
});
