/**
 * The learner's own figures for the numbers a step's narration states, read from their run
 * at the moment the step completed, each beside the typical figure the text quotes (the one
 * the headless lesson test checks). The run is held at that moment, so the counters under the
 * picture show the same values.
 */
import { formatMetric, metricLabel } from '../../lessons/figures.ts';
import { readMetric } from '../../lessons/runner.ts';
import type { Claim } from '../../lessons/types.ts';
import type { Outcome } from '../../sim/index.ts';
import type { Vocabulary } from '../../store/vocabulary.ts';

export function RunFigures({
  claims,
  outcome,
  atMs,
  vocab,
}: {
  claims: Claim[];
  outcome: Outcome;
  atMs: number;
  vocab: Vocabulary;
}) {
  if (claims.length === 0) return null;
  return (
    <section className="run-figures" aria-labelledby="run-figures-title" data-held-ms={atMs}>
      <h3 id="run-figures-title">
        Your run, held at {(atMs / 1000).toFixed(1)} s{' '}
        <span className="muted">(Play lets it run on)</span>
      </h3>
      <dl>
        {claims.map((c) => (
          <div key={c.metric} className="run-figure">
            <dt>{metricLabel(c.metric, vocab)}</dt>
            <dd>
              <strong data-run-metric={c.metric}>
                {formatMetric(c.metric, readMetric(outcome, c.metric))}
              </strong>
              <span className="muted"> · typical run: {c.says}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
