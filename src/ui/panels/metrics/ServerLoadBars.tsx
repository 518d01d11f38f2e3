/**
 * Requests handled per server since the start, as bars, with the evenness figure (max over
 * mean; 1.00 is perfectly even). Servers that are down are hatched and labelled, not only
 * coloured.
 */
import { memo, useId, useRef } from 'react';
import { max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import type { ServerOutcome } from '../../../sim/index.ts';
import { formatCount } from '../format.ts';
import { useWidth } from '../hooks/useWidth.ts';

const H = 110;
const M = { top: 14, right: 8, bottom: 20, left: 8 };

export const ServerLoadBars = memo(function ServerLoadBars({
  servers,
  imbalance,
}: {
  servers: readonly ServerOutcome[];
  imbalance: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const hatch = `hatch${useId().replace(/:/g, '')}`;
  const x = scaleBand<number>()
    .domain(servers.map((s) => s.id))
    .range([M.left, width - M.right])
    .padding(0.25);
  const y = scaleLinear()
    .domain([0, Math.max(1, max(servers, (s) => s.requests) ?? 0)])
    .range([H - M.bottom, M.top]);
  const showLabels = x.bandwidth() >= 14;
  const summary = servers
    .map((s) => `server ${s.id}${s.status === 'down' ? ' (down)' : ''}: ${s.requests}`)
    .join(', ');

  return (
    <figure className="chart">
      <figcaption className="chart-head">
        <span className="chart-title">Requests per server</span>
        <span className="legend">
          <span
            className="legend-item"
            title="Most-loaded server over the average; 1.00 = perfectly even"
          >
            evenness <strong data-testid="load-imbalance">max/mean {imbalance.toFixed(2)}</strong>
          </span>
        </span>
      </figcaption>
      <div ref={box} className="chart-box">
        <svg
          width={width}
          height={H}
          role="img"
          aria-label={`Requests per server since the start: ${summary}. Max over mean ${imbalance.toFixed(2)}.`}
          className="chart-svg"
        >
          <defs>
            <pattern
              id={hatch}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill="var(--panel)" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="var(--bad)" strokeWidth="2.5" />
            </pattern>
          </defs>
          <line
            x1={M.left}
            x2={width - M.right}
            y1={H - M.bottom}
            y2={H - M.bottom}
            className="axis"
          />
          {servers.map((s) => {
            const down = s.status === 'down';
            const bx = x(s.id) ?? 0;
            const top = y(s.requests);
            return (
              <g key={s.id}>
                <rect
                  x={bx}
                  y={top}
                  width={x.bandwidth()}
                  height={Math.max(0, H - M.bottom - top)}
                  fill={down ? `url(#${hatch})` : 'var(--accent)'}
                  stroke={down ? 'var(--bad)' : 'none'}
                />
                {showLabels && (
                  <text x={bx + x.bandwidth() / 2} y={H - 6} textAnchor="middle" className="tick">
                    {down ? `✕${s.id}` : `S${s.id}`}
                  </text>
                )}
                {showLabels && x.bandwidth() >= 30 && (
                  <text x={bx + x.bandwidth() / 2} y={top - 3} textAnchor="middle" className="tick">
                    {formatCount(s.requests)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
});
