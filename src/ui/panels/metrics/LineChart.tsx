/**
 * A small time-series chart: d3 computes scales and path strings, React renders the SVG.
 * Re-rendered only when the metric history changes (snapshot rate). Each series has its own
 * dash pattern and a legend entry with its latest value, so colour is never the only cue.
 */
import { memo, useMemo, useRef } from 'react';
import { extent, max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useWidth } from '../hooks/useWidth.ts';

export interface ChartSeries {
  key: string;
  label: string;
  values: readonly (number | null)[];
  /** A CSS colour, normally a theme variable. */
  color: string;
  /** SVG stroke-dasharray; undefined = solid. */
  dash?: string;
}

interface Props {
  title: string;
  /** Unit shown after the latest values ("/s", "ms"). */
  unit: string;
  xs: readonly number[];
  series: readonly ChartSeries[];
  format: (v: number) => string;
  /** Axis labels; defaults to `format`. */
  tickFormat?: (v: number) => string;
  height?: number;
  /** Shown under the chart in small print. */
  note?: string;
}

const M = { top: 8, right: 10, bottom: 20, left: 40 };

function latest(values: readonly (number | null)[]): number | null {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] != null) return values[i]!;
  return null;
}

export const LineChart = memo(function LineChart({
  title,
  unit,
  xs,
  series,
  format,
  tickFormat = format,
  height = 96,
  note,
}: Props) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const chart = useMemo(() => {
    const [x0 = 0, x1 = 1] = extent(xs);
    const yMax = max(series, (s) => max(s.values, (v) => v ?? 0)) ?? 0;
    const x = scaleLinear()
      .domain([x0, x1 > x0 ? x1 : x0 + 1])
      .range([M.left, Math.max(M.left + 10, width - M.right)]);
    const y = scaleLinear()
      .domain([0, yMax > 0 ? yMax * 1.1 : 1])
      .nice(3)
      .range([height - M.bottom, M.top]);
    const paths = series.map((s) => {
      const gen = line<number>()
        .defined((i) => s.values[i] != null)
        .x((i) => x(xs[i]!))
        .y((i) => y(s.values[i] ?? 0));
      return gen(xs.map((_, i) => i)) ?? '';
    });
    return {
      x,
      y,
      paths,
      xTicks: x.ticks(Math.max(2, Math.floor(width / 90))),
      yTicks: y.ticks(3),
    };
  }, [xs, series, width, height]);

  const summary = series
    .map((s) => {
      const v = latest(s.values);
      return `${s.label} ${v === null ? 'no data yet' : `${format(v)} ${unit}`.trim()}`;
    })
    .join(', ');

  return (
    <figure className="chart">
      <figcaption className="chart-head">
        <span className="chart-title">{title}</span>
        <span className="legend">
          {series.map((s) => {
            const v = latest(s.values);
            return (
              <span key={s.key} className="legend-item">
                <svg width="22" height="10" aria-hidden="true">
                  <line
                    x1="1"
                    x2="21"
                    y1="5"
                    y2="5"
                    stroke={s.color}
                    strokeWidth="2.5"
                    strokeDasharray={s.dash}
                  />
                </svg>
                {s.label} <strong>{v === null ? '–' : format(v)}</strong>
              </span>
            );
          })}
        </span>
      </figcaption>
      <div ref={box} className="chart-box">
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={`${title}: ${summary}.`}
          className="chart-svg"
        >
          {chart.yTicks.map((t) => (
            <g key={`y${t}`}>
              <line
                x1={M.left}
                x2={width - M.right}
                y1={chart.y(t)}
                y2={chart.y(t)}
                className="grid"
              />
              <text x={M.left - 6} y={chart.y(t)} dy="0.32em" textAnchor="end" className="tick">
                {tickFormat(t)}
              </text>
            </g>
          ))}
          {chart.xTicks.map((t) => (
            <text key={`x${t}`} x={chart.x(t)} y={height - 5} textAnchor="middle" className="tick">
              {t} s
            </text>
          ))}
          {series.map((s, i) => (
            <path
              key={s.key}
              d={chart.paths[i]}
              fill="none"
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={s.dash}
              strokeLinejoin="round"
            />
          ))}
        </svg>
      </div>
      {note && <p className="hint chart-note">{note}</p>}
    </figure>
  );
});
