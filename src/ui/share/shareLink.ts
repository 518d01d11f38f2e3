/**
 * Share links: the exact run in the URL fragment, so any static host serves it without a
 * rewrite rule. What is kept: the scenario (by preset name when unchanged, else in full), the
 * seed, the learner's timestamped commands, the time position and the speed. Opening the link
 * replays the commands to that time: the same counters and the same event-log hash.
 *
 * Format: `#run=<base64url(deflate-raw(JSON))>`, JSON `{ v: 1, p?: preset, s?: scenario,
 * seed, c: [[atMs, action, arg?], …], t: ms, x: speed }`.
 */
import {
  DEFAULTS,
  LIMITS,
  presetScenario,
  validateAction,
  validateScenario,
  type Action,
  type Scenario,
  type TimedCommand,
} from '../../sim/index.ts';
import { DEFAULT_SPEED, clampSpeed } from '../../protocol/speed.ts';
import { replayLimitMs } from '../../worker/replayCost.ts';

export interface SharedRun {
  scenario: Scenario;
  /** Preset name when the scenario is an unchanged preset. */
  preset: string | null;
  commands: TimedCommand[];
  atMs: number;
  speed: number;
}

/** `notice`: the link was opened, but not quite as written (and why). */
export type DecodeResult =
  { ok: true; run: SharedRun; notice?: string } | { ok: false; error: string };

/**
 * The replay bound (src/worker/replayCost.ts): opening a link replays the run from 0 s to its
 * time, so a link may open no later than the time that replay fits MAX_REPLAY_WORK, counted
 * in events and checkpoint copies.
 */
export { MAX_REPLAY_WORK, replayLimitMs } from '../../worker/replayCost.ts';

/** Most learner commands a link carries. A longer run is shared as a scenario file. */
export const MAX_SHARED_COMMANDS = 2000;

/**
 * Whether a link can reproduce `run` exactly. A link that opened with fewer commands or at an
 * earlier time would show another run under the same name, so such a link is never written.
 */
export function checkShareable(run: SharedRun): { ok: true } | { ok: false; reason: string } {
  if (run.commands.length > MAX_SHARED_COMMANDS) {
    return {
      ok: false,
      reason: `This run has ${run.commands.length.toLocaleString('en')} of your commands; a link holds at most ${MAX_SHARED_COMMANDS.toLocaleString('en')}.`,
    };
  }
  const limitMs = replayLimitMs(run.scenario, run.commands);
  if (run.atMs > limitMs) {
    return {
      ok: false,
      reason: `This run is too heavy for a link to replay to ${(run.atMs / 1000).toFixed(1)} s (at most ${(limitMs / 1000).toFixed(1)} s).`,
    };
  }
  return { ok: true };
}

/** Longest fragment we try to decode (characters), so a hostile link cannot stall the page. */
export const MAX_FRAGMENT_CHARS = 16_384;
/** Largest decompressed JSON accepted (bytes). */
const MAX_JSON_BYTES = 256 * 1024;

type CompactCommand = [number, string, (string | number)?];

function compactCommand(c: TimedCommand): CompactCommand {
  const { atMs, live: _live, action, ...args } = c as TimedCommand & Record<string, unknown>;
  const values = Object.values(args) as (string | number)[];
  return values.length > 0 ? [atMs, action, values[0]!] : [atMs, action];
}

const ARG_NAME: Record<string, string> = {
  'kill-server': 'server',
  'restart-server': 'server',
  'add-server': 'count',
  'remove-server': 'server',
  'set-sticky': 'sticky',
  'set-algorithm': 'algorithm',
  'set-users': 'count',
  deploy: 'drainS',
};

