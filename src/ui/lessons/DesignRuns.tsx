/**
 * Runs the designs a question's answers stand for: the learner presses "Run" beside an
 * answer, the simulation loads that design against the question's situation and plays it on
 * the picture, and at the design's reading time the run is held (paused, then set exactly to
 * that moment) and its figures join a table, so the designs can be compared side by side.
 * Two answers about the same design (the same scenario) share one row.
 */
import { useEffect, useRef, useState } from 'react';
import { formatMetric, metricLabel } from '../../lessons/figures.ts';
import { readMetric } from '../../lessons/runner.ts';
import { setupScenario } from '../../lessons/setup.ts';
import type { LessonSession } from '../../lessons/session.ts';
import type { Choice, DesignRun } from '../../lessons/types.ts';
import type { Outcome } from '../../sim/index.ts';
import { useSim, useSimSession } from '../SimContext.tsx';

/** Simulated ms per wall ms while a design runs: a 40 s situation plays in about 10 s. */
const RUN_SPEED = 4;
/** Longer situations play faster, so no design keeps the learner waiting more than this. */
const MAX_WAIT_MS = 12_000;

export function DesignRuns({
  lessonSession,
  choices,
  compare,
}: {
  lessonSession: LessonSession;
  choices: Choice[];
  compare: readonly string[];
}) {
  const session = useSimSession();
  const vocab = useSim((s) => s.vocabulary);
  const [results, setResults] = useState<Record<string, Outcome>>({});
  const [running, setRunning] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => () => stop.current?.(), []);

  const run = async (id: string, design: DesignRun): Promise<void> => {
    stop.current?.();
    setRunning(id);
    setError(null);
    try {
      const scenario = setupScenario({ scenario: design.scenario })!;
      let held = false;
      // Frames of the run before the design's load (which starts afresh) do not count.
      let loaded = false;
      const off = session.onFrame((frame) => {
        if (frame.reset) loaded = true;
        if (held || !loaded || !frame.snapshot || frame.tMs < design.runMs) return;
        held = true;
        off();
        void lessonSession
          .hold(design.runMs)
          .then((f) => {
            if (f?.snapshot) setResults((r) => ({ ...r, [id]: f.snapshot!.outcome }));
            setRunning((cur) => (cur === id ? null : cur));
          })
          .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
      });
      stop.current = off;
      await lessonSession.runDesign(scenario, Math.max(RUN_SPEED, design.runMs / MAX_WAIT_MS));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setRunning(null);
    }
  };

  // Answers that argue about the same design share its run: one row per design.
  const seen = new Set<string>();
  const runnable = choices.filter((c) => {
    if (!c.tryIt) return false;
    const key = `${c.tryIt.scenario.name ?? c.tryIt.label}@${c.tryIt.runMs}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (runnable.length === 0) return null;
  return (
    <section className="design-runs" aria-labelledby="design-runs-title">
      <h3 id="design-runs-title">Run each design</h3>
      <p className="muted">
        Each answer above stands for one of these designs. Run each against the situation in the
        question and compare the figures, read at the same moment for every design.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Design</th>
            {compare.map((m) => (
              <th key={m} scope="col">
                {metricLabel(m, vocab)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {runnable.map((c) => {
            const o = results[c.id];
            return (
              <tr key={c.id} data-design={c.id}>
                <th scope="row">
                  <button
                    type="button"
                    onClick={() => void run(c.id, c.tryIt!)}
                    disabled={running !== null}
                    aria-label={`Run ${c.tryIt!.label}`}
                  >
                    {running === c.id ? 'Running…' : 'Run'}
                  </button>{' '}
                  {c.tryIt!.label}
                </th>
                {compare.map((m) => (
                  <td key={m} data-design-metric={m}>
                    {o ? formatMetric(m, readMetric(o, m)) : '–'}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
