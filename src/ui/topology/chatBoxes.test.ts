/**
 * In a chat run the boxes count what a chat service holds: the apps and their open
 * connections, one server each, in either design; the shop's users and sessions are not there.
 */
import { describe, expect, it } from 'vitest';
import { Simulation, presetScenario } from '../../sim/index.ts';
import { buildSnapshot } from '../../worker/buildSnapshot.ts';
import { SKINS } from '../../lessons/skins.ts';
import {
  buildNodes,
  namedShown,
  type DbNodeT,
  type ServerNodeT,
  type StoreNodeT,
  type UsersNodeT,
} from './graph.ts';
import { chatStoreWords } from './words.ts';
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

describe('the chat store box', () => {
  it('with presence and queues in the store: everyone online, then messages waiting after a crash', () => {
    const { s, nodes } = chatNodes('chat-shared-store', 10_000);
    const store = nodes.find((n): n is StoreNodeT => n.type === 'store')!;
    expect(store.data.chat).toBe('kept');
    expect(store.data.chipSlots).toBe(0);
    expect(store.data.online).toBe(s.outcome.chat!.clients);
    expect(store.data.online).toBeGreaterThan(0);
    expect(store.data.queued).toBe(0);
    const words = chatStoreWords({ ...store.data, chat: 'kept' }, SKINS.chat);
    expect(words.figures).toBe(`${store.data.online} online · 0 queued`);

    // Server 2 dies at 60 s; its apps notice within 45 s and reconnect. Some time in between,
    // messages for them wait in the store, and the box counts exactly what waits.
    let waited = false;
    for (let t = 62_000; t <= 110_000 && !waited; t += 1_000) {
      const later = chatNodes('chat-shared-store', t);
      const box = later.nodes.find((n): n is StoreNodeT => n.type === 'store')!;
      expect(box.data.queued).toBe(later.s.outcome.chat!.messages.queued);
      if (box.data.queued > 0) {
        waited = true;
        const w = chatStoreWords({ ...box.data, chat: 'kept' }, SKINS.chat);
        expect(w.figures).toBe(`${box.data.online} online · ${box.data.queued} queued`);
        expect(w.line).toMatch(/wait for \d+ apps? to reconnect/);
      }
    }
    expect(waited).toBe(true);
  });

  it('with presence in server memory: pub/sub only, nothing kept', () => {
    const { nodes } = chatNodes('chat-server-memory', 10_000);
    const store = nodes.find((n): n is StoreNodeT => n.type === 'store')!;
    expect(store.data.chat).toBe('relay');
    expect(store.data.online).toBe(0);
    expect(chatStoreWords({ ...store.data, chat: 'relay' }, SKINS.chat).figures).toBe(
      'Pub/sub only',
    );
  });

  it('with polling: no presence, the messages waiting for the next poll', () => {
    const scenario = {
      ...presetScenario('chat-shared-store')!,
      chat: { clients: 60, messageIntervalS: 2, pollIntervalS: 4 },
    };
    const sim = Simulation.fromScenario(scenario);
    sim.runUntil(20_000);
    const s = buildSnapshot(sim.state, [], []);
    expect(s.store.chat!.polling).toBe(true);
    expect(s.store.chat!.online).toBe(0);
    expect(s.store.chat!.queued).toBeGreaterThan(0);
    const words = chatStoreWords(
      { chat: 'polled', online: 0, queued: s.store.chat!.queued, waitingApps: 0 },
      SKINS.chat,
    );
    expect(words.figures).toBe(`${s.store.chat!.queued} queued`);
    expect(words.line).toBe("Messages wait for each app's next poll");
  });

  it('a chat run with tokens puts no carts in the database', () => {
    const scenario = {
      ...presetScenario('chat-shared-store')!,
      architecture: 'jwt' as const,
      chat: { clients: 20, pollIntervalS: 3 },
    };
    const sim = Simulation.fromScenario(scenario);
    sim.runUntil(5_000);
    const s = buildSnapshot(sim.state, [], []);
    const layout = computeLayout({
      serverIds: s.servers.map((x) => x.id),
      storePresent: s.store.present,
      serverChips: false,
      namedShown: namedShown(s),
    });
    const nodes = buildNodes({ snapshot: s, layout, follow: null, inspected: null });
    const db = nodes.find((n): n is DbNodeT => n.type === 'db')!;
    expect(db.data.architecture).toBe('jwt');
    expect(db.data.chat).toBe(true);
  });

  it('a shop run has no chat figures on the store', () => {
    const sim = Simulation.fromScenario(presetScenario('shared-store')!);
    sim.runUntil(5_000);
    const s = buildSnapshot(sim.state, [], []);
    expect(s.store.chat).toBeNull();
  });
});
