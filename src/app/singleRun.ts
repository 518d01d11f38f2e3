/**
 * The run controller over one simulation session (playground, lessons, embed). Operations are
 * messages to the session's client; the run's state is read from the session's store, which
 * the session alone writes, and mirrored here only when a field the controls read changes.
 */
import { createStore } from 'zustand/vanilla';
import type { ToSim } from '../protocol/messages.ts';
import type { SimSession, SimStoreState } from '../store/simStore.ts';
import { reconfigure } from './scenarioEdits.ts';
import { plannedCommands, type RunController, type RunState } from './runController.ts';

const NO_NUMBERS: readonly number[] = [];

function runStateOf(s: SimStoreState, prev: RunState | null): RunState {
  const scenario = s.scenario;
  return {
    loaded: s.snapshot !== null,
    playing: s.playing,
    speed: s.speed,
    tMs: s.tMs,
    endMs: s.endMs,
    scenario,
    liveCommands: s.snapshot?.liveCommands ?? prev?.liveCommands ?? [],
    plannedCommands:
      prev && prev.scenario === scenario ? prev.plannedCommands : plannedCommands(scenario),
    checkpointsMs: s.snapshot?.checkpointsMs ?? NO_NUMBERS,
    error: s.error,
    announcement: '',
  };
}

function changed(a: RunState, b: RunState): boolean {
  for (const k of Object.keys(a) as (keyof RunState)[]) if (a[k] !== b[k]) return true;
  return false;
}

export interface SingleRun extends RunController {
  dispose(): void;
}

export function createSingleRun(session: SimSession): SingleRun {
  const state = createStore<RunState>()(() => runStateOf(session.store.getState(), null));
  const stop = session.store.subscribe((s) => {
    const next = runStateOf(s, state.getState());
    if (changed(next, state.getState())) state.setState(next, true);
  });
  // Failures are shown through the store's `error`; callers need not handle them again.
  const send = async (msg: ToSim): Promise<void> => {
    await session.request(msg).then(
      () => undefined,
      () => undefined,
    );
  };

  return {
    kind: 'single',
    state,
    sessions: [session],
    stepHint: 'Pause and process exactly one simulation event',
    play: () => send({ type: 'play' }),
    pause: () => send({ type: 'pause' }),
    step: () => send({ type: 'step' }),
    advance: (ms) => send({ type: 'advance', ms }),
    seek: async (tMs) => session.seek(tMs),
    setSpeed: (speed) => send({ type: 'speed', speed }),
    act: (action) => send({ type: 'act', action }),
    follow(userIdx) {
      session.store.getState().setFollowUser(userIdx);
    },
    async reload(edit) {
      const s = session.store.getState();
      if (!s.scenario) return;
      // A new seed keeps playing or paused as it was; a new architecture or store plays.
      const playing = edit.seed !== undefined ? s.playing : true;
      s.load(reconfigure(s.scenario, s.snapshot, edit), { playing });
    },
    dismissError: () => session.store.getState().dismissError(),
    dispose: stop,
  };
}
