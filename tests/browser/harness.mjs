// What the browser tests share: the headless Chromium they drive, the local server they start,
// their arguments and how they report.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

export const CHROMIUM = '/usr/bin/chromium';
// TOOLCHAIN.md quirk 9: software WebGL2, and no background connections on the closed network.
export const CHROMIUM_FLAGS = [
  '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu',
  '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** Starts serve.mjs on a free port; resolves with the URL it prints and the child process. */
export function startServer(serveScript, root) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [serveScript, '--root', root, '--port', '0'],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('serve.mjs did not start within 10 s')), 10000);
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const m = buffered.match(/serving (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) { clearTimeout(timer); resolve({ url: m[1], child }); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.mjs exited (${code})`)); });
  });
}

/**
 * Reads `--key value` pairs: paths made absolute, `--timeout` (seconds) and the keys in `numbers`
 * as numbers. `--serve` defaults to the project's wasm/serve.mjs. Throws on an unknown key, a
 * missing required one or a number that is not one.
 */
export function parseArgs(argv, { required, optional = [], numbers = [], timeout = 90 }) {
  const args = { serve: fileURLToPath(new URL('../../wasm/serve.mjs', import.meta.url)), timeout };
  const known = [...required, ...optional, ...numbers, 'serve', 'timeout'];
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!known.includes(key) || argv[i + 1] === undefined) {
      throw new Error(`unknown or incomplete argument ${argv[i]}`);
    }
    const numeric = key === 'timeout' || numbers.includes(key);
    args[key] = numeric ? Number(argv[i + 1]) : path.resolve(argv[i + 1]);
    if (numeric && !Number.isFinite(args[key])) throw new Error(`${argv[i]} needs a number, not ${argv[i + 1]}`);
  }
  for (const key of required) if (!args[key]) throw new Error(`--${key} is required`);
  return args;
}

/**
 * Runs `run(args, failures)` with this process's arguments, then prints `NAME: ok`, or
 * `NAME: FAILED` with every failure and exits 1 (an exception counts as a failure).
 */
export async function runBrowserTest(name, run, argSpec) {
  const failures = [];
  try {
    await run(parseArgs(process.argv.slice(2), argSpec), failures);
  } catch (e) {
    failures.push(e.stack || e.message);
  }
  if (failures.length) {
    console.error(`${name}: FAILED\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`${name}: ok`);
}

/**
 * Serves `root` with serve.mjs and opens one page in headless Chromium on a fresh profile (no
 * cached wasm, empty IndexedDB, no saved language, no service worker). Every page error is
 * collected in `pageErrors`; `stopServer()` ends the server alone (a test of the page without a
 * network); `close()` ends the browser and the server and removes the profile. `flags` are added
 * to Chromium's (the benchmark lifts the frame-rate cap).
 */
export async function openPage(serveScript, root, viewport, { flags = [] } = {}) {
  let chromium;
  try {
    chromium = (await import('playwright-core')).chromium;
  } catch {
    throw new Error('playwright-core is not installed in tests/browser: run scripts/setup.sh (npm ci there)');
  }
  const server = await startServer(serveScript, root);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'nuanxin-chromium-'));
  let context;
  const close = async () => {
    if (context) await context.close().catch(() => {});
    server.child.kill('SIGTERM');
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_FLAGS, ...flags], viewport,
    });
    const page = context.pages()[0] ?? await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    const stopServer = () => new Promise((done) => {
      if (server.child.exitCode !== null) { done(); return; }
      server.child.once('exit', () => done());
      server.child.kill('SIGTERM');
    });
    return { page, context, pageErrors, url: server.url, close, stopServer };
  } catch (e) {
    await close();
    throw e;
  }
}

/// Saves a screenshot of the page and counts its distinct colours, decoding the PNG in the page
/// itself (no image library here): a blank or failed canvas has very few.
export async function screenshotColours(page, file) {
  const png = await page.screenshot({ fullPage: false });
  writeFileSync(file, png);
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, img.width, img.height).data;
    const seen = new Set();
    for (let i = 0; i < px.length; i += 4) seen.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
    return seen.size;
  }, png.toString('base64'));
}
