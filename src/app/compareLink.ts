/**
 * The learner's faults in a comparison link: `faults=<atMs>:<action>[:<arg>],…`, e.g.
 * `faults=20012.5:kill-server:1,41000:restart-server:1`. With the setup (archs, preset,
 * seed) they are the whole run, so opening the link (or an embed written from it) replays
 * the same run in every pane: the same outcome table at every moment.
 *
 * Times are simulated ms written with every digit JavaScript needs to read them back
 * exactly (a fault 0.000001 ms later would be another run). A link whose faults cannot all
 * be read opens the comparison without any of them and says why: dropping only the bad
 * ones would show another run under this one's name.
 */
import {
  LIMITS,
  validateAction,
  type Action,
  type ActionName,
  type TimedCommand,
} from '../sim/index.ts';

/** Most faults a comparison link carries (the whole query must stay under 4,096 characters). */
export const MAX_LINK_FAULTS = 60;
/** Longest `faults` value, URL-encoded, a link is written with. */
export const MAX_FAULTS_CHARS = 3000;

/** The argument each action takes in a link, by position (at most one per action). */
const ARG_NAME: Record<ActionName, string | null> = {
  'kill-server': 'server',
  'restart-server': 'server',
  'restart-all-servers': null,
  'add-server': 'count',
  'remove-server': 'server',
  'kill-store': null,
  'restart-store': null,
  'add-store-replica': null,
  'set-sticky': 'sticky',
  'set-algorithm': 'algorithm',
  'set-users': 'count',
  deploy: 'drainS',
};

const isActionName = (name: string): name is ActionName => Object.hasOwn(ARG_NAME, name);

function formatOne(c: TimedCommand): string {
  const argName = ARG_NAME[c.action];
  const arg = argName ? (c as unknown as Record<string, unknown>)[argName] : undefined;
  return arg === undefined ? `${c.atMs}:${c.action}` : `${c.atMs}:${c.action}:${String(arg)}`;
}

export type FaultsParam = { ok: true; value: string | null } | { ok: false; reason: string };

/**
 * The `faults` value for a link to a run with these learner commands (null when there are
 * none), or why no link can carry them.
 */
export function faultsParam(commands: readonly TimedCommand[]): FaultsParam {
  if (commands.length === 0) return { ok: true, value: null };
  if (commands.length > MAX_LINK_FAULTS) {
    return {
      ok: false,
      reason: `This comparison has ${commands.length} faults you gave; a link holds at most ${MAX_LINK_FAULTS}.`,
    };
  }
  const value = commands.map(formatOne).join(',');
  if (encodeURIComponent(value).length > MAX_FAULTS_CHARS) {
    return { ok: false, reason: 'The faults you gave are too long for a link.' };
  }
  return { ok: true, value };
}

export type ParsedFaults = { ok: true; commands: TimedCommand[] } | { ok: false; error: string };

function parseOne(entry: string, maxMs: number): TimedCommand | string {
  const parts = entry.split(':');
  if (parts.length < 2 || parts.length > 3) return 'each fault is time:action[:argument]';
  const [time, name, arg] = parts as [string, string, string | undefined];
  const atMs = time.trim() === '' ? NaN : Number(time);
  if (!Number.isFinite(atMs) || atMs < 0 || atMs > maxMs) {
    return `the time "${clip(time)}" is not a simulated time from 0 to ${maxMs} ms`;
  }
  if (!isActionName(name)) return `"${clip(name)}" is not an action`;
  const argName = ARG_NAME[name];
  if (arg !== undefined && argName === null) return `${name} takes no argument`;
  const body: Record<string, unknown> = { action: name };
  if (arg !== undefined && argName) {
    const n = Number(arg);
    body[argName] = arg.trim() !== '' && Number.isFinite(n) ? n : arg;
  }
  const action: Action | null = validateAction(body);
  if (!action) return `"${clip(entry)}" is not a valid ${name}`;
  return { ...action, atMs, live: true } as TimedCommand;
}

const clip = (s: string): string => (s.length > 30 ? `${s.slice(0, 30)}…` : s);

/** Reads a link's `faults` value. Never throws; anything off gives a message. */
export function parseFaults(value: string): ParsedFaults {
  if (value.trim() === '') return { ok: true, commands: [] };
  const entries = value.split(',');
  if (entries.length > MAX_LINK_FAULTS) {
    return {
      ok: false,
      error: `The link has ${entries.length} faults, more than the ${MAX_LINK_FAULTS} a link may carry; the comparison opens without them.`,
    };
  }
  const commands: TimedCommand[] = [];
  for (const [i, entry] of entries.entries()) {
    const c = parseOne(entry.trim(), LIMITS.durationS * 1000);
    if (typeof c === 'string') {
      return {
        ok: false,
        error: `The link's fault ${i + 1} could not be read (${c}); the comparison opens without its faults.`,
      };
    }
    commands.push(c);
  }
  // Replayed in time order, as they happened.
  commands.sort((a, b) => a.atMs - b.atMs);
  return { ok: true, commands };
}

/** The faults of a comparison page's query string: none, with a problem, when unreadable. */
export function readCompareFaults(search: string): {
  commands: TimedCommand[];
  problem: string | null;
} {
  let value: string | null;
  try {
    value = new URLSearchParams(search).get('faults');
  } catch {
    value = null;
  }
  if (value === null) return { commands: [], problem: null };
  const parsed = parseFaults(value);
  return parsed.ok
    ? { commands: parsed.commands, problem: null }
    : { commands: [], problem: parsed.error };
}