function expandCommand(raw: unknown): TimedCommand | null {
  if (!Array.isArray(raw) || raw.length < 2 || raw.length > 3) return null;
  const [atMs, name, arg] = raw as unknown[];
  if (
    typeof atMs !== 'number' ||
    !Number.isFinite(atMs) ||
    atMs < 0 ||
    atMs > LIMITS.durationS * 1000 ||
    typeof name !== 'string'
  ) {
    return null;
  }
  const body: Record<string, unknown> = { action: name };
  const argName = ARG_NAME[name];
  if (arg !== undefined && argName) body[argName] = arg;
  const action = validateAction(body);
  return action ? ({ ...(action as Action), atMs, live: true } as TimedCommand) : null;
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit: number,
) {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new Error('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

export async function encodeRun(run: SharedRun): Promise<string> {
  const unchangedPreset =
    run.preset !== null &&
    JSON.stringify(presetScenario(run.preset)) ===
      JSON.stringify({ ...run.scenario, seed: presetScenario(run.preset)?.seed });
  const body = {
    v: 1,
    ...(unchangedPreset ? { p: run.preset } : { s: run.scenario }),
    seed: run.scenario.seed ?? 1,
    c: run.commands.map(compactCommand),
    t: run.atMs,
    x: run.speed,
  };
  const json = new TextEncoder().encode(JSON.stringify(body));
  const packed = await pipe(json, new CompressionStream('deflate-raw'), MAX_JSON_BYTES);
  return `run=${toBase64Url(packed)}`;
}

/** Decodes a `#run=…` fragment. Never throws; a bad link gives a message. */
export async function decodeRun(fragment: string): Promise<DecodeResult> {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (!text.startsWith('run=')) return { ok: false, error: 'The link has no run in it.' };
  if (text.length > MAX_FRAGMENT_CHARS) return { ok: false, error: 'The shared run is too long.' };
  let body: Record<string, unknown>;
  try {
    const bytes = fromBase64Url(text.slice(4));
    const json = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_JSON_BYTES);
    const parsed: unknown = JSON.parse(new TextDecoder().decode(json));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('shape');
    body = parsed as Record<string, unknown>;
  } catch {
    return { ok: false, error: 'The shared run could not be read (the link may be cut short).' };
  }
  if (body.v !== 1) return { ok: false, error: 'The shared run is from an unknown version.' };
  let scenario: Scenario | null;
  let preset: string | null = null;
  if (typeof body.p === 'string') {
    scenario = presetScenario(body.p);
    preset = scenario ? body.p : null;
    if (!scenario) return { ok: false, error: `The shared run names an unknown preset.` };
  } else {
    const checked = validateScenario(body.s);
    if (!checked.ok)
      return { ok: false, error: `The shared scenario is invalid: ${checked.errors[0]}` };
    scenario = checked.scenario;
  }
  const seedCheck = validateScenario({ version: 1, seed: body.seed });
  if (!seedCheck.ok) return { ok: false, error: 'The shared seed is invalid.' };
  // No seed in the link: the scenario's own (a preset's seed, not the default of 1).
  if (body.seed !== undefined) scenario = { ...scenario, seed: body.seed as number };
  const rawCommands = Array.isArray(body.c) ? body.c : [];
  // Dropping the commands past the limit would open another run under this one's name.
  if (rawCommands.length > MAX_SHARED_COMMANDS) {
    return {
      ok: false,
      error: `The shared run has more than ${MAX_SHARED_COMMANDS.toLocaleString('en')} commands, more than a link may carry.`,
    };
  }
  const commands: TimedCommand[] = [];
  for (const raw of rawCommands) {
    const cmd = expandCommand(raw);
    if (!cmd) return { ok: false, error: 'The shared run contains a command that is not valid.' };
    commands.push(cmd);
  }
  // Bounded like everything else from a link: the time within the run, the speed within the
  // speed slider's range (src/protocol/speed.ts).
  const endMs = (scenario.durationS ?? DEFAULTS.durationS) * 1000;
  const t = typeof body.t === 'number' && Number.isFinite(body.t) ? clamp(body.t, 0, endMs) : 0;
  const x = typeof body.x === 'number' ? clampSpeed(body.x) : DEFAULT_SPEED;
  const maxT = replayLimitMs(scenario, commands);
  if (t > maxT) {
    const run = { scenario, preset, commands, atMs: maxT, speed: x };
    const notice =
      `The shared run is too heavy to replay to ${(t / 1000).toFixed(0)} s here; it opens at ` +
      `${(maxT / 1000).toFixed(1)} s. Press Play to go on from there.`;
    return { ok: true, run, notice };
  }
  return { ok: true, run: { scenario, preset, commands, atMs: t, speed: x } };
}
