/**
 * The keyboard shortcuts: what each key does, where it works, and whether single-key
 * shortcuts are on. WCAG 2.1.4 asks that shortcuts made of one printable key can be turned
 * off (speech-input users trigger them by accident); the switch lives in the shortcuts dialog
 * and is remembered in localStorage where allowed.
 */
import type { Mode } from '../../app/modes.ts';
import { keyedCommands } from '../../app/commands.ts';

export interface Shortcut {
  /** Keys as shown, each in its own <kbd>. */
  keys: readonly string[];
  does: string;
  /** Screens where it applies (all when absent). */
  modes?: readonly Mode[];
  /** A single printable key, switched off with the single-key setting. */
  singleKey?: boolean;
}

/** The registry's commands that have keys, then the keys every page has from the browser. */
export const SHORTCUTS: Shortcut[] = [
  ...keyedCommands().map(([, c]) => ({
    keys: c.keyLabels ?? c.keys ?? [],
    does: c.description,
    ...(c.modes ? { modes: c.modes } : {}),
    ...(c.singleKey ? { singleKey: true } : {}),
  })),
  { keys: ['Tab', 'Shift + Tab'], does: 'Move to the next or previous control' },
  { keys: ['Enter', 'Space'], does: 'Press the focused button or switch' },
  {
    keys: ['← → ↑ ↓', 'Home', 'End'],
    does: 'Move a focused slider (speed, timeline) or choose in a list',
  },
  { keys: ['Esc'], does: 'Close a dialog' },
];

/** The single-key shortcuts' keys, as shown ("?", "P", …). */
export const SINGLE_KEYS: readonly string[] = SHORTCUTS.filter((s) => s.singleKey).flatMap(
  (s) => s.keys,
);

const KEY = 'statecraft-single-key-shortcuts';

let enabled = ((): boolean => {
  try {
    return typeof window === 'undefined' || window.localStorage.getItem(KEY) !== 'off';
  } catch {
    return true; // storage blocked: shortcuts stay on for this visit
  }
})();

export function singleKeyShortcutsOn(): boolean {
  return enabled;
}

export function setSingleKeyShortcuts(on: boolean): void {
  enabled = on;
  try {
    window.localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Not remembered; applies to this visit.
  }
}

/** True when a key press belongs to what the learner is typing or adjusting. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return !!target.closest(
    'input, select, textarea, [contenteditable=""], [contenteditable="true"], [role="slider"], [role="spinbutton"], [role="textbox"]',
  );
}
