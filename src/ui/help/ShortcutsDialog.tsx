/**
 * The keyboard shortcuts dialog (`?` or the header's "?" button): a native modal
 * <dialog>, so Tab stays inside it, Esc closes it, and focus goes back to where it was.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Mode } from '../../app/modes.ts';
import {
  SHORTCUTS,
  SINGLE_KEYS,
  setSingleKeyShortcuts,
  singleKeyShortcutsOn,
} from './shortcuts.ts';
import './help.css';

export function ShortcutsDialog({ mode, onClose }: { mode: Mode; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [singleKeys, setSingleKeys] = useState(singleKeyShortcutsOn);

  useEffect(() => {
    const d = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (d && !d.open) d.showModal();
    return () => {
      // Back to the control that opened the dialog (not the top of the page).
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);

  const rows = SHORTCUTS.filter((s) => !s.modes || s.modes.includes(mode));

  return (
    <dialog
      ref={ref}
      className="shortcuts-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-note`}
      onClose={onClose}
    >
      <h2 id={`${id}-title`}>Keyboard shortcuts</h2>
      <p id={`${id}-note`} className="muted">
        Everything can be done with the keyboard. Single-key shortcuts work when the focus is not in
        a text field, list or slider.
      </p>
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">What it does</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.does} className={s.singleKey && !singleKeys ? 'is-off' : undefined}>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' or '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>
                {s.does}
                {s.singleKey && !singleKeys && <span className="muted"> (off)</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="shortcuts-setting">
        <input
          type="checkbox"
          checked={singleKeys}
          onChange={(e) => {
            setSingleKeyShortcuts(e.target.checked);
            setSingleKeys(e.target.checked);
          }}
        />
        Single-key shortcuts (
        {SINGLE_KEYS.map((k, i) => (
          <span key={k}>
            {i > 0 && ' '}
            <kbd>{k}</kbd>
          </span>
        ))}
        )
      </label>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
