/**
 * The one gate every scenario passes through, from a file, a URL or a preset: a schema that
 * accepts version 1 of the format and rejects anything else with a message naming the field
 * and what it may be. Numbers are bounded (see LIMITS) so no input can hang the engine.
 */
import * as v from 'valibot';
import {
  ACTION_NAMES,
  ALGORITHMS,
  DEFAULTS,
  ARCHITECTURES,
  CHAT_DEFAULTS,
  CHAT_STATE_PLACEMENTS,
  LIMITS,
  MISSING_SESSION_POLICIES,
  SERVICE_DISTRIBUTIONS,
  STICKY_METHODS,
  STORE_KINDS,
  STORE_PERSISTENCE,
  UPLOAD_CONVERSIONS,
  UPLOAD_PLACEMENTS,
  type Action,
  type Scenario,
} from './scenario.ts';

/** Largest scenario file accepted, in bytes of text. */
export const MAX_SCENARIO_BYTES = 256 * 1024;

const oneOf = <const T extends readonly [string, ...string[]]>(options: T) =>
  v.picklist(options, `must be one of: ${options.join(', ')}`);

const int = (min: number, max: number) =>
  v.pipe(
    v.number('must be a number'),
    v.integer(`must be a whole number from ${min} to ${max}`),
    v.minValue(min, `must be a whole number from ${min} to ${max}`),
    v.maxValue(max, `must be a whole number from ${min} to ${max}`),
  );

const num = (min: number, max: number) =>
  v.pipe(
    v.number('must be a number'),
    v.finite('must be a finite number'),
    v.minValue(min, `must be a number from ${min} to ${max}`),
    v.maxValue(max, `must be a number from ${min} to ${max}`),
  );

const text = (max: number) =>
  v.pipe(v.string('must be text'), v.maxLength(max, `must be at most ${max} characters`));

const serverRef = int(1, LIMITS.servers);

/**
 * Most requests per second one user may send on average. Any scenario may be scaled to
 * LIMITS.users by a live `set-users`, so this bounds the whole run's load: 50,000 users at
 * 2 requests a second is about 100,000 requests per simulated second, which the engine runs
 * in about a second of wall time. Faster "users" would let one file or link stall the page.
 */
export const MAX_REQUESTS_PER_USER_PER_S = 2;
const THINK_DEFAULT_S = DEFAULTS.users.thinkTimeS;
const HEAVY_FACTOR_DEFAULT = DEFAULTS.users.heavyFactor;

const atS = num(0, LIMITS.durationS);

const timelineEntry = v.variant(
  'action',
  [
    v.strictObject({ atS, action: v.literal('kill-server'), server: serverRef }),
    v.strictObject({ atS, action: v.literal('restart-server'), server: serverRef }),
    v.strictObject({ atS, action: v.literal('restart-all-servers') }),
    v.strictObject({ atS, action: v.literal('add-server'), count: int(1, LIMITS.servers) }),
    v.strictObject({ atS, action: v.literal('remove-server'), server: v.optional(serverRef) }),
    v.strictObject({ atS, action: v.literal('kill-store') }),
    v.strictObject({ atS, action: v.literal('restart-store') }),
    v.strictObject({ atS, action: v.literal('add-store-replica') }),
    v.strictObject({ atS, action: v.literal('set-sticky'), sticky: oneOf(STICKY_METHODS) }),
    v.strictObject({ atS, action: v.literal('set-algorithm'), algorithm: oneOf(ALGORITHMS) }),
    v.strictObject({ atS, action: v.literal('set-users'), count: int(0, LIMITS.users) }),
    v.strictObject({ atS, action: v.literal('deploy'), drainS: v.optional(num(0, 600)) }),
  ],
  `has an unknown action; allowed: ${ACTION_NAMES.join(', ')}`,
);

