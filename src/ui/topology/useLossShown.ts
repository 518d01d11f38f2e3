/**
 * The loss a box should be showing right now: a destruction that arrived since the box was
 * drawn, for LOSS_SHOWN_MS of wall time. A box drawn after the fact (a remount) shows nothing.
 * For boxes with no chips (compact servers); chip boxes keep their dead chips in SessionChips.
 */
import { useEffect, useState } from 'react';
import { LOSS_SHOWN_MS, type Loss } from './chipLoss.ts';

export function useLossShown(loss: Loss | null): Loss | null {
  const [seen, setSeen] = useState(loss?.serial ?? 0);
  const [shown, setShown] = useState<Loss | null>(null);
  if (loss && loss.serial !== seen) {
    setSeen(loss.serial);
    setShown(loss);
  }
  useEffect(() => {
    if (!shown) return;
    const t = window.setTimeout(() => setShown(null), LOSS_SHOWN_MS);
    return () => window.clearTimeout(t);
  }, [shown]);
  return shown;
}
