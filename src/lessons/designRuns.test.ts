/**
 * Design questions that the learner can run: each answer's design runs headless against the
 * question's situation, and the right answer's run must do best on the figures the question
 * compares (lower is better, the first figure deciding, ties broken by the next): no wrong
 * answer's design may match it on every figure or beat it on the first.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createInThreadClient } from '../client/inThreadClient.ts';
import { request } from '../client/contract.ts';
import { LESSONS } from './catalog.ts';
import { readMetric } from './runner.ts';
import { setupScenario } from './setup.ts';

const client = createInThreadClient();
afterAll(() => client.dispose());

const questions = LESSONS.flatMap((l) =>
  l.steps
    .filter((s) => s.check?.choices.some((c) => c.tryIt))
    .map((s) => [`${l.id}/${s.id}`, s.check!] as const),
);

describe('design runs', () => {
  it('exist for every question that asks the learner to choose a design', () => {
    expect(questions.map(([id]) => id)).toEqual(
      expect.arrayContaining([
        'choosing/scale-budget',
        'choosing/quiz-sticky',
        'choosing/quiz-design',
        'choosing/connection-type',
        'choosing/cloud-map',
        'shopping-cart/check',
        'sticky-price/check',
        'hybrid/check',
        'deploying/check',
        'black-friday/check',
      ]),
    );
  });

  it.each(questions)('%s: every number the feedback states is a checked claim', (_id, check) => {
    // The claims of all the question's runs: a choice's feedback may compare two of them.
    const says = check.choices
      .flatMap((c) => c.tryIt?.claims ?? [])
      .map((c) => c.says)
      .join(' ');
    for (const choice of check.choices) {
      const numbers = choice.feedback.match(/\d+(?:\.\d+)?/g) ?? [];
      const unbacked = numbers.filter(
        (n) => !new RegExp(`(^|\\D)${n.replace('.', '\\.')}(\\D|$)`).test(says),
      );
      expect(unbacked, `${choice.id}: numbers without a claim`).toEqual([]);
    }
  });

  it.each(questions)(
    '%s: every answer runs, and the right one does best',
    async (_id, check) => {
      expect(check.compare?.length ?? 0).toBeGreaterThan(0);
      const results: { id: string; correct: boolean; figures: number[] }[] = [];
      for (const choice of check.choices) {
        expect(choice.tryIt, `${choice.id} has a design to run`).toBeDefined();
        const scenario = setupScenario({ scenario: choice.tryIt!.scenario })!;
        await request(client, { type: 'load', scenario, playing: false });
        const frame = await request(client, { type: 'advance', ms: choice.tryIt!.runMs });
        const figures = check.compare!.map((m) => readMetric(frame.snapshot!.outcome, m));
        for (const f of figures) expect(Number.isFinite(f)).toBe(true);
        // What the feedback says about this run is what the run measures.
        for (const claim of choice.tryIt!.claims ?? []) {
          const v = readMetric(frame.snapshot!.outcome, claim.metric);
          expect(v, `${choice.id}: ${claim.says} (${claim.metric})`).toBeGreaterThanOrEqual(
            claim.min,
          );
          expect(v, `${choice.id}: ${claim.says} (${claim.metric})`).toBeLessThanOrEqual(claim.max);
        }
        results.push({ id: choice.id, correct: choice.correct, figures });
      }
      const better = (a: number[], b: number[]): number => {
        for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
        return 0;
      };
      // No wrong design beats the right one on the figure that decides.
      const right = results.find((r) => r.correct)!;
      for (const r of results) {
        expect(right.figures[0]!, JSON.stringify(results)).toBeLessThanOrEqual(r.figures[0]!);
      }
      const sorted = [...results].sort((a, b) => better(a.figures, b.figures));
      expect(sorted[0]!.correct, JSON.stringify(results)).toBe(true);
      expect(better(sorted[0]!.figures, sorted[1]!.figures), JSON.stringify(results)).toBeLessThan(
        0,
      );
      // A Black Friday run is a minute of 2,000 shoppers per design: seconds on a shared machine.
    },
    60_000,
  );
});
