/**
 * The command registry: everything a learner can do, defined once. Buttons, the keyboard
 * handler, the shortcuts dialog, lesson step buttons, timeline marks, share links, the embed
 * bridge and the test hook all look a command up here by id; none of them spells a label, a
 * key or a route of its own.
 *
 * Two tables:
 * - ACTIONS: one row per simulation action (src/sim `Action`): the name of its argument on the
 *   wire (share links), how a timeline mark writes it, and the sentence said when it happened.
 *   Typed as a complete record, so a new action does not compile until it has its row.
 * - COMMANDS: what the view offers: id, label in the skin's vocabulary, description, icon,
 *   keys, the modes that offer it, `enabled(view)` with the reason when it is not, and
 *   `perform(host, args)`, which reaches the run through the RunController only.
 */
import {
  LIMITS,
  type Action,
  type ActionName,
  type Algorithm,
  type Architecture,
  type StickyMethod,
  type StoreKind,
} from '../sim/index.ts';
import type { Snapshot } from '../protocol/snapshot.ts';
import { SHOP_VOCABULARY, type Vocabulary } from '../store/vocabulary.ts';
import type { Mode } from './modes.ts';
import type { RunController, RunState } from './runController.ts';

// ------------------------------------------------------------------ simulation actions

type ActionOf<K extends ActionName> = Extract<Action, { action: K }>;

interface ActionInfo<A extends Action> {
  /** The one argument's field name, for the compact form in share links (none: no argument). */
  arg: Exclude<keyof A, 'action'> | null;
  /** How a timeline mark writes it: "kill-server 2", "set-users 1200". */
  mark(a: A): string;
  /** What happened, as a sentence start: "Server 2 killed". */
  done(a: A): string;
}

export const ACTIONS: { [K in ActionName]: ActionInfo<ActionOf<K>> } = {
  'kill-server': {
    arg: 'server',
    mark: (a) => `kill-server ${a.server}`,
    done: (a) => `Server ${a.server} killed`,
  },
  'restart-server': {
    arg: 'server',
    mark: (a) => `restart-server ${a.server}`,
    done: (a) => `Server ${a.server} restarting`,
  },
  'restart-all-servers': {
    arg: null,
    mark: () => 'restart-all-servers',
    done: () => 'Every down server restarting',
  },
  'add-server': {
    arg: 'count',
    mark: (a) => `add-server ×${a.count}`,
    done: (a) => (a.count === 1 ? 'A server added' : `${a.count} servers added`),
  },
  'remove-server': {
    arg: 'server',
    mark: (a) => (a.server === undefined ? 'remove-server' : `remove-server ${a.server}`),
    done: (a) => (a.server === undefined ? 'A server removed' : `Server ${a.server} removed`),
  },
  'kill-store': { arg: null, mark: () => 'kill-store', done: () => 'Session store killed' },
  'restart-store': {
    arg: null,
    mark: () => 'restart-store',
    done: () => 'Session store restarting',
  },
  'add-store-replica': {
    arg: null,
    mark: () => 'add-store-replica',
    done: () => 'A store replica added',
  },
  'set-sticky': {
    arg: 'sticky',
    mark: (a) => `set-sticky ${a.sticky}`,
    done: (a) => `Stickiness set to ${a.sticky}`,
  },
  'set-algorithm': {
    arg: 'algorithm',
    mark: (a) => `set-algorithm ${a.algorithm}`,
    done: (a) => `Balancer set to ${a.algorithm}`,
  },
  'set-users': {
    arg: 'count',
    mark: (a) => `set-users ${a.count}`,
    done: (a) => `Users set to ${a.count}`,
  },
  deploy: { arg: 'drainS', mark: () => 'deploy', done: () => 'Rolling deploy started' },
};

function info<K extends ActionName>(name: K): ActionInfo<ActionOf<K>> {
  return ACTIONS[name];
}

/** "kill-server 2", "set-sticky none", "set-users 1200" (timeline marks). */
export function describeCommand(a: Action): string {
  return info(a.action).mark(a as never);
}

