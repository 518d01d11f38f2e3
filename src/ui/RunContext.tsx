/**
 * Gives components the run they control (src/app/runController.ts) and the command registry
 * bound to it: `useRun()`, `useRunState(selector)`, `useRunSnapshots()` (every pane's latest
 * snapshot) and `useCommand(id, args)` (label, availability and a `perform` that goes through
 * the registry). The playground, lessons and compare mode each provide one run; the same
 * controls then serve all of them.
 */
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useStore } from 'zustand';
import type { Snapshot } from '../protocol/snapshot.ts';
import type { RunController, RunState } from '../app/runController.ts';
import type { Mode } from '../app/modes.ts';
import {
  availability,
  command,
  perform,
  type ArgList,
  type Availability,
  type CommandHost,
  type CommandId,
  type ViewOperations,
} from '../app/commands.ts';
import { SHOP_VOCABULARY } from '../store/vocabulary.ts';

interface RunContextValue {
  run: RunController;
  mode: Mode;
  view: Partial<ViewOperations>;
}

const RunContext = createContext<RunContextValue | null>(null);

export function RunProvider({
  run,
  mode,
  view = {},
  children,
}: {
  run: RunController;
  mode: Mode;
  view?: Partial<ViewOperations>;
  children: ReactNode;
}) {
  const value = useMemo(() => ({ run, mode, view }), [run, mode, view]);
  return <RunContext.Provider value={value}>{children}</RunContext.Provider>;
}

function useRunContext(): RunContextValue {
  const c = useContext(RunContext);
  if (!c) throw new Error('useRun must be used inside <RunProvider>.');
  return c;
}

export function useRun(): RunController {
  return useRunContext().run;
}

export function useRunMode(): Mode {
  return useRunContext().mode;
}

/** The host commands are performed with: this run and the view operations offered here. */
export function useCommandHost(): CommandHost {
  const { run, view } = useRunContext();
  return useMemo(() => ({ run, view }), [run, view]);
}

export function useRunState<T>(selector: (s: RunState) => T): T {
  return useStore(useRun().state, selector);
}

/** Every pane's snapshot, as one array that changes identity only when one of them changes. */
export function useRunSnapshots(): readonly (Snapshot | null)[] {
  const run = useRun();
  const cache = useRef<(Snapshot | null)[]>([]);
  const read = useCallback((): (Snapshot | null)[] => {
    const next = run.sessions.map((p) => p.store.getState().snapshot);
    const prev = cache.current;
    if (prev.length === next.length && prev.every((s, i) => s === next[i])) return prev;
    cache.current = next;
    return next;
  }, [run]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const stops = run.sessions.map((p) =>
        p.store.subscribe((s, old) => {
          if (s.snapshot !== old.snapshot) onChange();
        }),
      );
      return () => stops.forEach((stop) => stop());
    },
    [run],
  );
  return useSyncExternalStore(subscribe, read);
}

export interface BoundCommand {
  label: string;
  description: string;
  availability: Availability;
  perform(): void;
}

/** A command from the registry, bound to this run, with its label in the run's vocabulary. */
export function useCommand<Id extends CommandId>(id: Id, ...args: ArgList<Id>): BoundCommand {
  const { run, mode } = useRunContext();
  const host = useCommandHost();
  const runState = useRunState((s) => s);
  const snapshots = useRunSnapshots();
  const vocab = useStore(run.sessions[0]!.store, (s) => s.vocabulary) ?? SHOP_VOCABULARY;
  const c = command(id);
  const arg = args[0] as Parameters<typeof c.label>[1];
  return {
    label: c.label(vocab, arg),
    description: c.description,
    availability: availability(id, { run: runState, snapshots, mode }, ...args),
    perform: () => void perform(id, host, ...args),
  };
}
