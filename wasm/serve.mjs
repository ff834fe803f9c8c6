#!/usr/bin/env node
// A small static file server for the nuanxin web build (node:http only, no npm packages).
//   node serve.mjs --root DIR [--port N]     (port 0, the default, picks a free one)
// Listens on 127.0.0.1 only and prints `serving http://127.0.0.1:PORT/` once it is listening.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import process from 'node:process';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm', // required for WebAssembly.instantiateStreaming
  '.data': 'application/octet-stream',
  '.so': 'application/octet-stream', // region plugins (side modules), e.g. plugins/*.so
  '.sha256': 'text/plain; charset=utf-8', // plugins/approvals.sha256
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function parseArgs(argv) {
  const args = { root: null, port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (name === '--root' && value !== undefined) { args.root = value; i++; }
    else if (name === '--port' && value !== undefined && /^\d+$/.test(value)) { args.port = Number(value); i++; }
    else throw new Error(`unknown or incomplete argument: ${name}`);
  }
  if (!args.root) throw new Error('--root DIR is required');
  return args;
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/** The file under `root` for a URL path, or null when it would leave the root. */
async function resolveFile(root, urlPath) {
  let decoded;
  try { decoded = decodeURIComponent(urlPath); } catch { return null; }
  if (decoded.includes('\0')) return null;
  let file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  let info = await stat(file).catch(() => null);
  if (info && info.isDirectory()) {
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info || !info.isFile()) return undefined;
  // Symbolic links must not lead outside the root either.
  const real = await realpath(file);
  if (real !== root && !real.startsWith(root + path.sep)) return null;
  return { file: real, size: info.size };
}

async function main() {
  let args;
  try { args = parseArgs(process.argv.slice(2)); } catch (e) {
    console.error(`serve.mjs: ${e.message}\nusage: node serve.mjs --root DIR [--port N]`);
    process.exit(2);
  }
  const root = await realpath(path.resolve(args.root)).catch(() => null);
  if (!root) { console.error(`serve.mjs: no such folder: ${args.root}`); process.exit(2); }

  const server = http.createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n');
    const urlPath = new URL(req.url, 'http://localhost').pathname;
    const found = await resolveFile(root, urlPath);
    if (found === null) return send(res, 403, 'forbidden\n');
    if (found === undefined) return send(res, 404, 'not found\n');
    const type = MIME[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': found.size, 'Cache-Control': 'no-store' });
    if (req.method === 'HEAD') return res.end();
    createReadStream(found.file).on('error', () => res.destroy()).pipe(res);
  });
  server.listen(args.port, '127.0.0.1', () => {
    console.log(`serving http://127.0.0.1:${server.address().port}/`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