/** "Server 2 killed" (announcements). */
export function describeFault(a: Action): string {
  return info(a.action).done(a as never);
}

/** The field name of an action's one argument, or null (share links' compact form). */
export function actionArgName(name: string): string | null {
  const row = (ACTIONS as Record<string, ActionInfo<Action> | undefined>)[name];
  return row?.arg ?? null;
}

// ------------------------------------------------------------------ user commands

/** What `enabled` looks at: the run's state and every pane's latest snapshot. */
export interface CommandView {
  run: RunState;
  snapshots: readonly (Snapshot | null)[];
  mode: Mode;
}

/** Operations only the view can do; the UI supplies them where it offers those commands. */
export interface ViewOperations {
  openShortcuts(): void;
  toggleMotion(): void;
  toggleLargeText(): void;
  nextStep(): void;
  previousStep(): void;
  /** Opens lesson step `step` (1-based), as a course page may ask. */
  goToStep(step: number): void;
}

export interface CommandHost {
  run: RunController;
  view?: Partial<ViewOperations>;
}

export type Availability = { ok: true } | { ok: false; reason: string };

export interface Command<Args = void> {
  id: string;
  /** The button's words, in the skin's vocabulary. */
  label(vocab: Vocabulary, args: Args): string;
  /** One sentence: what it does (tooltips, the shortcuts dialog). */
  description: string;
  icon?: 'play' | 'pause' | 'step' | 'reset' | 'plus' | 'minus' | 'kill' | 'bolt';
  /** Keys as `KeyboardEvent.key` (letters lower case); `keyLabels` shows them. */
  keys?: readonly string[];
  keyLabels?: readonly string[];
  /** A single printable key, switched off with the single-key setting (WCAG 2.1.4). */
  singleKey?: boolean;
  /** Screens that offer it (all when absent). */
  modes?: readonly Mode[];
  /** The panel group that shows it as a button (argument-free commands only). */
  group?: 'servers' | 'store';
  enabled(view: CommandView, args: Args): Availability;
  perform(host: CommandHost, args: Args): Promise<void> | void;
}

const OK: Availability = { ok: true };
const always = (): Availability => OK;
const no = (reason: string): Availability => ({ ok: false, reason });
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function loaded(view: CommandView): Availability {
  return view.run.loaded ? OK : no('The simulation is still starting.');
}

/** In every pane, any server with this id in one of these states. */
function anyServer(view: CommandView, server: number, down: boolean): boolean {
  return view.snapshots.some((s) =>
    s?.servers.some((x) => x.id === server && (x.status === 'down') === down),
  );
}

function withStore(view: CommandView): Availability {
  const l = loaded(view);
  if (!l.ok) return l;
  return view.snapshots.some((s) => s?.store.present)
    ? OK
    : no('No session store in this architecture: choose session-store to use it.');
}

const act = (action: Action) => (host: CommandHost) => host.run.act(action);

