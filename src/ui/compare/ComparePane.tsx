/**
 * One architecture's pane: its own session in its own SimProvider, so the playground's
 * topology (nodes, session chips, request dots) works unchanged inside it, and a few
 * counters under it. Kill buttons on its nodes act in every pane: they perform
 * registry commands on the run in context, the comparison (src/app/compareRun.ts).
 */
import type { Outcome } from '../../sim/index.ts';
import type { SimStoreState } from '../../store/simStore.ts';
import { SimProvider, useSim } from '../SimContext.tsx';
import { TopologyView } from '../topology/TopologyView.tsx';
import { formatCount } from '../panels/format.ts';
import type { ComparePane as Pane } from '../../app/compareRun.ts';
import { paneDetail, paneRegionLabel, paneTitle } from '../../app/compareSetup.ts';
import { PaneSwatch } from './PaneSwatch.tsx';
import { panePanelId } from './PaneTabs.tsx';

const selSticky = (s: SimStoreState) =>
  s.snapshot?.sticky ?? s.scenario?.loadBalancer?.sticky ?? 'cookie';
const selStore = (s: SimStoreState) => s.snapshot?.store.kind ?? s.scenario?.store?.kind ?? 'redis';
const selOutcome = (s: SimStoreState) => s.snapshot?.outcome ?? null;
const selNotice = (s: SimStoreState) => s.notice ?? s.error;

interface CounterDef {
  key: string;
  label: string;
  value(o: Outcome): number;
  /** A loss: marked with ✖ (not colour alone) when above zero. */
  bad: boolean;
}

const COUNTERS: CounterDef[] = [
  { key: 'requests-ok', label: 'Requests ok', value: (o) => o.requests.ok, bad: false },
  { key: 'requests-failed', label: 'Failed', value: (o) => o.requests.failed, bad: true },
  { key: 'sessions-lost', label: 'Sessions lost', value: (o) => o.sessions.lost, bad: true },
  { key: 'items-lost', label: 'Cart items lost', value: (o) => o.cart.itemsLost, bad: true },
  { key: 'stale-reads', label: 'Stale reads', value: (o) => o.staleReads, bad: true },
];

function PaneCounters() {
  const o = useSim(selOutcome);
  return (
    <dl className="cmp-counters">
      {COUNTERS.map((c) => {
        const v = o ? c.value(o) : 0;
        const alarming = c.bad && v > 0;
        return (
          <div key={c.key} className={alarming ? 'cmp-counter is-bad' : 'cmp-counter'}>
            <dt>{c.label}</dt>
            <dd data-testid={`pane-${c.key}`}>
              {alarming && <span aria-hidden="true">✖ </span>}
              {o ? formatCount(v) : '–'}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/**
 * On a phone the panes are the panels of a tab strip (PaneTabs.tsx): `shown` says whether this
 * one is the selected panel. Undefined: side by side, every pane shown.
 */
interface PaneProps {
  pane: Pane;
  shown?: boolean | undefined;
}

function PaneBody({ pane, shown }: PaneProps) {
  const sticky = useSim(selSticky);
  const store = useSim(selStore);
  const notice = useSim(selNotice);
  const titleId = `cmp-pane-title-${pane.arch}`;
  const detail = paneDetail(pane.arch, sticky, store);
  const tabbed = shown !== undefined;
  // A hidden panel keeps its size (visibility, not display): its picture stays fitted and
  // its dots keep up, so switching tabs shows the same moment at once.
  return (
    <section
      className={`cmp-pane cmp-pane-${pane.arch}${tabbed && !shown ? ' is-behind' : ''}`}
      aria-label={paneRegionLabel(pane.arch, sticky)}
      data-arch={pane.arch}
      {...(tabbed && { id: panePanelId(pane.arch), role: 'tabpanel' })}
    >
      <header className="cmp-pane-head">
        <h2 id={titleId}>
          <PaneSwatch arch={pane.arch} />
          {paneTitle(pane.arch, sticky)}
        </h2>
        <p className="cmp-pane-detail" title={detail}>
          {detail}
        </p>
      </header>
      {notice && (
        <p className="cmp-pane-notice" role="status">
          {notice}
        </p>
      )}
      <div className="cmp-topology">
        <TopologyView />
      </div>
      <PaneCounters />
    </section>
  );
}

export function ComparePane({ pane, shown }: PaneProps) {
  return (
    <SimProvider session={pane.session}>
      <PaneBody pane={pane} shown={shown} />
    </SimProvider>
  );
}
