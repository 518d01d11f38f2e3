/**
 * The contract with a course page that embeds Statecraft in an iframe (docs/embedding.md).
 *
 * Out (to the parent), every message `{ source: 'statecraft', v: 1, type, … }`: the events
 * ready, step-changed, prediction-answered, check-answered, lesson-completed,
 * lesson-incomplete and height, and one reply per command (ok, state, score or error, with
 * the command's `id`). Events carry lesson ids, step numbers, scores and sizes; a `state`
 * reply carries the run (setup and commands), which the learner made, but nothing they typed.
 * In (from the parent): the commands in hostCommands.ts, checked to their exact shape.
 * Messages are ignored unless they come from the parent window and, when `?parentOrigin=` is
 * given, from exactly that origin. A `?parentOrigin=` that is not an origin switches the bridge
 * off entirely.
 */
import type { LessonScore } from '../../lessons/score.ts';
import { LESSON_EVENT, type LessonEvent } from '../lessons/lessonEvents.ts';
import {
  HOST_API_VERSION,
  parseHostMessage,
  type HostCommand,
  type HostErrorCode,
} from './hostCommands.ts';
import type { ParentOriginRule } from './parentOrigin.ts';
import { createRateLimit, HOST_COMMAND_BURST, HOST_COMMANDS_PER_SECOND } from './rateLimit.ts';

export type HostReply =
  | { type: 'ok' }
  /** `state`: the `#run=…` fragment of a share link to the run; `atMs`: its simulated time. */
  | { type: 'state'; state: string; atMs: number }
  | { type: 'score'; lesson: string; score: LessonScore; skipped: number[]; completed: boolean }
  | { type: 'error'; error: HostErrorCode; message: string };

export type HostHandler = (cmd: HostCommand) => HostReply | Promise<HostReply>;

/**
 * Starts talking to the parent page under `rule` (see parentOrigin.ts). An invalid rule fails
 * closed: nothing is posted and nothing is obeyed.
 */
export function startEmbedBridge(rule: ParentOriginRule, handle: HostHandler): () => void {
  const parent = window.parent;
  if (parent === window || rule.kind === 'invalid') return () => {};
  const parentOrigin = rule.kind === 'origin' ? rule.origin : null;
  let stopped = false;
  const post = (msg: Record<string, unknown>): void => {
    if (stopped) return;
    parent.postMessage({ source: 'statecraft', v: HOST_API_VERSION, ...msg }, parentOrigin ?? '*');
  };

  const onLesson = (e: Event): void => {
    const detail = (e as CustomEvent<LessonEvent>).detail;
    post({ ...detail });
  };
  window.addEventListener(LESSON_EVENT, onLesson);

  const limit = createRateLimit();
  const onMessage = (e: MessageEvent): void => {
    if (e.source !== parent) return;
    if (parentOrigin !== null && e.origin !== parentOrigin) return;
    const parsed = parseHostMessage(e.data);
    if (!parsed) return;
    const ids = parsed.id === null ? {} : { id: parsed.id };
    if (!parsed.ok) {
      const { error, message, command } = parsed;
      post({ type: 'error', ...ids, command, error, message });
      return;
    }
    const command = parsed.command.type;
    if (!limit.take()) {
      post({
        type: 'error',
        ...ids,
        command,
        error: 'rate-limited',
        message: `Too many commands: at most ${HOST_COMMAND_BURST} at once, then ${HOST_COMMANDS_PER_SECOND} a second.`,
      });
      return;
    }
    Promise.resolve()
      .then(() => handle(parsed.command))
      .then(
        (reply) => post({ ...reply, ...ids, command }),
        (err: unknown) =>
          post({
            type: 'error',
            ...ids,
            command,
            error: 'not-available',
            message: err instanceof Error ? err.message : String(err),
          }),
      );
  };
  window.addEventListener('message', onMessage);

  // The content's natural height, measured on the app's own box (.app), never on the document
  // or the viewport: the document's scrollHeight is at least the frame's height, so a host
  // that sized the frame from it could only ever grow it. In embed chrome the app keeps the
  // frame's first height (--embed-h, set by App.tsx) and nothing inside it is sized by the
  // viewport, so the value is that height plus whatever the content needs beyond it, and
  // resizing the frame to it changes nothing. Before the app has mounted there is nothing to
  // measure: no height is sent.
  let lastHeight = -1;
  const sendHeight = (): void => {
    const app = document.querySelector('.app');
    if (!app) return;
    const h = Math.ceil(Math.max(app.getBoundingClientRect().height, app.scrollHeight));
    if (h !== lastHeight) {
      lastHeight = h;
      post({ type: 'height', height: h });
    }
  };
  const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(sendHeight) : null;
  const observeContent = (): void => {
    if (!observer) return;
    observer.observe(document.body);
    for (const el of document.querySelectorAll('.app, .app-main, .app-main > *')) {
      observer.observe(el);
    }
  };
  // Modes load lazily: watch for their content arriving, then observe it too.
  const mutations =
    typeof MutationObserver !== 'undefined'
      ? new MutationObserver(() => {
          observeContent();
          sendHeight();
        })
      : null;
  const root = document.getElementById('root');
  if (root) mutations?.observe(root, { childList: true, subtree: true });
  observeContent();
  post({ type: 'ready' });
  sendHeight();

  return () => {
    stopped = true;
    window.removeEventListener(LESSON_EVENT, onLesson);
    window.removeEventListener('message', onMessage);
    observer?.disconnect();
    mutations?.disconnect();
  };
}
