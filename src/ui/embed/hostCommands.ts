/**
 * The commands a course page may send to an embedded Statecraft (docs/embedding.md, "Host
 * API"), checked against their exact documented shape. Every command is
 * `{ type: 'statecraft:<name>', v: 1, [id], …its own fields }`; `id` (a string up to 64
 * characters or a whole number) is echoed in the reply so a host can match replies to
 * requests. Anything else addressed to Statecraft — an unknown command, a missing or other
 * version, a missing field, a field of the wrong type, one key too many — is refused with a
 * reason, which the bridge sends back as an `error` event. Messages not addressed to
 * Statecraft at all (no `statecraft:` type) are not ours to answer and are ignored.
 */
import { MAX_FRAGMENT_CHARS } from '../share/shareLink.ts';

export const HOST_API_VERSION = 1;

export type HostCommand =
  | { type: 'go-to-step'; step: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'get-state' }
  | { type: 'set-state'; state: string }
  | { type: 'get-score' };

export type HostErrorCode =
  'bad-shape' | 'bad-version' | 'unknown-command' | 'not-available' | 'bad-state' | 'rate-limited';

export type RequestId = string | number;

export type ParsedHostMessage =
  | { ok: true; command: HostCommand; id: RequestId | null }
  | {
      ok: false;
      error: HostErrorCode;
      message: string;
      /** The command's name when it had one we know, e.g. "go-to-step". */
      command: string | null;
      id: RequestId | null;
    };

/** Each command's own fields, beyond `type`, `v` and the optional `id`. */
const FIELDS: Record<HostCommand['type'], readonly string[]> = {
  'go-to-step': ['step'],
  play: [],
  pause: [],
  'get-state': [],
  'set-state': ['state'],
  'get-score': [],
};
const COMMON = ['type', 'v', 'id'];
const PREFIX = 'statecraft:';

const clip = (s: string): string => (s.length > 30 ? `${s.slice(0, 30)}…` : s);

function isId(x: unknown): x is RequestId {
  return (
    (typeof x === 'string' && x.length <= 64) || (typeof x === 'number' && Number.isSafeInteger(x))
  );
}

/** Parses one message; null when it is not addressed to Statecraft at all. */
export function parseHostMessage(data: unknown): ParsedHostMessage | null {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  // Posted messages arrive as plain objects; anything else (a Map, a class) is not a command.
  if (Object.getPrototypeOf(data) !== Object.prototype) return null;
  let d: Record<string, unknown>;
  let keys: string[];
  try {
    d = data as Record<string, unknown>;
    keys = Object.keys(d);
  } catch {
    return null;
  }
  const type = d.type;
  if (typeof type !== 'string' || !type.startsWith(PREFIX)) return null;
  const name = type.slice(PREFIX.length);
  const known = Object.hasOwn(FIELDS, name) ? (name as HostCommand['type']) : null;
  const idGiven = Object.hasOwn(d, 'id');
  const id = idGiven && isId(d.id) ? d.id : null;
  const refuse = (error: HostErrorCode, message: string): ParsedHostMessage => ({
    ok: false,
    error,
    message,
    command: known,
    id,
  });

  if (idGiven && !isId(d.id)) {
    return refuse('bad-shape', 'id must be a string of at most 64 characters or a whole number.');
  }
  if (d.v !== HOST_API_VERSION) {
    return refuse('bad-version', `Every command needs v: ${HOST_API_VERSION}.`);
  }
  if (!known) return refuse('unknown-command', `There is no command "${clip(type)}".`);
  const allowed = new Set([...COMMON, ...FIELDS[known]]);
  const extra = keys.filter((k) => !allowed.has(k));
  if (extra.length > 0) {
    return refuse(
      'bad-shape',
      `${type} takes no ${extra.length === 1 ? 'key' : 'keys'} ${extra
        .slice(0, 5)
        .map((k) => `"${clip(k)}"`)
        .join(', ')}.`,
    );
  }
  const ok = (command: HostCommand): ParsedHostMessage => ({ ok: true, command, id });
  switch (known) {
    case 'go-to-step': {
      const step = d.step;
      return typeof step === 'number' && Number.isInteger(step) && step >= 1 && step <= 1000
        ? ok({ type: 'go-to-step', step })
        : refuse('bad-shape', 'step must be a whole number from 1 to 1000.');
    }
    case 'set-state': {
      const state = d.state;
      return typeof state === 'string' && state.length > 0 && state.length <= MAX_FRAGMENT_CHARS
        ? ok({ type: 'set-state', state })
        : refuse(
            'bad-shape',
            `state must be the text get-state returned (1 to ${MAX_FRAGMENT_CHARS} characters).`,
          );
    }
    default:
      return ok({ type: known } as HostCommand);
  }
}
