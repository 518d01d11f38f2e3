/**
 * Large text for a projector or a far-away screen: one page-wide choice, mirrored on <html>
 * as `data-text="large"`, which largeText.css reads to scale the text, the controls, the
 * lesson card and the picture's share of the screen. The learner's choice is kept in
 * localStorage where allowed; a `?text=` link sets it for that page only. A small external
 * store like the motion preference, so the header switch, the `T` key and every mode follow
 * one value.
 */
export type TextSize = 'normal' | 'large';

const KEY = 'statecraft-text';

function stored(): TextSize | null {
  try {
    const v = window.localStorage.getItem(KEY);
    return v === 'large' || v === 'normal' ? v : null;
  } catch {
    return null; // storage can be blocked (sandboxed iframe, privacy settings)
  }
}

let size: TextSize = (typeof window !== 'undefined' && stored()) || 'normal';
const listeners = new Set<() => void>();

function reflect(): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  if (size === 'large') root.dataset.text = 'large';
  else delete root.dataset.text;
}

/** The text size in effect now. */
export function textSize(): TextSize {
  return size;
}

/** Sets the text size; `remember` keeps it for the next visit (a link's choice is not kept). */
export function setTextSize(next: TextSize, remember: boolean): void {
  size = next;
  if (remember) {
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      // Not remembered; the choice still applies to this page.
    }
  }
  reflect();
  // The picture refits to its new share of the screen on the resize this causes.
  for (const l of listeners) l();
}

export function toggleLargeText(): void {
  setTextSize(size === 'large' ? 'normal' : 'large', true);
}

/** Calls `onChange` when the size changes. Returns an unsubscribe. */
export function subscribeTextSize(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
  };
}

reflect();
