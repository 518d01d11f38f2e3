/** Outcome counters and charts over simulated time, fed by the metric history. */
import { useMemo, useRef } from 'react';
import { ExportPictureButtons } from '../../share/ExportPictureButtons.tsx';
import type { SimStoreState } from '../../../store/simStore.ts';
import { useSim } from '../../SimContext.tsx';
import { formatMs, formatRate } from '../format.ts';
import { useHistoryPoints } from '../hooks/useHistoryPoints.ts';
import { ChatCounters } from './ChatCounters.tsx';
import { Counters } from './Counters.tsx';
import { LineChart, type ChartSeries } from './LineChart.tsx';
import { ServerLoadBars } from './ServerLoadBars.tsx';

const selServers = (s: SimStoreState) => s.snapshot?.outcome.servers;
const selImbalance = (s: SimStoreState) => s.snapshot?.outcome.loadImbalance ?? 1;
const formatWhole = (v: number) => formatRate(v);
/** A chat run with no shoppers: the shop's counters would all read 0. */
const selChatOnly = (s: SimStoreState) =>
  !!s.snapshot?.outcome.chat &&
  s.snapshot.outcome.requests.total === 0 &&
  s.snapshot.users.target === 0;

export function MetricsPanel() {
  const points = useHistoryPoints();
  const servers = useSim(selServers);
  const imbalance = useSim(selImbalance);
  const chatOnly = useSim(selChatOnly);
  const ref = useRef<HTMLElement>(null);

  const charts = useMemo(() => {
    const xs = points.map((p) => p.tS);
    const throughput: ChartSeries[] = [
      { key: 'ok', label: 'ok', values: points.map((p) => p.okPerS), color: 'var(--good)' },
      {
        key: 'failed',
        label: 'failed',
        values: points.map((p) => p.failedPerS),
        color: 'var(--bad)',
        dash: '5 3',
      },
    ];
    const latency: ChartSeries[] = [
      { key: 'p50', label: 'p50', values: points.map((p) => p.p50Ms), color: 'var(--accent)' },
      {
        key: 'p95',
        label: 'p95',
        values: points.map((p) => p.p95Ms),
        color: 'var(--warn)',
        dash: '5 3',
      },
    ];
    const losses: ChartSeries[] = [
      {
        key: 'sessions',
        label: 'sessions',
        values: points.map((p) => p.sessionsLost),
        color: 'var(--bad)',
      },
      {
        key: 'items',
        label: 'cart items',
        values: points.map((p) => p.itemsLost),
        color: 'var(--warn)',
        dash: '2 3',
      },
    ];
    return { xs, throughput, latency, losses };
  }, [points]);

  return (
    <section className="panel metrics-panel" aria-labelledby="metrics-heading" ref={ref}>
      <div className="panel-heading-row">
        <h2 id="metrics-heading">What came of it</h2>
        <ExportPictureButtons target={ref} name="metrics" label="the charts" />
      </div>
      <ChatCounters />
      {!chatOnly && <Counters />}
      <div className="charts">
        <LineChart
          title="Requests per second"
          unit="per s"
          xs={charts.xs}
          series={charts.throughput}
          format={formatWhole}
        />
        <LineChart
          title="Latency (ms)"
          unit=""
          xs={charts.xs}
          series={charts.latency}
          format={formatMs}
          tickFormat={formatWhole}
          note="Percentiles over the whole run so far."
        />
        <LineChart
          title="Lost so far"
          unit=""
          xs={charts.xs}
          series={charts.losses}
          format={formatWhole}
        />
        {servers && <ServerLoadBars servers={servers} imbalance={imbalance} />}
      </div>
    </section>
  );
}
