/**
 * The zustand (vanilla) store of one session: the mirror of the simulation's latest snapshot
 * plus view-only state (followed user, vocabulary, locks, spotlight). Its only run operation
 * is `load`, which it hands to `send`; everything else about the run goes through the run
 * controller (src/app).
 */
import { createStore } from 'zustand/vanilla';
import type { ToSim } from '../protocol/messages.ts';
import type { ClientKind } from '../client/SimClient.ts';
import { DEFAULT_SPEED } from '../protocol/speed.ts';
import type { HopBuffer } from './hopBuffer.ts';
import { SHOP_VOCABULARY } from './vocabulary.ts';
import type { SimStore, SimStoreState } from './simStore.ts';

export function createViewStore(
  clientKind: ClientKind,
  hops: HopBuffer,
  send: (msg: ToSim) => void,
): SimStore {
  return createStore<SimStoreState>()((set, get) => ({
    clientKind,
    ready: false,
    error: null,
    notice: null,
    replay: null,
    scenario: null,
    tMs: 0,
    endMs: 0,
    playing: false,
    speed: DEFAULT_SPEED,
    snapshot: null,
    log: [],
    frames: 0,
    followUser: null,
    vocabulary: SHOP_VOCABULARY,
    locked: [],
    spotlight: [],
    actionsHeld: null,
    load(scenario, opts = {}) {
      set({ scenario, log: [], error: null });
      hops.clear();
      send({ type: 'load', scenario, ...opts, speed: opts.speed ?? get().speed });
    },
    setFollowUser: (followUser) => set({ followUser }),
    setVocabulary: (vocabulary) => set({ vocabulary }),
    setLocked: (locked) => set({ locked }),
    setSpotlight: (spotlight) => set({ spotlight }),
    setActionsHeld: (actionsHeld) => set({ actionsHeld }),
    dismissError: () => set({ error: null }),
  }));
}
