/**
 * Named scenarios, one per lesson topic. `npm run sim -- --list` prints them; the playground,
 * lessons and share links refer to them by name.
 */
import type { Architecture, Scenario, StickyMethod } from './scenario.ts';

export interface Preset {
  title: string;
  scenario: Scenario;
}

const base = { version: 1, seed: 7 } as const;

/** The usual shop crowd of the crash and store presets. */
const CROWD = { count: 300, thinkTimeS: 3 } as const;

/** One preset under its name, which is also the scenario's name. */
function preset(
  name: string,
  title: string,
  scenario: Omit<Scenario, 'version' | 'name'>,
): Record<string, Preset> {
  return { [name]: { title, scenario: { ...base, ...scenario, name } } };
}

/** 400 users on 3 in-memory servers; a fourth joins at 20 s. Only the stickiness differs. */
const scaleOut = (
  name: string,
  title: string,
  loadBalancer: NonNullable<Scenario['loadBalancer']>,
): Record<string, Preset> =>
  preset(name, title, {
    durationS: 60,
    architecture: 'in-memory',
    loadBalancer,
    users: { count: 400, thinkTimeS: 3 },
    timeline: [{ atS: 20, action: 'add-server', count: 1 }],
  });

/** A rolling deploy with 20 s drains at 20 s, on servers with or without sessions in memory. */
const rollingDeploy = (
  name: string,
  title: string,
  architecture: Architecture,
  sticky: StickyMethod,
): Record<string, Preset> =>
  preset(name, title, {
    durationS: 240,
    architecture,
    loadBalancer: { sticky },
    servers: { count: 3, drainTimeoutS: 20 },
    users: CROWD,
    timeline: [{ atS: 20, action: 'deploy', drainS: 20 }],
  });

/** 120 chat apps on 3 servers, no shoppers; server 2 dies at 60 s. */
const chat = (
  name: string,
  title: string,
  where: Pick<Scenario, 'architecture' | 'store'>,
): Record<string, Preset> =>
  preset(name, title, {
    durationS: 180,
    ...where,
    loadBalancer: { algorithm: 'least-connections', sticky: 'none' },
    servers: { count: 3 },
    users: { count: 0 },
    chat: { clients: 120, messageIntervalS: 10 },
    timeline: [{ atS: 60, action: 'kill-server', server: 2 }],
  });

