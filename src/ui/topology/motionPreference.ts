/**
 * Whether the view may move: the learner's own choice (the "Reduce motion" switch, kept in
 * localStorage where allowed) and otherwise the system's `prefers-reduced-motion`. A small
 * external store, page-wide rather than per simulation session, so every topology on the page
 * (compare mode has several) follows one switch. The effective value is mirrored on <html> as
 * `data-motion="reduce" | "full"`, which is what the CSS animations check.
 */
export type MotionChoice = 'reduce' | 'full' | null;

const KEY = 'statecraft-motion';
const QUERY = '(prefers-reduced-motion: reduce)';

function storedChoice(): MotionChoice {
  try {
    const v = window.localStorage.getItem(KEY);
    return v === 'reduce' || v === 'full' ? v : null;
  } catch {
    return null; // storage can be blocked (sandboxed iframe, privacy settings)
  }
}

let choice: MotionChoice = typeof window === 'undefined' ? null : storedChoice();
const listeners = new Set<() => void>();

function systemPrefersReduced(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia && window.matchMedia(QUERY).matches;
}

/** True when the view should not move (no travelling dots, no CSS animation). */
export function motionReduced(): boolean {
  return choice !== null ? choice === 'reduce' : systemPrefersReduced();
}

function reflect(): void {
  if (typeof document === 'undefined') return;
  document.documentElement.dataset.motion = motionReduced() ? 'reduce' : 'full';
}

function emit(): void {
  reflect();
  for (const l of listeners) l();
}

/** Sets the learner's choice (null: follow the system again) and remembers it. */
export function setMotionChoice(next: MotionChoice): void {
  choice = next;
  try {
    if (next === null) window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, next);
  } catch {
    // Not remembered; the choice still applies to this page.
  }
  emit();
}

export function toggleReducedMotion(): void {
  setMotionChoice(motionReduced() ? 'full' : 'reduce');
}

/** Calls `onChange` when the effective value may have changed. Returns an unsubscribe. */
export function subscribeMotion(onChange: () => void): () => void {
  listeners.add(onChange);
  const mq = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(QUERY) : null;
  const onSystem = (): void => emit();
  mq?.addEventListener('change', onSystem);
  return () => {
    listeners.delete(onChange);
    mq?.removeEventListener('change', onSystem);
  };
}

reflect();
