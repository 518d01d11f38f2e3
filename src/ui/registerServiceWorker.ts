/**
 * Registers the offline cache (dist/sw.js, written by scripts/serviceWorkerPlugin.ts) in built
 * pages. Where service workers are not allowed (sandboxed iframes, some privacy modes) the app
 * simply works online only.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD) return;
  try {
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // Offline use is a bonus; the page works without it.
    });
  } catch {
    // Accessing navigator.serviceWorker throws in an opaque-origin (sandboxed) frame.
  }
}
