/**
 * What each pane of Compare mode runs: the same base scenario (seed, users, timeline of
 * faults) with only "where state lives" changed, plus the words that name a pane. Pure, so
 * the unit tests and the headless check in src/sim/compare.test.ts can build the same runs.
 */
import {
  ARCHITECTURES,
  STORE_PROFILES,
  type Architecture,
  type Scenario,
  type StickyMethod,
  type StoreKind,
} from '../sim/index.ts';

/** The three architectures, in the order panes are shown. */
export const COMPARE_ARCHS: readonly Architecture[] = ARCHITECTURES;
export const MIN_PANES = 2;
export const MAX_PANES = 3;

/**
 * The base scenario's run with `arch` as the place state lives.
 *
 * - in-memory: sessions live in one server's memory, so it needs stickiness. It keeps the
 *   base's load-balancer settings if the base was written for in-memory (a preset about
 *   stickiness keeps its method, even "none"); otherwise it gets cookie stickiness.
 * - session-store and jwt: the servers are stateless and need no stickiness. They keep the
 *   base's settings if it was written for that architecture; otherwise stickiness is off.
 *
 * Everything else — seed, users, servers, network, timeline of faults — is the base's.
 */
export function paneScenario(base: Scenario, arch: Architecture): Scenario {
  const s = structuredClone(base);
  const baseArch = base.architecture ?? 'in-memory';
  s.architecture = arch;
  if (baseArch !== arch) {
    s.loadBalancer = { ...s.loadBalancer, sticky: arch === 'in-memory' ? 'cookie' : 'none' };
  }
  return s;
}

/** Short names, as pane titles, table columns and chart legends. */
export function paneTitle(arch: Architecture, sticky: StickyMethod): string {
  switch (arch) {
    case 'in-memory':
      return sticky === 'none' ? 'In memory, not sticky' : 'In memory + sticky';
    case 'session-store':
      return 'Session store';
    case 'jwt':
      return 'JWT';
  }
}

const STICKY_WORDS: Record<StickyMethod, string> = {
  none: 'not sticky',
  cookie: 'sticky by cookie',
  'ip-hash': 'sticky by IP hash',
  'hash-mod-n': 'sticky by session hash mod N',
  'consistent-hash': 'sticky by consistent hashing',
};

/** One line under the title: where the session lives, and how the balancer routes. */
export function paneDetail(arch: Architecture, sticky: StickyMethod, store: StoreKind): string {
  switch (arch) {
    case 'in-memory':
      return `Sessions in server memory · ${STICKY_WORDS[sticky]}`;
    case 'session-store':
      return `Stateless · sessions in ${STORE_PROFILES[store].label} · ${STICKY_WORDS[sticky]}`;
    case 'jwt':
      return `Stateless · a signed token in the browser · ${STICKY_WORDS[sticky]}`;
  }
}

/** The label of a pane's region, unique on the page: "In memory + sticky pane". */
export function paneRegionLabel(arch: Architecture, sticky: StickyMethod): string {
  return `${paneTitle(arch, sticky)} pane`;
}

/** Parses `archs=a,b[,c]`: two or three distinct architectures, or null if anything is off. */
export function parseArchList(value: string): Architecture[] | null {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.length < MIN_PANES || parts.length > MAX_PANES) return null;
  const out: Architecture[] = [];
  for (const p of parts) {
    const arch = COMPARE_ARCHS.find((a) => a === p);
    if (!arch || out.includes(arch)) return null;
    out.push(arch);
  }
  // Panes always show in the canonical order, whatever order the link used.
  return COMPARE_ARCHS.filter((a) => out.includes(a));
}

/**
 * The query string of a comparison link (no leading "?"); `faults` is the learner's faults
 * as compareLink.ts writes them (null: none); `extra` keeps e.g. embed, theme.
 */
export function compareQuery(
  setup: {
    archs: readonly Architecture[];
    preset: string;
    seed: number | null;
    faults?: string | null;
  },
  extra: Record<string, string> = {},
): string {
  const q = new URLSearchParams({
    mode: 'compare',
    archs: setup.archs.join(','),
    preset: setup.preset,
  });
  if (setup.seed !== null) q.set('seed', String(setup.seed));
  if (setup.faults) q.set('faults', setup.faults);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}
