/** The headless runner's logic, separate from process I/O so tests can call it. */
import { Simulation } from '../src/sim/simulation.ts';
import { outcome, type Outcome } from '../src/sim/outcome.ts';
import { parseScenarioJson, validateScenario } from '../src/sim/scenarioSchema.ts';
import { PRESET_NAMES, presetScenario } from '../src/sim/presets.ts';
import { LIMITS, resolveScenario } from '../src/sim/scenario.ts';

export class UsageError extends Error {}

export interface CliArgs {
  target: string | null;
  seed: number | undefined;
  durationS: number | undefined;
  json: boolean;
  list: boolean;
}

const USAGE =
  'usage: npm run sim -- <scenario.json | preset> [--seed N] [--duration S] [--json]\n' +
  '       npm run sim -- --list';

function numberArg(flag: string, value: string | undefined, max: number, integer: boolean): number {
  const n = Number(value);
  if (
    value === undefined ||
    !Number.isFinite(n) ||
    n < 0 ||
    n > max ||
    (integer && !Number.isInteger(n))
  ) {
    throw new UsageError(
      `error: ${flag} needs ${integer ? 'a whole number' : 'a number'} from 0 to ${max}\n${USAGE}`,
    );
  }
  return n;
}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = {
    target: null,
    seed: undefined,
    durationS: undefined,
    json: false,
    list: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--list') args.list = true;
    else if (a === '--seed') args.seed = numberArg('--seed', argv[++i], LIMITS.seed, true);
    else if (a === '--duration')
      args.durationS = numberArg('--duration', argv[++i], LIMITS.durationS, false);
    else if (a === '--help' || a === '-h') throw new UsageError(USAGE);
    else if (a.startsWith('-')) throw new UsageError(`error: unknown option ${a}\n${USAGE}`);
    else if (args.target === null) args.target = a;
    else throw new UsageError(`error: more than one scenario given\n${USAGE}`);
  }
  if (!args.list && args.target === null) throw new UsageError(USAGE);
  return args;
}

export type HeadlessResult =
  { ok: true; outcome: Outcome; wallMs: number } | { ok: false; errors: string[] };