export const COMMANDS = {
  play: {
    id: 'play',
    label: () => 'Play',
    description: 'Let simulated time run',
    icon: 'play',
    enabled: loaded,
    perform: (h) => h.run.play(),
  },
  pause: {
    id: 'pause',
    label: () => 'Pause',
    description: 'Stop simulated time',
    icon: 'pause',
    enabled: loaded,
    perform: (h) => h.run.pause(),
  },
  'show-shortcuts': {
    id: 'show-shortcuts',
    label: () => 'Keyboard shortcuts',
    description: 'Show this list of shortcuts',
    keys: ['?'],
    keyLabels: ['?'],
    singleKey: true,
    enabled: always,
    perform: (h) => h.view?.openShortcuts?.(),
  },
  'play-pause': {
    id: 'play-pause',
    label: () => 'Play or pause',
    description: 'Play or pause the simulation',
    keys: ['p'],
    keyLabels: ['P'],
    singleKey: true,
    enabled: loaded,
    perform: (h) => (h.run.state.getState().playing ? h.run.pause() : h.run.play()),
  },
  step: {
    id: 'step',
    label: () => 'Step',
    description: 'Pause and process exactly one simulation event',
    icon: 'step',
    keys: ['s'],
    keyLabels: ['S'],
    singleKey: true,
    enabled: loaded,
    perform: (h) => h.run.step(),
  },
  'toggle-motion': {
    id: 'toggle-motion',
    label: () => 'Reduce motion',
    description: 'Reduce motion on or off (rates on the arrows instead of moving dots)',
    keys: ['m'],
    keyLabels: ['M'],
    singleKey: true,
    enabled: always,
    perform: (h) => h.view?.toggleMotion?.(),
  },
  'toggle-large-text': {
    id: 'toggle-large-text',
    label: () => 'Large text',
    description: 'Large text on or off (for a projector or a screen seen from afar)',
    keys: ['t'],
    keyLabels: ['T'],
    singleKey: true,
    enabled: always,
    perform: (h) => h.view?.toggleLargeText?.(),
  },
  'next-step': {
    id: 'next-step',
    label: () => 'Continue',
    description: 'Next lesson step (when Continue is enabled)',
    keys: ['ArrowRight'],
    keyLabels: ['→'],
    modes: ['lessons'],
    enabled: always,
    perform: (h) => h.view?.nextStep?.(),
  },
  'previous-step': {
    id: 'previous-step',
    label: () => 'Back',
    description: 'Previous lesson step',
    keys: ['ArrowLeft'],
    keyLabels: ['←'],
    modes: ['lessons'],
    enabled: always,
    perform: (h) => h.view?.previousStep?.(),
  },
  'go-to-step': {
    id: 'go-to-step',
    label: (_v, a) => `Step ${a.step}`,
    description: 'Open a lesson step (a course page asks through the embed API)',
    modes: ['lessons'],
    enabled: always,
    perform: (h, a) => h.view?.goToStep?.(a.step),
  } satisfies Command<{ step: number }>,
  'kill-server': {
    id: 'kill-server',
    label: (v, a) => `Kill ${v.server} ${a.server}`,
    description: 'Crash a server: what it held in memory is gone',
    icon: 'kill',
    enabled: (view, a) => {
      const l = loaded(view);
      if (!l.ok) return l;
      return anyServer(view, a.server, false) ? OK : no(`Server ${a.server} is not running.`);
    },
    perform: (h, a) => h.run.act({ action: 'kill-server', server: a.server }),
  } satisfies Command<{ server: number }>,
  'restart-server': {
    id: 'restart-server',
    label: (v, a) => `Restart ${v.server} ${a.server}`,
    description: 'Boot a dead server again (with empty memory)',
    icon: 'reset',
    enabled: (view, a) => {
      const l = loaded(view);
      if (!l.ok) return l;
      return anyServer(view, a.server, true) ? OK : no(`Server ${a.server} is not down.`);
    },
    perform: (h, a) => h.run.act({ action: 'restart-server', server: a.server }),
  } satisfies Command<{ server: number }>,
  'restart-all-servers': {
    id: 'restart-all-servers',
    label: (v) => `Restart all ${v.servers}`,
    description: 'Boot every server that is down again (each with empty memory)',
    icon: 'reset',
    group: 'servers',
    enabled: (view) => {
      const l = loaded(view);
      if (!l.ok) return l;
      return view.snapshots.some((s) => s?.servers.some((x) => x.status === 'down'))
        ? OK
        : no('No server is down.');
    },
    perform: act({ action: 'restart-all-servers' }),
  },
  'add-server': {
    id: 'add-server',
    label: (v) => `Add ${v.server}`,
    description: 'Scale out: one more app server behind the load balancer',
    icon: 'plus',
    group: 'servers',
    enabled: loaded,
    perform: act({ action: 'add-server', count: 1 }),
  },
  'remove-server': {
    id: 'remove-server',
    label: (v) => `Remove ${v.server}`,
    description: 'Drains the newest running server: it takes no new users and stops when done',
    icon: 'minus',
    group: 'servers',
    enabled: loaded,
    perform: act({ action: 'remove-server' }),
  },
  'kill-store': {
    id: 'kill-store',
    label: () => 'Kill store',
    description: 'Crash the session store',
    icon: 'kill',
    group: 'store',
    enabled: withStore,
    perform: act({ action: 'kill-store' }),
  },
  'restart-store': {
    id: 'restart-store',
    label: () => 'Restart store',
    description: 'Bring the session store back',
    icon: 'reset',
    group: 'store',
    enabled: withStore,
    perform: act({ action: 'restart-store' }),
  },
  'add-store-replica': {
    id: 'add-store-replica',
    label: () => 'Add store replica',
    description: 'One more copy of the session store to fail over to',
    icon: 'plus',
    enabled: withStore,
    perform: act({ action: 'add-store-replica' }),
  },
  deploy: {
    id: 'deploy',
    label: () => 'Deploy a new version',
    description: 'Rolling deploy: drain and restart every server in turn',
    enabled: loaded,
    perform: act({ action: 'deploy' }),
  },
  'set-sticky': {
    id: 'set-sticky',
    label: () => 'Sticky sessions',
    description: 'How the load balancer keeps a user on one server (none: no stickiness)',
    enabled: loaded,
    perform: (h, a) => h.run.act({ action: 'set-sticky', sticky: a.sticky }),
  } satisfies Command<{ sticky: StickyMethod }>,
  'set-algorithm': {
    id: 'set-algorithm',
    label: () => 'Load balancer algorithm',
    description: 'How the load balancer picks a server for a request without stickiness',
    enabled: loaded,
    perform: (h, a) => h.run.act({ action: 'set-algorithm', algorithm: a.algorithm }),
  } satisfies Command<{ algorithm: Algorithm }>,
  'set-users': {
    id: 'set-users',
    label: (v) => cap(v.users),
    description: 'How many users are active',
    enabled: loaded,
    perform: (h, a) =>
      h.run.act({ action: 'set-users', count: Math.min(LIMITS.users, Math.max(0, a.count)) }),
  } satisfies Command<{ count: number }>,
  'traffic-spike': {
    id: 'traffic-spike',
    label: () => 'Traffic spike',
    description: 'Ten times as many users, all at once (Black Friday)',
    icon: 'bolt',
    enabled: (view) => {
      const l = loaded(view);
      if (!l.ok) return l;
      const target = view.snapshots[0]?.users.target ?? 0;
      return target < LIMITS.users ? OK : no(`At most ${LIMITS.users} users.`);
    },
    perform: (h) => {
      const target = h.run.sessions[0]?.store.getState().snapshot?.users.target ?? 0;
      return h.run.act({
        action: 'set-users',
        count: Math.min(LIMITS.users, Math.max(10, target * 10)),
      });
    },
  },
  'set-architecture': {
    id: 'set-architecture',
    label: () => 'Architecture',
    description: 'Where state lives; changing it restarts the run from 0 s',
    enabled: loaded,
    perform: (h, a) => h.run.reload({ architecture: a.architecture }),
  } satisfies Command<{ architecture: Architecture }>,
  'set-store-kind': {
    id: 'set-store-kind',
    label: () => 'Store kind',
    description: 'Which session store; changing it restarts the run from 0 s',
    enabled: withStore,
    perform: (h, a) => h.run.reload({ storeKind: a.kind }),
  } satisfies Command<{ kind: StoreKind }>,
  reset: {
    id: 'reset',
    label: () => 'Reset',
    description: 'Start again from 0 s with this seed; the same seed replays the same traffic',
    icon: 'reset',
    enabled: (view) => (view.run.scenario ? OK : no('The simulation is still starting.')),
    perform: (h, a) => h.run.reload({ seed: a.seed }),
  } satisfies Command<{ seed: number }>,
} satisfies Record<string, Command<never>>;

