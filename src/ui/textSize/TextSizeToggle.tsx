/** The header's "Large text" switch (also the `T` key): text and controls sized for a projector. */
import { useSyncExternalStore } from 'react';
import { Switch } from '../panels/Switch.tsx';
import { subscribeTextSize, textSize, toggleLargeText } from './textSize.ts';

export function TextSizeToggle() {
  const large = useSyncExternalStore(subscribeTextSize, textSize) === 'large';
  return (
    <Switch
      label="Large text"
      checked={large}
      onToggle={toggleLargeText}
      className="text-size-toggle"
      shortcut="T"
    />
  );
}
