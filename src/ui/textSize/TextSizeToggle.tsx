/** The header's "Large text" switch (also the `T` key): text and controls sized for a projector. */
import { useSyncExternalStore } from 'react';
import { subscribeTextSize, textSize, toggleLargeText } from './textSize.ts';

export function TextSizeToggle() {
  const large = useSyncExternalStore(subscribeTextSize, textSize) === 'large';
  return (
    <button
      type="button"
      role="switch"
      aria-checked={large}
      aria-keyshortcuts="T"
      className="switch text-size-toggle"
      onClick={toggleLargeText}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span className="switch-text">Large text</span>
    </button>
  );
}
