/**
 * The behaviour every SimClient must show, written once and run against each client (the
 * in-thread client in unit tests, the worker client in the browser tests), so both give the
 * same results for the same commands.
 */
import type { Action, Scenario } from '../sim/index.ts';
import type { Frame, FromSim, ToSim } from '../protocol/messages.ts';
import type { SimClient } from './SimClient.ts';

/** Sends a message and resolves with the next frame that carries a snapshot. */
let nextId = 1;

/** Sends a message and resolves with the frame that answers it (or rejects on its error). */
export function request(client: SimClient, msg: ToSim): Promise<Frame> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const stop = client.subscribe((m: FromSim) => {
      if (m.type === 'ready' || m.type === 'progress' || m.replyTo !== id) return;
      stop();
      if (m.type === 'error') reject(new Error(m.message));
      else resolve(m);
    });
    client.send({ ...msg, id });
  });
}

export interface ContractStep {
  /** Advance simulated time by this many ms, then optionally act. */
  advanceMs: number;
  action?: Action;
}

/** Loads a scenario, plays the steps with explicit time, returns the final frame. */
export async function playScript(
  client: SimClient,
  scenario: Scenario,
  steps: ContractStep[],
): Promise<Frame> {
  let frame = await request(client, { type: 'load', scenario, playing: false });
  for (const step of steps) {
    if (step.advanceMs > 0) frame = await request(client, { type: 'advance', ms: step.advanceMs });
    if (step.action) frame = await request(client, { type: 'act', action: step.action });
  }
  return frame;
}

export const CONTRACT_SCENARIO: Scenario = {
  version: 1,
  name: 'contract',
  seed: 11,
  durationS: 90,
  architecture: 'in-memory',
  loadBalancer: { sticky: 'cookie' },
  users: { count: 80, thinkTimeS: 2 },
  timeline: [{ atS: 20, action: 'add-server', count: 1 }],
};

export const CONTRACT_STEPS: ContractStep[] = [
  { advanceMs: 12_345, action: { action: 'kill-server', server: 2 } },
  { advanceMs: 15_000, action: { action: 'set-sticky', sticky: 'hash-mod-n' } },
  { advanceMs: 10_000, action: { action: 'restart-server', server: 2 } },
  { advanceMs: 20_000 },
];
