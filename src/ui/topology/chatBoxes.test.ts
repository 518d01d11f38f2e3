/**
 * In a chat run the boxes count what a chat service holds: the apps and their open
 * connections, one server each, in either design; the shop's users and sessions are not there.
 */
import { describe, expect, it } from 'vitest';
import { Simulation, presetScenario } from '../../sim/index.ts';
import { buildSnapshot } from '../../worker/buildSnapshot.ts';
import { buildNodes, namedShown, type ServerNodeT, type UsersNodeT } from './graph.ts';
import { computeLayout } from './layout.ts';

function chatNodes(preset: string, ms: number) {
  const sim = Simulation.fromScenario(presetScenario(preset)!);
  sim.runUntil(ms);
  const s = buildSnapshot(sim.state, [], []);
  const layout = computeLayout({
    serverIds: s.servers.map((x) => x.id),
    storePresent: s.store.present,
    serverChips: s.architecture === 'in-memory',
    namedShown: namedShown(s),
  });
  const nodes = buildNodes({ snapshot: s, layout, follow: null, inspected: null });
  return { s, nodes };
}

describe.each(['chat-server-memory', 'chat-shared-store'])('%s boxes', (preset) => {
  it('count apps and the connections each server holds', () => {
    const { s, nodes } = chatNodes(preset, 10_000);
    const chat = s.outcome.chat!;
    const users = nodes.find((n): n is UsersNodeT => n.type === 'users')!;
    expect(users.data.crowd).toBe(chat.clients);
    expect(users.data.loggedIn).toBe(chat.connections.open);
    const servers = nodes.filter((n): n is ServerNodeT => n.type === 'server');
    expect(servers.length).toBeGreaterThan(0);
    let total = 0;
    for (const n of servers) {
      expect(n.data.holdsSessions).toBe(true);
      expect(n.data.chipSlots).toBe(0);
      // A chat server relays messages: no request count or worker load is shown for it.
      expect(n.data.chat).toBe(true);
      total += n.data.sessionCount;
    }
    expect(total).toBe(chat.connections.open);
    expect(total).toBeGreaterThan(0);
  });
});