const ScenarioFields = v.strictObject(
  {
    version: v.literal(1, 'must be 1 (the only scenario format version)'),
    name: v.optional(text(80)),
    description: v.optional(text(2000)),
    seed: v.optional(int(0, LIMITS.seed)),
    durationS: v.optional(num(1, LIMITS.durationS)),
    architecture: v.optional(oneOf(ARCHITECTURES)),
    store: v.optional(
      v.pipe(
        v.strictObject({
          kind: v.optional(oneOf(STORE_KINDS)),
          replicas: v.optional(int(0, LIMITS.replicas)),
          ttlS: v.optional(num(1, 86_400)),
          persistence: v.optional(oneOf(STORE_PERSISTENCE)),
          failoverS: v.optional(num(0, 600)),
          replicationLagMs: v.optional(num(0, 60_000)),
        }),
        // Memcached has neither replication nor persistence: a file may not ask for them.
        v.forward(
          v.check(
            (st) => (st.kind ?? DEFAULTS.store.kind) !== 'memcached' || (st.replicas ?? 0) === 0,
            'must be 0: Memcached has no replication',
          ),
          ['replicas'],
        ),
        v.forward(
          v.check(
            (st) =>
              (st.kind ?? DEFAULTS.store.kind) !== 'memcached' ||
              (st.persistence ?? 'none') === 'none',
            'must be none: Memcached keeps data in memory only (no append-only file)',
          ),
          ['persistence'],
        ),
      ),
    ),
    loadBalancer: v.optional(
      v.strictObject({
        algorithm: v.optional(oneOf(ALGORITHMS)),
        sticky: v.optional(oneOf(STICKY_METHODS)),
        healthCheckS: v.optional(num(0.1, 600)),
        fall: v.optional(int(1, 100)),
        rise: v.optional(int(1, 100)),
        retries: v.optional(int(0, LIMITS.servers)),
        cookieMaxAgeS: v.optional(num(0, 86_400 * 365)),
        virtualNodes: v.optional(int(1, 1000)),
      }),
    ),
    servers: v.optional(
      v.strictObject({
        count: v.optional(int(0, LIMITS.servers)),
        workers: v.optional(int(1, LIMITS.workers)),
        serviceTimeMs: v.optional(num(0.01, 60_000)),
        serviceTimeDistribution: v.optional(oneOf(SERVICE_DISTRIBUTIONS)),
        queueLimit: v.optional(int(0, LIMITS.queueLimit)),
        bootS: v.optional(num(0, 3600)),
        drainTimeoutS: v.optional(num(0, 3600)),
        onMissingSession: v.optional(oneOf(MISSING_SESSION_POLICIES)),
        autoscale: v.optional(
          v.pipe(
            v.strictObject({
              targetUtilization: num(0.05, 1),
              min: int(1, LIMITS.servers),
              max: int(1, LIMITS.servers),
              intervalS: num(1, 3600),
              scaleDownStabilizationS: v.optional(num(0, 3600)),
              tolerance: v.optional(num(0, 0.5)),
            }),
            v.check((a) => a.min <= a.max, 'min must not be larger than max'),
          ),
        ),
      }),
    ),
    users: v.optional(
      v.pipe(
        v.strictObject({
          count: v.optional(int(0, LIMITS.users)),
          thinkTimeS: v.optional(num(0.5, 3600)),
          heavyShare: v.optional(num(0, 1)),
          heavyFactor: v.optional(num(1, 1000)),
          sharedIpGroups: v.optional(int(0, 1000)),
          sharedIpShare: v.optional(num(0, 1)),
        }),
        v.check((u) => {
          const think = u.thinkTimeS ?? THINK_DEFAULT_S;
          const share = u.heavyShare ?? 0;
          const perUserPerS = (1 - share + share * (u.heavyFactor ?? HEAVY_FACTOR_DEFAULT)) / think;
          return perUserPerS <= MAX_REQUESTS_PER_USER_PER_S;
        }, `users would send more than ${MAX_REQUESTS_PER_USER_PER_S} requests a second each on average; raise thinkTimeS or lower heavyShare or heavyFactor`),
      ),
    ),
    network: v.optional(
      v.strictObject({
        clientLatencyMs: v.optional(num(0, 10_000)),
        lbLatencyMs: v.optional(num(0, 1000)),
      }),
    ),
    jwt: v.optional(
      v.strictObject({
        tokenBytes: v.optional(int(16, 16_384)),
        verifyMs: v.optional(num(0, 1000)),
      }),
    ),
    chat: v.optional(
      v.pipe(
        v.strictObject({
          clients: v.optional(int(1, LIMITS.users)),
          messageIntervalS: v.optional(num(0.5, 3600)),
          state: v.optional(oneOf(CHAT_STATE_PLACEMENTS)),
          heartbeatS: v.optional(num(1, 3600)),
          heartbeatTimeoutS: v.optional(num(0.5, 3600)),
          ackTimeoutS: v.optional(num(0.5, 600)),
          backoffBaseS: v.optional(num(0.05, 600)),
          backoffMaxS: v.optional(num(0.05, 3600)),
          jitter: v.optional(num(0, 1)),
          pollIntervalS: v.optional(num(0, 600)),
        }),
        v.check(
          (c) => c.pollIntervalS === undefined || c.pollIntervalS === 0 || c.pollIntervalS >= 0.5,
          'pollIntervalS must be 0 (messages pushed over a WebSocket) or at least 0.5 seconds',
        ),
        v.check(
          (c) => !(c.pollIntervalS && c.pollIntervalS > 0 && c.state === 'server-memory'),
          'pollIntervalS needs state "shared-store": any server may answer a poll, so messages must wait in the shared store',
        ),
        v.check(
          (c) =>
            (c.backoffBaseS ?? CHAT_DEFAULTS.backoffBaseS) <=
            (c.backoffMaxS ?? CHAT_DEFAULTS.backoffMaxS),
          'backoffBaseS must not be larger than backoffMaxS',
        ),
      ),
    ),
    uploads: v.optional(
      v.pipe(
        v.strictObject({
          uploaders: v.optional(int(1, LIMITS.uploaders)),
          uploadIntervalS: v.optional(num(5, 86_400)),
          videoMB: v.optional(num(0.1, 10_000)),
          uploadMbps: v.optional(num(0.1, 100_000)),
          conversionS: v.optional(num(0.1, 3600)),
          placement: v.optional(oneOf(UPLOAD_PLACEMENTS)),
          conversion: v.optional(oneOf(UPLOAD_CONVERSIONS)),
          checkIntervalS: v.optional(num(0.5, 600)),
          patienceS: v.optional(num(1, LIMITS.durationS)),
          functionConcurrency: v.optional(int(1, 100_000)),
          storeMemoryMB: v.optional(num(1, 1_000_000)),
        }),
        v.check(
          (u) => u.conversion !== 'functions' || u.placement === 'object-store',
          'conversion "functions" needs placement "object-store": the object store\'s upload event is what starts each function',
        ),
      ),
    ),
    timeline: v.optional(
      v.pipe(
        v.array(timelineEntry, 'must be a list of timed actions'),
        v.maxLength(LIMITS.timelineEntries, `must have at most ${LIMITS.timelineEntries} entries`),
      ),
    ),
  },
  'must be a JSON object with known scenario fields',
);

