/** Whether a CSS media query matches now, kept current as the frame is resized. */
import { useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const mq = window.matchMedia?.(query);
      mq?.addEventListener('change', onChange);
      return () => mq?.removeEventListener('change', onChange);
    },
    () => !!window.matchMedia?.(query).matches,
    () => false,
  );
}