export type CommandId = keyof typeof COMMANDS;
/** The arguments a command takes (void: none). */
export type ArgsOf<Id extends CommandId> =
  Parameters<(typeof COMMANDS)[Id]['perform']> extends [CommandHost, infer A] ? A : void;
/** `args` for commands that take them, nothing for the others. */
export type ArgList<Id extends CommandId> = ArgsOf<Id> extends void ? [] : [ArgsOf<Id>];

/** Looks a command up by id (typed: its args come with it). */
export function command<Id extends CommandId>(id: Id): Command<ArgsOf<Id>> {
  return COMMANDS[id] as unknown as Command<ArgsOf<Id>>;
}

/** Whether a command can be performed now, and why not. */
export function availability<Id extends CommandId>(
  id: Id,
  view: CommandView,
  ...args: ArgList<Id>
): Availability {
  if (!offeredIn(COMMANDS[id], view.mode)) return no('Not offered on this screen.');
  return command(id).enabled(view, args[0] as ArgsOf<Id>);
}

/** Performs a command through the host's run controller (and view operations). */
export async function perform<Id extends CommandId>(
  id: Id,
  host: CommandHost,
  ...args: ArgList<Id>
): Promise<void> {
  await command(id).perform(host, args[0] as ArgsOf<Id>);
}

