/** Unit tests for the lesson figures: every metric a lesson claims has a label, in its skin. */
import { describe, expect, it } from 'vitest';
import { LESSONS } from './catalog.ts';
import { formatMetric, metricLabel } from './figures.ts';
import { SKINS } from './skins.ts';

describe('metricLabel', () => {
  it('names every metric a lesson claims, so the learner never sees a raw path', () => {
    for (const lesson of LESSONS) {
      for (const step of lesson.steps) {
        for (const c of step.claims ?? []) {
          expect(metricLabel(c.metric, SKINS[lesson.skin]), `${lesson.id}/${step.id}`).not.toBe(
            c.metric,
          );
        }
      }
    }
  });

  it('names every figure a design question compares or its runs claim', () => {
    for (const lesson of LESSONS) {
      for (const step of lesson.steps) {
        const paths = [
          ...(step.check?.compare ?? []),
          ...(step.check?.choices ?? []).flatMap((c) => c.tryIt?.claims ?? []).map((c) => c.metric),
        ];
        for (const m of paths) {
          expect(metricLabel(m, SKINS[lesson.skin]), `${lesson.id}/${step.id}`).not.toBe(m);
        }
      }
    }
  });

  it('speaks the skin: sessions are order notes in the pizza shop', () => {
    expect(metricLabel('sessions.lost', SKINS.pizza)).toBe('Order notes lost');
    expect(metricLabel('servers.0.requests', SKINS.shop)).toBe('Requests to server 1');
  });

  it('names the upload figures, the store and sessions in the skin’s words', () => {
    expect(metricLabel('uploads.videos.lost', SKINS.shop)).toBe('Videos lost');
    expect(metricLabel('uploads.reads.notFound', SKINS.shop)).toBe('Checks that found no video');
    expect(metricLabel('uploads.store.sessionsEvicted', SKINS.shop)).toBe(
      `${SKINS.shop.sessions[0]!.toUpperCase()}${SKINS.shop.sessions.slice(1)} evicted for videos`,
    );
    expect(metricLabel('uploads.store.usedMB', SKINS.pizza)).not.toBe('uploads.store.usedMB');
    expect(metricLabel('uploads.nothing', SKINS.shop)).toBe('uploads.nothing');
  });
});

describe('formatMetric', () => {
  it('prints fractions as percentages, times with units, counts as they are', () => {
    expect(formatMetric('rehomed.0.fraction', 0.7512)).toBe('75 %');
    expect(formatMetric('simulatedS', 15.04)).toBe('15.0 s');
    expect(formatMetric('latencyMs.mean', 102.44)).toBe('102.4 ms');
    expect(formatMetric('cart.itemsLost', 50)).toBe('50');
    expect(formatMetric('cart.itemsLost', NaN)).toBe('–');
    expect(formatMetric('chat.deliveryMs.mean', 82.4)).toBe('82 ms');
    expect(formatMetric('chat.deliveryMs.mean', 1530)).toBe('1.53 s');
    expect(formatMetric('chat.requests.perS', 52.345)).toBe('52.3');
    expect(formatMetric('uploads.reads.notFoundShare', 0.6076)).toBe('61 %');
    expect(formatMetric('uploads.ready.meanS', 36.42)).toBe('36.4 s');
    expect(formatMetric('uploads.store.usedMB', 550.04)).toBe('550 MB');
    expect(formatMetric('uploads.videos.lost', 6)).toBe('6');
  });
});
