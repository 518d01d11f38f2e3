/**
 * Vite plugin: writes `sw.js` next to index.html at build time, with the list of every file
 * of this build to cache on the first visit. After that visit the app works offline. The
 * worker only answers GET requests inside its own folder, and ignores query strings for
 * pages, so share links (`#run=…`), lesson links and embeds keep working.
 *
 * Update policy: a tab keeps the files of the version it started with. A new version's worker
 * installs its files beside the old ones and then waits (no skipWaiting, no claiming of tabs
 * the old worker controls); it takes over, and deletes the old cache, only once no open tab
 * uses the old version, so a lazy part (the lessons, a dialog) still loads in a tab that was
 * open during a deploy. Only the very first version, with no tab to disturb, starts at once.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

export function serviceWorkerSource(version: string, files: string[]): string {
  return `// Statecraft offline cache, generated at build time. Version ${version}.
const CACHE = 'statecraft-${version}';
const FILES = ${JSON.stringify(files)};
const scoped = (f) => new URL(f, self.registration.scope).href;

self.addEventListener('install', (event) => {
  // An update (an older worker is active) waits until no tab uses the old version.
  const first = !self.registration.active;
  event.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll(FILES.map(scoped)))
      .then(() => (first ? self.skipWaiting() : undefined)),
  );
});

self.addEventListener('activate', (event) => {
  // Reached for an update only when no tab uses the old version any more, so its files can go.
  event.waitUntil(
    caches.keys().then((keys) => {
      const old = keys.filter((k) => k.startsWith('statecraft-') && k !== CACHE);
      return Promise.all(old.map((k) => caches.delete(k))).then(() =>
        // The first version takes the page that installed it, so it works offline at once.
        old.length === 0 ? self.clients.claim() : undefined,
      );
    }),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || !req.url.startsWith(self.registration.scope)) return;
  if (req.mode === 'navigate') {
    // Pages: the network first (fresh builds), the cached page when offline.
    event.respondWith(
      fetch(req).catch(() =>
        caches.match(scoped('index.html')).then((r) => r || caches.match(req, { ignoreSearch: true })),
      ),
    );
    return;
  }
  // Hashed assets never change: the cache first.
  event.respondWith(caches.match(req).then((hit) => hit || fetch(req)));
});
`;
}

export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'statecraft-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => !f.endsWith('.map'))
        .sort();
      const all = ['./', 'index.html', 'favicon.svg', ...files.filter((f) => f !== 'index.html')];
      const version = createHash('sha256').update(all.join('\n')).digest('hex').slice(0, 12);
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: serviceWorkerSource(version, [...new Set(all)]),
      });
    },
  };
}