/** The commands a panel group shows as buttons, in registry order. */
export function commandsInGroup(group: NonNullable<Command['group']>): CommandId[] {
  return (Object.keys(COMMANDS) as CommandId[]).filter(
    (id) => (COMMANDS[id] as Command<never>).group === group,
  );
}

/** True when the command is offered on this screen. */
export function offeredIn(c: Command<never>, mode: Mode): boolean {
  return !c.modes || c.modes.includes(mode);
}

/** Commands that have keys, in registry order (the shortcuts dialog lists them so). */
export function keyedCommands(): [CommandId, Command<never>][] {
  return (Object.entries(COMMANDS) as [CommandId, Command<never>][]).filter(([, c]) => c.keys);
}

/** The command a key press asks for on this screen, if any. */
export function commandForKey(key: string, mode: Mode, singleKeysOn: boolean): CommandId | null {
  const k = key.length === 1 ? key.toLowerCase() : key;
  for (const [id, c] of Object.entries(COMMANDS) as [CommandId, Command<never>][]) {
    if (!c.keys?.includes(k) || !offeredIn(c, mode)) continue;
    if (c.singleKey && !singleKeysOn) continue;
    return id;
  }
  return null;
}

/**
 * Performs the command a key press asks for, if it is offered and enabled now. Returns true
 * when the key was taken (the caller then prevents the browser's default). A held single key
 * (`repeat`) is ignored, so it cannot toggle play many times a second.
 */
export function performKey(
  key: string,
  opts: { repeat: boolean; singleKeysOn: boolean },
  host: CommandHost,
  view: CommandView,
): boolean {
  const id = commandForKey(key, view.mode, opts.singleKeysOn);
  if (!id) return false;
  const c = COMMANDS[id] as Command<never>;
  if (opts.repeat && c.singleKey) return false;
  if (!c.enabled(view, undefined as never).ok) return false;
  void c.perform(host, undefined as never);
  return true;
}

/**
 * The lesson step buttons: the simulation actions a step may ask for, and the command (with
 * its arguments) that performs each. Server kills and restarts are done on the server nodes.
 */
export const STEP_COMMANDS: Partial<Record<ActionName, CommandId>> = {
  'kill-store': 'kill-store',
  'restart-store': 'restart-store',
  'add-store-replica': 'add-store-replica',
  'add-server': 'add-server',
  'remove-server': 'remove-server',
  deploy: 'deploy',
};

/** The label of a command without arguments, in the default vocabulary. */
export function labelOf(id: CommandId, vocab: Vocabulary = SHOP_VOCABULARY): string {
  return (COMMANDS[id] as Command<never>).label(vocab, undefined as never);
}
