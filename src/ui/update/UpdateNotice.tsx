/**
 * The "a new version is available" banner. Shown when a part of the page could not load its
 * file (the site was updated while this tab was open): reloading, with the run kept, is the fix.
 */
import { useEffect, useState } from 'react';
import { ReloadButton } from './ReloadButton.tsx';
import { isStaleBuildError, STALE_BUILD_EVENT } from '../staleBuildSignal.ts';

export function UpdateNotice({ playground }: { playground: boolean }) {
  const [stale, setStale] = useState(false);
  useEffect(() => {
    const onStale = (): void => setStale(true);
    // Vite reports a failed preload of a lazy part's files on the window.
    const onPreload = (e: Event): void => {
      const payload = (e as Event & { payload?: unknown }).payload;
      if (payload === undefined || isStaleBuildError(payload)) setStale(true);
    };
    window.addEventListener(STALE_BUILD_EVENT, onStale);
    window.addEventListener('vite:preloadError', onPreload);
    return () => {
      window.removeEventListener(STALE_BUILD_EVENT, onStale);
      window.removeEventListener('vite:preloadError', onPreload);
    };
  }, []);
  if (!stale) return null;
  return (
    <p className="notice notice-warn update-notice" role="alert">
      A new version of Statecraft is available. <ReloadButton playground={playground} />
    </p>
  );
}