export const ScenarioSchema = v.pipe(
  ScenarioFields,
  // Videos kept "with the rest of the session" need the sessions in a store with a memory
  // limit to fill: Redis (DynamoDB, for one, refuses items over 400 KB).
  v.forward(
    v.check(
      (s) =>
        s.uploads?.placement !== 'session-store' ||
        ((s.architecture ?? DEFAULTS.architecture) === 'session-store' &&
          (s.store?.kind ?? DEFAULTS.store.kind) === 'redis'),
      'placement "session-store" needs architecture "session-store" with store.kind "redis"',
    ),
    ['uploads', 'placement'],
  ),
);

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/**
 * A field path as shown in a message. Paths come from the file, so an unknown key may be
 * empty, huge or full of punctuation: anything but a plain dotted name is quoted and cut short.
 */
function fieldName(path: string | null): string | null {
  if (path === null || /^[A-Za-z0-9_$.]{1,80}$/.test(path)) return path;
  const clipped = path.length > 40 ? `${path.slice(0, 40)}…` : path;
  return JSON.stringify(clipped);
}

function describe(issue: v.BaseIssue<unknown>): string {
  const path = fieldName(v.getDotPath(issue));
  if (issue.input === undefined && issue.message.startsWith('Invalid key')) {
    return `${path ?? 'scenario'}: is required`;
  }
  if (issue.type === 'strict_object' && issue.input !== undefined && issue.path) {
    // An unexpected key: valibot reports its path; name the key itself.
    return `${path ?? '(top level)'}: is not a known field`;
  }
  return `${path ?? 'scenario'}: ${issue.message}`;
}

/** Validates a parsed value. Never throws. */
export function validateScenario(input: unknown): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: ['scenario: must be a JSON object with "version": 1'] };
  }
  let result;
  try {
    result = v.safeParse(ScenarioSchema, input, { abortPipeEarly: true });
  } catch {
    return { ok: false, errors: ['scenario: could not be read'] };
  }
  if (result.success) return { ok: true, scenario: result.output as Scenario };
  const errors = [...new Set(result.issues.map(describe))].slice(0, 10);
  return { ok: false, errors };
}

/** Parses and validates scenario JSON text (at most MAX_SCENARIO_BYTES). Never throws. */
export function parseScenarioJson(textIn: string): ValidationResult {
  if (textIn.length > MAX_SCENARIO_BYTES) {
    return { ok: false, errors: [`file: is larger than ${MAX_SCENARIO_BYTES / 1024} KB`] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(textIn);
  } catch (e) {
    return { ok: false, errors: [`file: is not valid JSON (${(e as Error).message})`] };
  }
  return validateScenario(parsed);
}

/** Validates one live command (as it arrives over the wire or from a URL). */
export function validateAction(input: unknown): Action | null {
  const withTime =
    input && typeof input === 'object' && !Array.isArray(input) ? { atS: 0, ...input } : input;
  const result = v.safeParse(timelineEntry, withTime);
  if (!result.success) return null;
  const { atS: _atS, ...action } = result.output;
  return action as Action;
}
