/**
 * The replay bound: how much engine work opening a run at a given time costs, estimated
 * before any of it is done, and the latest time a share link may open at. Work is counted in
 * simulation events (what the engine processes) plus user copies (what its checkpoints copy),
 * not in requests: a chat workload makes millions of events without a single shop request,
 * and a crowd of 50,000 users costs more to checkpoint than to run. The constants come from
 * runs of the engine (docs/security.md, "Replay bounds").
 */
import { DEFAULTS, resolveScenario, type Scenario, type TimedCommand } from '../sim/index.ts';
import { copiesForReplay } from './checkpointPolicy.ts';

/**
 * Events per shop request, at most: 6.0–6.9 measured on healthy runs, 7.6 in the overloaded
 * large-crowd preset (refused connections are retried).
 */
export const EVENTS_PER_REQUEST = 8;
/** Events per chat message (send, fan-out, delivery, ack: 4.6–5.0 measured). */
export const EVENTS_PER_CHAT_MESSAGE = 6;
/** Events per chat heartbeat (1.0 measured). */
export const EVENTS_PER_HEARTBEAT = 1.2;
/** One user copied into a checkpoint costs about as much as this many events. */
export const EVENTS_PER_USER_COPY = 4;
/**
 * An event costs more in a bigger population (larger tables, more cache misses): measured
 * 2–3× at 50,000 users or chat clients against 1,000–2,000. Each event counts
 * `1 + population / POPULATION_SCALE`.
 */
export const POPULATION_SCALE = 25_000;
/**
 * Most work (event-equivalents) a link may make the engine replay before it opens. Every
 * preset fits to its end (the heaviest, large-crowd, is about 23 million); measured times
 * are in docs/security.md. The replay runs in slices, with progress and a Cancel.
 */
export const MAX_REPLAY_WORK = 24_000_000;

export interface ReplayRates {
  /** Events per simulated second at the run's peak. */
  eventsPerS: number;
  /** Users (shop users and chat clients) a checkpoint copies, at the run's peak. */
  users: number;
}

/** The run's peak rates: peak users × each one's request rate, chat, health checks. */
export function replayRates(scenario: Scenario, commands: readonly TimedCommand[]): ReplayRates {
  const r = resolveScenario(scenario);
  let users = r.users.count;
  let servers = r.servers.count;
  for (const c of [...r.timeline, ...commands]) {
    if (c.action === 'set-users') users = Math.max(users, c.count);
    if (c.action === 'add-server') servers += c.count;
  }
  if (r.servers.autoscale) servers = Math.max(servers, r.servers.autoscale.max);
  const u = r.users;
  const requestsPerS = (users * (1 - u.heavyShare + u.heavyShare * u.heavyFactor)) / u.thinkTimeS;
  const chat = r.chat;
  const chatPerS = chat
    ? chat.clients *
      (EVENTS_PER_CHAT_MESSAGE / chat.messageIntervalS + EVENTS_PER_HEARTBEAT / chat.heartbeatS)
    : 0;
  const healthPerS = servers / r.loadBalancer.healthCheckS;
  return {
    eventsPerS: requestsPerS * EVENTS_PER_REQUEST + chatPerS + healthPerS,
    users: users + (chat?.clients ?? 0),
  };
}

/** Estimated work (event-equivalents) of replaying a run from 0 to `atMs`. */
export function replayWork(rates: ReplayRates, atMs: number): number {
  const events = ((rates.eventsPerS * atMs) / 1000) * (1 + rates.users / POPULATION_SCALE);
  const copies = copiesForReplay(atMs, rates.users);
  return events + EVENTS_PER_USER_COPY * rates.users * copies;
}

/**
 * Latest simulated time (ms) a link to this run may open at: the run's end when replaying to
 * it fits MAX_REPLAY_WORK, else the latest whole second that does.
 */
export function replayLimitMs(scenario: Scenario, commands: readonly TimedCommand[]): number {
  const endMs = (scenario.durationS ?? DEFAULTS.durationS) * 1000;
  const rates = replayRates(scenario, commands);
  if (replayWork(rates, endMs) <= MAX_REPLAY_WORK) return endMs;
  // Work grows with time (events linearly, copies in steps): search whole seconds.
  let lo = 0;
  let hi = Math.floor(endMs / 1000);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (replayWork(rates, mid * 1000) <= MAX_REPLAY_WORK) lo = mid;
    else hi = mid - 1;
  }
  return lo * 1000;
}
