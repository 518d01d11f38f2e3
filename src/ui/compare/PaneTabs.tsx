/**
 * Compare on a phone: one pane at a time, at the phone's full width (so its node text stays
 * readable), chosen with a tab strip that stays in view while the page scrolls. Each tab
 * carries its run's sessions lost and failed requests, so the three outcomes can be compared
 * at a glance whichever picture is shown. Every run keeps going behind its tab, on the one
 * shared clock: switching tabs shows the same moment in another architecture.
 *
 * Keyboard: the WAI-ARIA tabs pattern (arrow keys, Home and End move and select; one tab
 * stop).
 */
import { useRef, type KeyboardEvent } from 'react';
import type { Architecture } from '../../sim/index.ts';
import type { SimStoreState } from '../../store/simStore.ts';
import type { ComparePane as Pane } from '../../app/compareRun.ts';
import { paneTitle } from '../../app/compareSetup.ts';
import { SimProvider, useSim } from '../SimContext.tsx';
import { formatCount } from '../panels/format.ts';
import { PaneSwatch } from './PaneSwatch.tsx';
import { useMediaQuery } from '../panels/hooks/useMediaQuery.ts';
import { nextTabIndex } from '../panels/tabKeys.ts';

/** Up to this width (CSS px) compare shows one pane at a time; compare.css uses the same. */
export const PANE_TABS_QUERY = '(max-width: 720px)';

/** True while the window is narrow enough for one pane at a time. */
export function usePaneTabs(): boolean {
  return useMediaQuery(PANE_TABS_QUERY);
}

export const paneTabId = (arch: Architecture): string => `cmp-tab-${arch}`;
export const panePanelId = (arch: Architecture): string => `cmp-panel-${arch}`;

const selSticky = (s: SimStoreState) =>
  s.snapshot?.sticky ?? s.scenario?.loadBalancer?.sticky ?? 'cookie';
const selLost = (s: SimStoreState) => s.snapshot?.outcome.sessions.lost ?? null;
const selFailed = (s: SimStoreState) => s.snapshot?.outcome.requests.failed ?? null;

function Figure({ label, value, testId }: { label: string; value: number | null; testId: string }) {
  const bad = value !== null && value > 0;
  return (
    <span className={bad ? 'cmp-tab-figure is-bad' : 'cmp-tab-figure'}>
      {label}{' '}
      <b data-testid={testId}>
        {bad && <span aria-hidden="true">✖ </span>}
        {value === null ? '–' : formatCount(value)}
      </b>
    </span>
  );
}

interface TabProps {
  pane: Pane;
  selected: boolean;
  onSelect(): void;
  onKeyDown(e: KeyboardEvent<HTMLButtonElement>): void;
  tabRef(el: HTMLButtonElement | null): void;
}

function PaneTab({ pane, selected, onSelect, onKeyDown, tabRef }: TabProps) {
  const sticky = useSim(selSticky);
  const lost = useSim(selLost);
  const failed = useSim(selFailed);
  return (
    <button
      ref={tabRef}
      type="button"
      role="tab"
      id={paneTabId(pane.arch)}
      aria-selected={selected}
      aria-controls={panePanelId(pane.arch)}
      tabIndex={selected ? 0 : -1}
      className="cmp-tab"
      data-arch={pane.arch}
      onClick={onSelect}
      onKeyDown={onKeyDown}
    >
      <span className="cmp-tab-title">
        <PaneSwatch arch={pane.arch} />
        {paneTitle(pane.arch, sticky)}
      </span>
      <Figure label="Sessions lost" value={lost} testId={`tab-sessions-lost-${pane.arch}`} />
      <Figure label="Failed" value={failed} testId={`tab-requests-failed-${pane.arch}`} />
    </button>
  );
}

export function PaneTabs({
  panes,
  selected,
  onSelect,
}: {
  panes: readonly Pane[];
  selected: Architecture;
  onSelect(arch: Architecture): void;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = Math.max(
    0,
    panes.findIndex((p) => p.arch === selected),
  );
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>): void => {
    const next = nextTabIndex(e.key, current, panes.length);
    if (next === null) return;
    e.preventDefault();
    onSelect(panes[next]!.arch);
    refs.current[next]?.focus();
  };
  return (
    <div className="cmp-tabs" role="tablist" aria-label="Architecture shown">
      {panes.map((p, i) => (
        <SimProvider key={p.arch} session={p.session}>
          <PaneTab
            pane={p}
            selected={i === current}
            onSelect={() => onSelect(p.arch)}
            onKeyDown={onKeyDown}
            tabRef={(el) => {
              refs.current[i] = el;
            }}
          />
        </SimProvider>
      ))}
    </div>
  );
}
