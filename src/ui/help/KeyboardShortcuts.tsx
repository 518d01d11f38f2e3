/**
 * The "?" (keyboard shortcuts) button and the page's one key handler. A key is looked up in
 * the command registry (src/app/commands.ts) and performed through it, like a button: the
 * handler knows no key and no route of its own. The dialog's code loads on first use.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { performKey } from '../../app/commands.ts';
import type { Mode } from '../../app/modes.ts';
import { pageHost, provideViewOperation } from '../pageHost.ts';
import { PartBoundary } from '../update/PartBoundary.tsx';
import { isTypingTarget, singleKeyShortcutsOn } from './shortcuts.ts';

const ShortcutsDialog = lazy(() =>
  import('./ShortcutsDialog.tsx').then((m) => ({ default: m.ShortcutsDialog })),
);

export function KeyboardShortcuts({ mode }: { mode: Mode }) {
  const [open, setOpen] = useState(false);

  useEffect(() => provideViewOperation('openShortcuts', () => setOpen(true)), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTypingTarget(e.target)) return;
      // A modal dialog is open (this one or the Embed dialog): keys belong to it.
      if (document.querySelector('dialog[open]')) return;
      const host = pageHost();
      if (!host) return;
      const view = {
        run: host.run.state.getState(),
        snapshots: host.run.sessions.map((s) => s.store.getState().snapshot),
        mode,
      };
      const opts = { repeat: e.repeat, singleKeysOn: singleKeyShortcutsOn() };
      if (performKey(e.key, opts, host, view)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mode]);

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