export const PRESETS: Record<string, Preset> = {
  ...preset('playground', 'Three servers, sessions in server memory, cookie stickiness', {
    durationS: 600,
    architecture: 'in-memory',
    loadBalancer: { algorithm: 'round-robin', sticky: 'cookie' },
    users: { count: 120, thinkTimeS: 3 },
  }),
  ...preset('first-crash', 'Sessions in memory; server 2 crashes at 20 s, back at 45 s', {
    durationS: 600,
    architecture: 'in-memory',
    loadBalancer: { algorithm: 'round-robin', sticky: 'cookie', healthCheckS: 2 },
    users: { count: 120, thinkTimeS: 3 },
    timeline: [
      { atS: 20, action: 'kill-server', server: 2 },
      { atS: 45, action: 'restart-server', server: 2 },
    ],
  }),
  ...preset('sticky-crash', 'Sticky sessions in memory, then server 1 crashes at 30 s', {
    durationS: 120,
    architecture: 'in-memory',
    loadBalancer: { algorithm: 'round-robin', sticky: 'cookie', healthCheckS: 2 },
    users: CROWD,
    timeline: [{ atS: 30, action: 'kill-server', server: 1 }],
  }),
  ...preset(
    'no-sticky',
    'Sessions in memory without stickiness: most requests land on a stranger',
    {
      durationS: 60,
      architecture: 'in-memory',
      loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
      users: { count: 150, thinkTimeS: 3 },
    },
  ),
  ...preset(
    'atm-local-ledgers',
    'Each machine keeps its own copy: different machines, different answers',
    {
      durationS: 60,
      architecture: 'in-memory',
      loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
      servers: { count: 3, onMissingSession: 'start-empty' },
      users: { count: 60, thinkTimeS: 2 },
    },
  ),
  ...preset(
    'shared-store',
    'Stateless servers and a Redis session store: kill a server, lose nothing',
    {
      durationS: 120,
      architecture: 'session-store',
      store: { kind: 'redis', replicas: 0 },
      loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
      users: CROWD,
      timeline: [{ atS: 30, action: 'kill-server', server: 1 }],
    },
  ),
  ...preset('store-crash', 'The session store dies with no replica: everyone is logged out', {
    durationS: 90,
    architecture: 'session-store',
    store: { kind: 'redis', replicas: 0 },
    loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
    users: CROWD,
    timeline: [
      { atS: 30, action: 'kill-store' },
      { atS: 40, action: 'restart-store' },
    ],
  }),
  ...preset('store-failover', 'The session store dies but a replica takes over', {
    durationS: 90,
    architecture: 'session-store',
    store: { kind: 'redis', replicas: 1, failoverS: 2, replicationLagMs: 100 },
    loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
    users: CROWD,
    timeline: [{ atS: 30, action: 'kill-store' }],
  }),
  ...preset('jwt', 'Tokens instead of sessions: bigger requests, no session lookup', {
    durationS: 120,
    architecture: 'jwt',
    loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
    users: CROWD,
    timeline: [{ atS: 30, action: 'kill-server', server: 1 }],
  }),
  ...scaleOut(
    'scale-out-hash',
    'Hash-mod-N stickiness, 3 → 4 servers: about three users in four move',
    { sticky: 'hash-mod-n' },
  ),
  ...scaleOut(
    'scale-out-consistent',
    'Consistent hashing, 3 → 4 servers: about one user in four moves',
    { sticky: 'consistent-hash', virtualNodes: 100 },
  ),
  ...scaleOut(
    'scale-out-cookie',
    'Cookie stickiness, 3 → 4 servers: nobody moves, but the new server starts empty',
    { sticky: 'cookie' },
  ),
  ...preset(
    'nat-hotspot',
    'IP-hash stickiness with users behind shared addresses and heavy users',
    {
      durationS: 120,
      architecture: 'in-memory',
      loadBalancer: { sticky: 'ip-hash' },
      users: { count: 300, thinkTimeS: 3, heavyShare: 0.05, sharedIpGroups: 2, sharedIpShare: 0.4 },
    },
  ),
  ...preset('black-friday', 'Traffic jumps tenfold; stateless servers autoscale from 2 to 20', {
    durationS: 300,
    architecture: 'session-store',
    store: { kind: 'redis', replicas: 1 },
    loadBalancer: { algorithm: 'least-connections', sticky: 'none' },
    servers: {
      count: 2,
      workers: 4,
      serviceTimeMs: 40,
      bootS: 20,
      autoscale: { targetUtilization: 0.6, min: 2, max: 20, intervalS: 10 },
    },
    users: { count: 200, thinkTimeS: 3 },
    timeline: [
      { atS: 60, action: 'set-users', count: 2000 },
      { atS: 240, action: 'set-users', count: 200 },
    ],
  }),
  ...rollingDeploy(
    'rolling-deploy-stateful',
    'Rolling deploy of servers that hold sessions in memory',
    'in-memory',
    'cookie',
  ),
  ...rollingDeploy(
    'rolling-deploy-stateless',
    'Rolling deploy of stateless servers with a session store',
    'session-store',
    'none',
  ),
  ...preset('large-crowd', 'Ten minutes, ten thousand users: the speed benchmark', {
    durationS: 600,
    architecture: 'session-store',
    loadBalancer: { algorithm: 'least-connections', sticky: 'none' },
    servers: { count: 40, workers: 8 },
    users: { count: 10_000, thinkTimeS: 3 },
  }),
  ...chat(
    'chat-server-memory',
    'Chat: connections pinned to servers, presence only in server memory; server 2 dies at 60 s',
    { architecture: 'in-memory' },
  ),
  ...chat(
    'chat-shared-store',
    'Chat: presence and message queues in Redis; server 2 dies at 60 s, nothing is lost',
    { architecture: 'session-store', store: { kind: 'redis', replicas: 1 } },
  ),
};

export const PRESET_NAMES = Object.keys(PRESETS);

export function presetScenario(name: string): Scenario | null {
  return Object.hasOwn(PRESETS, name) ? structuredClone(PRESETS[name]!.scenario) : null;
}
