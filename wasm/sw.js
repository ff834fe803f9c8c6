// The page's service worker: after the first visit the page starts and works without a network.
// The build writes a version made from its files' hashes into VERSION (wasm/sw_version.cmake), so
// a new build is a new worker with a new cache, and the old cache is dropped once it takes over.
//  - install: caches the page, the program (.js, .wasm) and its data (.data: the demo data set
//    and the CJK font), plugins/manifest.json, plugins/approvals.sha256 and the side modules the
//    manifest lists (a file the server lacks is left out: the page refuses it by name anyway);
//  - the page and the program: from the cache (they change only with a new build, hence a new
//    worker), else from the network;
//  - plugins/: from the network while there is one (a site may deploy a region's update without
//    a new build), else from the cache;
//  - anything else (the benchmark's store files) goes to the network untouched.
'use strict';

const VERSION = '@NUANXIN_SW_VERSION@';
const CACHE = `nuanxin-${VERSION}`;
const APP_FILES = ['index.html', 'nuanxin_glue.js', 'nuanxin_plugins.js', 'nuanxin.js',
  'nuanxin.wasm', 'nuanxin.data'];
const PLUGIN_FILES = ['plugins/manifest.json', 'plugins/approvals.sha256'];

const scoped = (name) => new URL(name, self.registration.scope).href;

/** The deployed side modules the manifest names (plain names only, as the page loads them). */
async function deployedPlugins(cache) {
  const manifest = await cache.match(scoped('plugins/manifest.json'));
  if (!manifest) return [];
  try {
    const list = (await manifest.clone().json()).plugins;
    return Array.isArray(list)
      ? list.filter((n) => typeof n === 'string' && /^[A-Za-z0-9_-][A-Za-z0-9_.-]*\.so$/.test(n))
        .map((n) => `plugins/${encodeURIComponent(n)}`)
      : [];
  } catch {
    return [];
  }
}

/** Caches what answers 200; the rest is left out without failing the install. */
async function cacheOptional(cache, names) {
  await Promise.all(names.map(async (name) => {
    try {
      const res = await fetch(scoped(name), { cache: 'no-store' });
      if (res.ok) await cache.put(scoped(name), res);
    } catch { /* absent: the page handles it */ }
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(APP_FILES.map((n) => new Request(scoped(n), { cache: 'no-store' })));
    await cacheOptional(cache, PLUGIN_FILES);
    await cacheOptional(cache, await deployedPlugins(cache));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('nuanxin-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

async function fromCacheFirst(request, key) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  return hit || fetch(request);
}

async function fromNetworkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(request.url, res.clone());
    return res;
  } catch (e) {
    const hit = await cache.match(request.url);
    if (hit) return hit;
    throw e;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const name = url.pathname.slice(scope.pathname.length);
  if (request.mode === 'navigate' && (name === '' || name === 'index.html')) {
    // ?demo and other parameters are read by the page itself: one cached page serves them all.
    event.respondWith(fromCacheFirst(request, scoped('index.html')));
  } else if (APP_FILES.includes(name)) {
    event.respondWith(fromCacheFirst(request, scoped(name)));
  } else if (name.startsWith('plugins/')) {
    event.respondWith(fromNetworkFirst(request));
  }
});
