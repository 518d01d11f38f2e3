/**
 * Named scenarios, one per lesson topic. `npm run sim -- --list` prints them; the playground,
 * lessons and share links refer to them by name.
 */
import type { Scenario } from './scenario.ts';

export interface Preset {
  title: string;
  scenario: Scenario;
}

const base = { version: 1, seed: 7 } as const;

export const PRESETS: Record<string, Preset> = {
  playground: {
    title: 'Three servers, sessions in server memory, cookie stickiness',
    scenario: {
      ...base,
      name: 'playground',
      durationS: 600,
      architecture: 'in-memory',
      loadBalancer: { algorithm: 'round-robin', sticky: 'cookie' },
      users: { count: 120, thinkTimeS: 3 },
    },
  },
  'first-crash': {
    title: 'Sessions in memory; server 2 crashes at 20 s, back at 45 s',
    scenario: {
      ...base,
      name: 'first-crash',
      durationS: 600,
      architecture: 'in-memory',
      loadBalancer: { algorithm: 'round-robin', sticky: 'cookie', healthCheckS: 2 },
      users: { count: 120, thinkTimeS: 3 },
      timeline: [
        { atS: 20, action: 'kill-server', server: 2 },
        { atS: 45, action: 'restart-server', server: 2 },
      ],
    },
  },
  'sticky-crash': {
    title: 'Sticky sessions in memory, then server 1 crashes at 30 s',
    scenario: {
      ...base,
      name: 'sticky-crash',
      durationS: 120,
      architecture: 'in-memory',
      loadBalancer: { algorithm: 'round-robin', sticky: 'cookie', healthCheckS: 2 },
      users: { count: 300, thinkTimeS: 3 },
      timeline: [{ atS: 30, action: 'kill-server', server: 1 }],
    },
  },
  'no-sticky': {
    title: 'Sessions in memory without stickiness: most requests land on a stranger',
    scenario: {
      ...base,
      name: 'no-sticky',
      durationS: 60,
      architecture: 'in-memory',
      loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
      users: { count: 150, thinkTimeS: 3 },
    },
  },
  'atm-local-ledgers': {
    title: 'Each machine keeps its own copy: different machines, different answers',
    scenario: {
      ...base,
      name: 'atm-local-ledgers',
      durationS: 60,
      architecture: 'in-memory',
      loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
      servers: { count: 3, onMissingSession: 'start-empty' },
      users: { count: 60, thinkTimeS: 2 },
    },
  },
  'shared-store': {
    title: 'Stateless servers and a Redis session store: kill a server, lose nothing',
    scenario: {
      ...base,
      name: 'shared-store',
      durationS: 120,
      architecture: 'session-store',
      store: { kind: 'redis', replicas: 0 },
      loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
      users: { count: 300, thinkTimeS: 3 },
      timeline: [{ atS: 30, action: 'kill-server', server: 1 }],
    },
  },
  'store-crash': {
    title: 'The session store dies with no replica: everyone is logged out',
    scenario: {
      ...base,
      name: 'store-crash',
      durationS: 90,
      architecture: 'session-store',
      store: { kind: 'redis', replicas: 0 },
      loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
      users: { count: 300, thinkTimeS: 3 },
      timeline: [
        { atS: 30, action: 'kill-store' },
        { atS: 40, action: 'restart-store' },
      ],
    },
  },
  'store-failover': {
    title: 'The session store dies but a replica takes over',
    scenario: {
      ...base,
      name: 'store-failover',
      durationS: 90,
      architecture: 'session-store',
      store: { kind: 'redis', replicas: 1, failoverS: 2, replicationLagMs: 100 },
      loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
      users: { count: 300, thinkTimeS: 3 },
      timeline: [{ atS: 30, action: 'kill-store' }],
    },
  },
  jwt: {
    title: 'Tokens instead of sessions: bigger requests, no session lookup',
    scenario: {
      ...base,
      name: 'jwt',
      durationS: 120,
      architecture: 'jwt',
      loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
      users: { count: 300, thinkTimeS: 3 },
      timeline: [{ atS: 30, action: 'kill-server', server: 1 }],
    },
  },
  'scale-out-hash': {
    title: 'Hash-mod-N stickiness, 3 → 4 servers: about three users in four move',
    scenario: {
      ...base,
      name: 'scale-out-hash',
      durationS: 60,
      architecture: 'in-memory',
      loadBalancer: { sticky: 'hash-mod-n' },
      users: { count: 400, thinkTimeS: 3 },
      timeline: [{ atS: 20, action: 'add-server', count: 1 }],
    },
  },
  'scale-out-consistent': {
    title: 'Consistent hashing, 3 → 4 servers: about one user in four moves',
    scenario: {
      ...base,
      name: 'scale-out-consistent',
      durationS: 60,
      architecture: 'in-memory',
      loadBalancer: { sticky: 'consistent-hash', virtualNodes: 100 },
      users: { count: 400, thinkTimeS: 3 },
      timeline: [{ atS: 20, action: 'add-server', count: 1 }],
    },
  },
  'scale-out-cookie': {
    title: 'Cookie stickiness, 3 → 4 servers: nobody moves, but the new server starts empty',
    scenario: {
      ...base,
      name: 'scale-out-cookie',
      durationS: 60,
      architecture: 'in-memory',
      loadBalancer: { sticky: 'cookie' },
      users: { count: 400, thinkTimeS: 3 },
      timeline: [{ atS: 20, action: 'add-server', count: 1 }],
    },
  },
  'nat-hotspot': {
    title: 'IP-hash stickiness with users behind shared addresses and heavy users',
    scenario: {
      ...base,
      name: 'nat-hotspot',
      durationS: 120,
      architecture: 'in-memory',
      loadBalancer: { sticky: 'ip-hash' },
      users: { count: 300, thinkTimeS: 3, heavyShare: 0.05, sharedIpGroups: 2, sharedIpShare: 0.4 },
    },
  },
  'black-friday': {
    title: 'Traffic jumps tenfold; stateless servers autoscale from 2 to 20',
    scenario: {
      ...base,
      name: 'black-friday',
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
    },
  },
  'rolling-deploy-stateful': {
    title: 'Rolling deploy of servers that hold sessions in memory',
    scenario: {
      ...base,
      name: 'rolling-deploy-stateful',
      durationS: 240,
      architecture: 'in-memory',
      loadBalancer: { sticky: 'cookie' },
      servers: { count: 3, drainTimeoutS: 20 },
      users: { count: 300, thinkTimeS: 3 },
      timeline: [{ atS: 20, action: 'deploy', drainS: 20 }],
    },
  },
  'rolling-deploy-stateless': {
    title: 'Rolling deploy of stateless servers with a session store',
    scenario: {
      ...base,
      name: 'rolling-deploy-stateless',
      durationS: 240,
      architecture: 'session-store',
      loadBalancer: { sticky: 'none' },
      servers: { count: 3, drainTimeoutS: 20 },
      users: { count: 300, thinkTimeS: 3 },
      timeline: [{ atS: 20, action: 'deploy', drainS: 20 }],
    },
  },
  'large-crowd': {
    title: 'Ten minutes, ten thousand users: the speed benchmark',
    scenario: {
      ...base,
      name: 'large-crowd',
      durationS: 600,
      architecture: 'session-store',
      loadBalancer: { algorithm: 'least-connections', sticky: 'none' },
      servers: { count: 40, workers: 8 },
      users: { count: 10_000, thinkTimeS: 3 },
    },
  },
  'chat-server-memory': {
    title:
      'Chat: connections pinned to servers, presence only in server memory; server 2 dies at 60 s',
    scenario: {
      ...base,
      name: 'chat-server-memory',
      durationS: 180,
      architecture: 'in-memory',
      loadBalancer: { algorithm: 'least-connections', sticky: 'none' },
      servers: { count: 3 },
      users: { count: 0 },
      chat: { clients: 120, messageIntervalS: 10 },
      timeline: [{ atS: 60, action: 'kill-server', server: 2 }],
    },
  },
  'chat-shared-store': {
    title: 'Chat: presence and message queues in Redis; server 2 dies at 60 s, nothing is lost',
    scenario: {
      ...base,
      name: 'chat-shared-store',
      durationS: 180,
      architecture: 'session-store',
      store: { kind: 'redis', replicas: 1 },
      loadBalancer: { algorithm: 'least-connections', sticky: 'none' },
      servers: { count: 3 },
      users: { count: 0 },
      chat: { clients: 120, messageIntervalS: 10 },
      timeline: [{ atS: 60, action: 'kill-server', server: 2 }],
    },
  },
};

export const PRESET_NAMES = Object.keys(PRESETS);

export function presetScenario(name: string): Scenario | null {
  return Object.hasOwn(PRESETS, name) ? structuredClone(PRESETS[name]!.scenario) : null;
}