export function runHeadless(opts: {
  source: string;
  fileText: string | null;
  seed: number | undefined;
  durationS: number | undefined;
}): HeadlessResult {
  let validated;
  if (opts.fileText !== null) {
    validated = parseScenarioJson(opts.fileText);
  } else {
    const preset = presetScenario(opts.source);
    if (!preset) {
      return {
        ok: false,
        errors: [
          `"${opts.source}" is neither a file nor a preset; presets: ${PRESET_NAMES.join(', ')}`,
        ],
      };
    }
    validated = validateScenario(preset);
  }
  if (!validated.ok) return validated;
  const scenario = resolveScenario(validated.scenario);
  if (opts.seed !== undefined) scenario.seed = opts.seed;
  if (opts.durationS !== undefined) scenario.durationS = Math.max(1, opts.durationS);
  const t0 = performance.now();
  const sim = new Simulation(scenario);
  sim.runToEnd();
  return { ok: true, outcome: outcome(sim.state), wallMs: performance.now() - t0 };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

function chatLines(o: Outcome): string[] {
  const c = o.chat;
  if (!c) return [];
  const per = c.connections.perServer.map((p) => `${p.server}: ${p.connections}`).join(', ');
  return [
    `chat          ${c.clients} apps, state ${c.state}; open ${c.connections.open}, half-open ${c.connections.halfOpen}, reconnecting ${c.connections.reconnecting} (per server ${per})`,
    `  messages    ${c.messages.sent} sent, ${c.messages.delivered} delivered, ${c.messages.queued} queued (${c.messages.everQueued} ever), ${c.messages.lost} lost, ${c.messages.atSender} at sender`,
    `  reconnects  ${c.reconnects.total} (${c.reconnects.attempts} tries, ${c.reconnects.failedAttempts} failed, peak ${c.reconnects.peakAttemptsPerS}/s); noticed by heartbeat ${c.reconnects.noticedByHeartbeat}, by send ${c.reconnects.noticedBySend}; longest ${c.reconnects.maxReconnectS} s`,
    `  delivery    mean ${c.deliveryMs.mean} ms, p95 ${c.deliveryMs.p95} ms; ${c.pollIntervalS > 0 ? `apps poll every ${c.pollIntervalS} s` : 'pushed over WebSockets'}`,
    `  requests    ${c.requests.total} to servers (${c.requests.perS}/s)${c.requests.polls > 0 ? `; ${c.requests.polls} polls, ${c.requests.emptyPolls} empty, ${c.requests.failedPolls} failed` : ''}`,
  ];
}

function uploadLines(o: Outcome): string[] {
  const u = o.uploads;
  if (!u) return [];
  const per = u.perServer
    .map((p) => `${p.server}: ${p.onDisk} on disk, ${p.converting + p.waiting} to convert`)
    .join('; ');
  const where =
    u.placement === 'server-disk'
      ? `${u.videos.onServerDisks} on server disks (${per})`
      : u.placement === 'object-store'
        ? `${u.videos.inObjectStorage} in object storage`
        : `${u.videos.inStore} in the store, ${u.store.usedMB} of ${u.store.limitMB} MB; ${u.store.sessionsEvicted} sessions evicted`;
  return [
    `uploads       ${u.uploaders} uploaders, files on ${u.placement}, converted on ${u.conversion}`,
    `  videos      ${u.videos.started} started, ${u.videos.uploaded} uploaded, ${u.videos.uploading} uploading, ${u.videos.refused} refused, ${u.videos.abandoned} abandoned, ${u.videos.lost} lost; ${u.videos.resent} tries resent`,
    `  files       ${where}`,
    `  conversions ${u.conversions.done} done, ${u.conversions.running} running, ${u.conversions.waiting} waiting, ${u.conversions.lost} lost`,
    `  reads       ${u.reads.total} checks answered, ${u.reads.notFound} not found (${pct(u.reads.notFoundShare)}), ${u.reads.failed} failed`,
    `  ready       ${u.ready.videos} videos seen ready, mean ${u.ready.meanS} s after the upload began (p95 ${u.ready.p95S} s); ${u.ready.gaveUp} given up`,
  ];
}

export function formatSummary(o: Outcome, wallMs: number): string {
  const lines = [
    `${o.scenario} · ${o.architecture} · seed ${o.seed} · ${o.simulatedS} s simulated in ${wallMs.toFixed(0)} ms`,
    `requests      ${o.requests.total} (${o.requests.ok} ok, ${o.requests.failed} failed)`,
    ...Object.entries(o.failedByReason)
      .filter(([, n]) => n > 0)
      .map(([reason, n]) => `  ${reason.padEnd(18)} ${n}`),
    `sessions      ${o.sessions.created} created, ${o.sessions.lost} lost`,
    `cart items    ${o.cart.itemsAdded} added, ${o.cart.itemsLost} lost`,
    `stale reads   ${o.staleReads}`,
    `checkouts     ${o.checkouts.completed} completed, ${o.checkouts.failed} failed`,
    `latency (ms)  mean ${o.latencyMs.mean}, p50 ${o.latencyMs.p50}, p95 ${o.latencyMs.p95}, p99 ${o.latencyMs.p99}`,
    `bytes/request ${o.bytesPerRequest.mean} (credential ${o.bytesPerRequest.credential} bytes)`,
    `load          max/mean ${o.loadImbalance}`,
    ...o.servers.map(
      (s) =>
        `  server ${String(s.id).padEnd(3)} ${s.status.padEnd(9)} ${String(s.requests).padStart(7)} requests, utilisation ${pct(s.utilization)}, peak ${s.peakSessions} sessions`,
    ),
    ...o.rehomed.map(
      (r) =>
        `rehomed at ${r.atS} s: ${pct(r.fraction)} of ${r.users} sticky users (${r.from} → ${r.to} servers)`,
    ),
    ...chatLines(o),
    ...uploadLines(o),
    `event log hash ${o.eventLogHash} (${o.eventsProcessed} events)`,
  ];
  return `${lines.join('\n')}\n`;
}
