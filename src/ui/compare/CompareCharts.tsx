/**
 * The same measure over simulated time, one line per pane, overlaid. The panes' histories are
 * sampled at the same simulated instants by the shared clock, so they share one time axis.
 */
import { useMemo } from 'react';
import type { HistoryPoint } from '../../store/history.ts';
import { LineChart, type ChartSeries } from '../panels/metrics/LineChart.tsx';
import { formatMs, formatRate } from '../panels/format.ts';
import type { CompareState } from '../../app/compareRun.ts';
import { paneTitle } from '../../app/compareSetup.ts';
import { PANE_STYLE } from './paneStyle.ts';
import { useCompare, useController } from './useCompare.ts';
import { useRunSnapshots } from '../RunContext.tsx';

const selVersion = (s: CompareState) => s.historyVersion;

interface Metric {
  key: string;
  title: string;
  unit: string;
  pick(p: HistoryPoint): number | null;
  format(v: number): string;
  tickFormat?: (v: number) => string;
  note?: string;
}

const METRICS: Metric[] = [
  {
    key: 'sessions-lost',
    title: 'Sessions lost so far',
    unit: '',
    pick: (p) => p.sessionsLost,
    format: formatRate,
  },
  {
    key: 'failed',
    title: 'Failed requests per second',
    unit: 'per s',
    pick: (p) => p.failedPerS,
    format: formatRate,
  },
  {
    key: 'p95',
    title: 'Latency p95 (ms)',
    unit: '',
    pick: (p) => p.p95Ms,
    format: formatMs,
    tickFormat: formatRate,
    note: 'Over the whole run so far.',
  },
];

export function CompareCharts() {
  const c = useController();
  const version = useCompare(selVersion);
  const snaps = useRunSnapshots();
  const stickies = snaps.map((s) => s?.sticky ?? 'cookie').join(',');
  const charts = useMemo(() => {
    const points = c.panes.map((p) => (version >= 0 ? p.history.points() : []));
    const n = Math.min(...points.map((p) => p.length));
    const xs = points[0]!.slice(0, n).map((p) => p.tS);
    const sticky = stickies.split(',');
    return METRICS.map((m) => ({
      metric: m,
      xs,
      series: c.panes.map((pane, i): ChartSeries => ({
        key: pane.arch,
        label: paneTitle(pane.arch, sticky[i] === 'none' ? 'none' : 'cookie'),
        values: points[i]!.slice(0, n).map(m.pick),
        color: PANE_STYLE[pane.arch].color,
        ...(PANE_STYLE[pane.arch].dash ? { dash: PANE_STYLE[pane.arch].dash! } : {}),
      })),
    }));
  }, [c, version, stickies]);

  return (
    <section className="panel cmp-charts" aria-labelledby="cmp-charts-title">
      <h2 id="cmp-charts-title">Over time</h2>
      <div className="cmp-chart-grid">
        {charts.map(({ metric, xs, series }) => (
          <LineChart
            key={metric.key}
            title={metric.title}
            unit={metric.unit}
            xs={xs}
            series={series}
            format={metric.format}
            height={110}
            {...(metric.tickFormat ? { tickFormat: metric.tickFormat } : {})}
            {...(metric.note ? { note: metric.note } : {})}
          />
        ))}
      </div>
    </section>
  );
}
