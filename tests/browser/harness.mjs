// What the browser tests share: the headless Chromium they drive and the local server they start.
import { spawn } from 'node:child_process';
import process from 'node:process';

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
