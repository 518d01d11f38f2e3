/**
 * The keyboard shortcuts: what each key does, where it works, and whether single-key
 * shortcuts are on. WCAG 2.1.4 asks that shortcuts made of one printable key can be turned
 * off (speech-input users trigger them by accident); the switch lives in the shortcuts dialog
 * and is remembered in localStorage where allowed.
 */
import type { Mode } from '../urlOptions.ts';

export interface Shortcut {
  /** Keys as shown, each in its own <kbd>. */
  keys: string[];
  does: string;
  /** Screens where it applies (all when absent). */
  modes?: Mode[];
  /** A single printable key, switched off with the single-key setting. */
  singleKey?: boolean;
}

export const SHORTCUTS: Shortcut[] = [
  { keys: ['?'], does: 'Show this list of shortcuts', singleKey: true },
  {
    keys: ['P'],
    does: 'Play or pause the simulation',
    modes: ['playground', 'lessons'],
    singleKey: true,
  },
  {
    keys: ['S'],
    does: 'Pause and process exactly one simulation event',
    modes: ['playground', 'lessons'],
    singleKey: true,
  },
  {
    keys: ['M'],
    does: 'Reduce motion on or off (rates on the arrows instead of moving dots)',
    singleKey: true,
  },
  { keys: ['→'], does: 'Next lesson step (when Continue is enabled)', modes: ['lessons'] },
  { keys: ['←'], does: 'Previous lesson step', modes: ['lessons'] },
  { keys: ['Tab', 'Shift + Tab'], does: 'Move to the next or previous control' },
  { keys: ['Enter', 'Space'], does: 'Press the focused button or switch' },
  {
    keys: ['← → ↑ ↓', 'Home', 'End'],
    does: 'Move a focused slider (speed, timeline) or choose in a list',
  },
  { keys: ['Esc'], does: 'Close a dialog' },
];

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
