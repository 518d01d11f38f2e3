/**
 * Server slots: the real stack declares every server a scenario will ever run up front
 * (those present at the start and every one an `add-server` brings), so adding one is a
 * runtime change of state rather than a new configuration. Also lists what the lab cannot
 * run, so both the lab and the app can say so.
 */
import type { ResolvedScenario } from '../sim/scenario.ts';

/** Number of server slots the scenario needs (capped so a hostile file stays small). */
export function serverSlots(s: ResolvedScenario): number {
  let n = s.servers.count;
  for (const e of s.timeline) if (e.action === 'add-server') n += e.count;
  return Math.min(n, 16);
}

/** Reasons the lab cannot reproduce this scenario faithfully (empty: it can). */
export function labLimitations(s: ResolvedScenario): string[] {
  const out: string[] = [];
  if (s.architecture === 'session-store' && s.store.kind !== 'redis') {
    out.push(`store.kind "${s.store.kind}": the lab runs Redis only`);
  }
  if (s.store.replicas > 0) out.push('store.replicas: the lab runs one Redis without replicas');
  if (s.chat) out.push('chat: the lab runs the shopping journey only, not the chat workload');
  if (s.servers.autoscale) out.push('servers.autoscale: the lab has no autoscaler');
  if (s.servers.count + s.timeline.filter((e) => e.action === 'add-server').length > 16) {
    out.push('more than 16 servers: the lab runs at most 16 app servers');
  }
  if (s.users.count > 2000) out.push('users.count above 2,000: too many for one load generator');
  const unsupported = new Set([
    'add-store-replica',
    'set-sticky',
    'set-algorithm',
    'deploy',
    'restart-all-servers',
  ]);
  for (const e of s.timeline) {
    if (unsupported.has(e.action))
      out.push(`timeline "${e.action}" at ${e.atS} s is not run by the lab`);
  }
  return out;
}
