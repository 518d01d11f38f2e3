// The offline worker's update policy, run in a stand-in for the service-worker global: a new
// version never takes over (or empties the cache of) tabs that still run the old one.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { serviceWorkerSource } from './serviceWorkerPlugin.ts';

type Listener = (event: { waitUntil(p: Promise<unknown>): void }) => void;

async function installAndActivate(source: string, existingCaches: string[], activeWorker: boolean) {
  const listeners = new Map<string, Listener>();
  const caches = new Set(existingCaches);
  const calls: string[] = [];
  const self = {
    registration: { scope: 'https://example.org/app/', active: activeWorker ? {} : null },
    addEventListener: (type: string, fn: Listener) => listeners.set(type, fn),
    skipWaiting: () => {
      calls.push('skipWaiting');
      return Promise.resolve();
    },
    clients: {
      claim: () => {
        calls.push('claim');
        return Promise.resolve();
      },
    },
  };
  const cacheApi = {
    open: (name: string) => {
      caches.add(name);
      return Promise.resolve({ addAll: () => Promise.resolve() });
    },
    keys: () => Promise.resolve([...caches]),
    delete: (name: string) => {
      calls.push(`delete ${name}`);
      return Promise.resolve(caches.delete(name));
    },
  };
  runInNewContext(source, { self, caches: cacheApi, URL, Promise, fetch: () => null });
  const run = async (type: string) => {
    const pending: Promise<unknown>[] = [];
    listeners.get(type)!({ waitUntil: (p) => pending.push(p) });
    await Promise.all(pending);
  };
  await run('install');
  const afterInstall = [...calls];
  await run('activate');
  return { afterInstall, all: calls, caches: [...caches] };
}

describe('service worker update policy', () => {
  const source = serviceWorkerSource('b', ['index.html', 'assets/a.js']);

  it('an update installs beside the old version and waits instead of taking over its tabs', async () => {
    const r = await installAndActivate(source, ['statecraft-a'], true);
    expect(r.afterInstall).toEqual([]);
    // Activation (once no tab uses the old version) deletes the old files but claims nothing.
    expect(r.all).toEqual(['delete statecraft-a']);
    expect(r.caches).toEqual(['statecraft-b']);
  });

  it('the first version starts at once and takes its page, for offline use', async () => {
    const r = await installAndActivate(source, [], false);
    expect(r.afterInstall).toEqual(['skipWaiting']);
    expect(r.all).toEqual(['skipWaiting', 'claim']);
  });
});
