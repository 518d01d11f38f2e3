/**
 * The "?" (keyboard shortcuts) button and the page-wide single-key shortcuts (see shortcuts.ts). Keys go
 * through the same store actions as the buttons; nothing here reaches into the simulation.
 * The dialog's code loads on first use.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useSimSession } from '../SimContext.tsx';
import { PartBoundary } from '../update/PartBoundary.tsx';
import { toggleReducedMotion } from '../topology/motionPreference.ts';
import type { Mode } from '../urlOptions.ts';
import { isTypingTarget, singleKeyShortcutsOn } from './shortcuts.ts';

const ShortcutsDialog = lazy(() =>
  import('./ShortcutsDialog.tsx').then((m) => ({ default: m.ShortcutsDialog })),
);

export function KeyboardShortcuts({ mode }: { mode: Mode }) {
  const session = useSimSession();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      if (!singleKeyShortcutsOn() || isTypingTarget(e.target)) return;
      // A modal dialog is open (this one or the Embed dialog): keys belong to it.
      if (document.querySelector('dialog[open]')) return;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const s = session.store.getState();
      const runs = mode !== 'compare' && s.snapshot !== null;
      if (key === '?') setOpen(true);
      else if (key === 'm') toggleReducedMotion();
      else if (key === 'p' && runs) (s.playing ? s.pause : s.play)();
      else if (key === 's' && runs) s.step();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session, mode]);

  return (
    <>
      <button
        type="button"
        className="shortcuts-button"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        aria-haspopup="dialog"
        aria-keyshortcuts="?"
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">?</span>
      </button>
      {open && (
        <PartBoundary
          name="the keyboard shortcuts"
          kind="dialog"
          playground={mode === 'playground'}
          onDismiss={() => setOpen(false)}
        >
          <Suspense fallback={null}>
            <ShortcutsDialog mode={mode} onClose={() => setOpen(false)} />
          </Suspense>
        </PartBoundary>
      )}
    </>
  );
}
