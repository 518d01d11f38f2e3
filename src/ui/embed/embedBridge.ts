/**
 * The contract with a course page that embeds Statecraft in an iframe (docs/embedding.md).
 *
 * Out (to the parent): ready, step-changed, lesson-completed, prediction-answered, height.
 * Every message is `{ source: 'statecraft', type, … }` and carries only lesson ids, step
 * numbers and sizes: nothing the learner typed, nothing private.
 * In (from the parent): `{ type: 'statecraft:go-to-step', step }`, `{ type: 'statecraft:play' }`,
 * `{ type: 'statecraft:pause' }`. Messages are ignored unless they come from the parent
 * window and, when `?parentOrigin=` is given, from exactly that origin; malformed messages are
 * ignored too.
 */
import { LESSON_EVENT, type LessonEvent } from '../lessons/lessonEvents.ts';

export type ParentCommand =
  { type: 'go-to-step'; step: number } | { type: 'play' } | { type: 'pause' };

/** Validates an incoming message's data. Returns null for anything unexpected. */
export function parseParentMessage(data: unknown): ParentCommand | null {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const d = data as Record<string, unknown>;
  switch (d.type) {
    case 'statecraft:go-to-step':
      return typeof d.step === 'number' && Number.isInteger(d.step) && d.step >= 1 && d.step <= 1000
        ? { type: 'go-to-step', step: d.step }
        : null;
    case 'statecraft:play':
      return { type: 'play' };
    case 'statecraft:pause':
      return { type: 'pause' };
    default:
      return null;
  }
}

/** Accepts `https://host[:port]` style origins only; anything else means "not restricted". */
export function parseOrigin(value: string | null): string | null {
  if (!value) return null;
  try {
    const u = new URL(value);
    return (u.protocol === 'https:' || u.protocol === 'http:') &&
      u.origin === value.replace(/\/$/, '')
      ? u.origin
      : null;
  } catch {
    return null;
  }
}

export function startEmbedBridge(
  parentOrigin: string | null,
  onCommand: (cmd: ParentCommand) => void,
): () => void {
  const parent = window.parent;
  if (parent === window) return () => {};
  const post = (msg: Record<string, unknown>): void => {
    parent.postMessage({ source: 'statecraft', ...msg }, parentOrigin ?? '*');
  };

  const onLesson = (e: Event): void => {
    const detail = (e as CustomEvent<LessonEvent>).detail;
    post({ ...detail });
  };
  window.addEventListener(LESSON_EVENT, onLesson);

  const onMessage = (e: MessageEvent): void => {
    if (e.source !== parent) return;
    if (parentOrigin !== null && e.origin !== parentOrigin) return;
    const cmd = parseParentMessage(e.data);
    if (cmd) onCommand(cmd);
  };
  window.addEventListener('message', onMessage);

  let lastHeight = -1;
  const sendHeight = (): void => {
    const h = Math.ceil(document.documentElement.scrollHeight);
    if (h !== lastHeight) {
      lastHeight = h;
      post({ type: 'height', height: h });
    }
  };
  const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(sendHeight) : null;
  observer?.observe(document.body);
  post({ type: 'ready' });
  sendHeight();

  return () => {
    window.removeEventListener(LESSON_EVENT, onLesson);
    window.removeEventListener('message', onMessage);
    observer?.disconnect();
  };
}
