/**
 * Outcomes side by side: one row per measure, a column per pane, the best pane in each row
 * marked with a word (not colour alone), and one line on why it came out that way.
 */
import { Fragment, useMemo } from 'react';
import { formatSimTime } from '../panels/format.ts';
import { paneTitle } from '../../app/compareSetup.ts';
import { outcomeRows, type PaneOutcome } from './outcomeRows.ts';
import { PaneSwatch } from './PaneSwatch.tsx';
import type { StickyMethod } from '../../sim/index.ts';
import type { CompareState } from '../../app/compareRun.ts';
import { useCompare, useController } from './useCompare.ts';
import { useRunSnapshots } from '../RunContext.tsx';

const selOutcomes = (s: CompareState) => s.outcomes;
const selSampleT = (s: CompareState) => s.sampleTMs;

export function OutcomeTable() {
  const c = useController();
  // Sampled by the shared clock: every pane at the same simulated instant.
  const outcomes = useCompare(selOutcomes);
  const tMs = useCompare(selSampleT);
  const snaps = useRunSnapshots();
  const stickyKey = snaps.map((s) => s?.sticky ?? '').join(',');
  const panes = useMemo<PaneOutcome[] | null>(() => {
    const sticky = stickyKey.split(',');
    if (!outcomes || sticky.some((x) => x === '')) return null;
    return outcomes.map((outcome, i) => {
      const arch = c.panes[i]!.arch;
      const st = sticky[i] as StickyMethod;
      return { arch, title: paneTitle(arch, st), sticky: st, outcome };
    });
  }, [c, outcomes, stickyKey]);
  const rows = useMemo(() => (panes ? outcomeRows(panes) : []), [panes]);

  return (
    <section className="panel cmp-table-panel" aria-labelledby="cmp-outcomes-title">
      <h2 id="cmp-outcomes-title">Outcomes side by side</h2>
      {!panes ? (
        <p className="hint">Waiting for every pane to start…</p>
      ) : (
        <>
          <p className="hint">
            After {formatSimTime(tMs)} of the same traffic. Lower is better in every row. “✓ best”
            marks a pane only when it beats the others by more than run-to-run noise: by more than
            10 % and by more than 2 (5 ms for latency). Closer than that reads as a tie.
          </p>
          <div className="cmp-table-wrap">
            <table className="cmp-table" data-testid="compare-table">
              <caption className="sr-only">
                Outcomes of each architecture after {formatSimTime(tMs)}; lower is better; a pane is
                marked “best” only when it wins by more than 10 % and more than 2 (5 ms for
                latency).
              </caption>
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  {panes.map((p) => (
                    <th scope="col" key={p.arch} className="cmp-num">
                      <span className="cmp-colhead">
                        <PaneSwatch arch={p.arch} />
                        {p.title}
                      </span>
                    </th>
                  ))}
                  <th scope="col" className="cmp-why">
                    Why
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const why = (
                    <>
                      {r.verdict === 'tie' && <span className="cmp-tie">Tie. </span>}
                      {r.why}
                    </>
                  );
                  return (
                    <Fragment key={r.key}>
                      <tr className={r.sub ? 'cmp-sub' : undefined} data-row={r.key}>
                        <th scope="row">{r.label}</th>
                        {r.cells.map((cell, i) => (
                          <td
                            key={panes[i]!.arch}
                            className={cell.best ? 'cmp-num is-best' : 'cmp-num'}
                          >
                            {cell.text}
                            {cell.best && <span className="cmp-best"> ✓ best</span>}
                          </td>
                        ))}
                        <td className="cmp-why">{why}</td>
                      </tr>
                      {/* Narrow screens: the explanation goes on its own line under the row. */}
                      <tr className={r.sub ? 'cmp-why-row cmp-sub' : 'cmp-why-row'}>
                        <td colSpan={panes.length + 1}>{why}</td>
                      </tr>
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
