/**
 * The autoscaler measures what Kubernetes' HorizontalPodAutoscaler would: time-weighted
 * worker occupancy over each interval (never above 100 %), and it scales in only after a
 * stabilisation window, so a busy tier is never shrunk and a few users never get dozens of
 * servers.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { outcome } from './outcome.ts';
import type { Scenario, SimEvent } from './index.ts';
import { Recorder } from './testkit.ts';

/** Few users, long requests: each request holds a worker for seconds, well past a window. */
const slowWork: Scenario = {
  version: 1,
  seed: 4,
  durationS: 120,
  architecture: 'session-store',
  loadBalancer: { sticky: 'none', algorithm: 'least-connections' },
  servers: {
    count: 2,
    workers: 2,
    serviceTimeMs: 8000,
    serviceTimeDistribution: 'constant',
    autoscale: { targetUtilization: 0.6, min: 1, max: 40, intervalS: 5 },
  },
  users: { count: 4, thinkTimeS: 0.5 },
};

function scaleEvents(scenario: Scenario): Extract<SimEvent, { type: 'scale' }>[] {
  const rec = new Recorder();
  const sim = Simulation.fromScenario(scenario, rec);
  sim.runToEnd();
  return rec.of('scale');
}

describe('autoscaler', () => {
  it('never measures more than 100 % and never gives 4 users dozens of servers', () => {
    const events = scaleEvents(slowWork);
    for (const e of events) expect(e.utilization).toBeLessThanOrEqual(1);
    const peak = Math.max(2, ...events.map((e) => e.to));
    // 4 users keep at most 4 workers busy: at 60 % that is 4 servers of 2 workers, not 40.
    expect(peak).toBeLessThanOrEqual(4);
  }, 30_000);

  it('does not scale in while every worker is busy', () => {
    const events = scaleEvents({ ...slowWork, servers: { ...slowWork.servers, count: 2 } });
    // 4 users on 2 servers of 2 workers: occupancy is near 100 %, so no decision shrinks.
    expect(events.filter((e) => e.to < e.from)).toEqual([]);
  }, 30_000);

  it('counts work in progress in each server’s utilisation', () => {
    const { autoscale: _none, ...fixed } = slowWork.servers!;
    const sim = Simulation.fromScenario({
      ...slowWork,
      servers: { ...fixed, count: 1, workers: 1 },
    });
    sim.runUntil(7000);
    // One 8 s request started within the first second: the worker has been busy since.
    const u = outcome(sim.state).servers[0]!.utilization;
    expect(u).toBeGreaterThan(0.8);
    expect(u).toBeLessThanOrEqual(1);
  }, 30_000);

  it('scales in only after the stabilisation window', () => {
    const spike: Scenario = {
      version: 1,
      seed: 2,
      durationS: 500,
      architecture: 'session-store',
      loadBalancer: { sticky: 'none', algorithm: 'least-connections' },
      servers: {
        count: 2,
        bootS: 5,
        autoscale: {
          targetUtilization: 0.6,
          min: 2,
          max: 10,
          intervalS: 10,
          scaleDownStabilizationS: 120,
        },
      },
      users: { count: 200 },
      timeline: [
        { atS: 20, action: 'set-users', count: 1500 },
        { atS: 150, action: 'set-users', count: 200 },
      ],
    };
    const events = scaleEvents(spike);
    const firstIn = events.find((e) => e.to < e.from);
    expect(firstIn).toBeDefined();
    // Low recommendations start at ~160 s; the highest of the past 120 s stays high until ~270 s.
    expect(firstIn!.tMs).toBeGreaterThan(150_000 + 120_000 - 10_000);
  }, 30_000);
});
