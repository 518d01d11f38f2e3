import { afterEach, describe, expect, it } from 'vitest';
import {
  LIMITS,
  MAX_SCENARIO_BYTES,
  parseScenarioJson,
  presetScenario,
  type TimedCommand,
} from '../../sim/index.ts';
import { createInThreadClient } from '../../client/inThreadClient.ts';
import { request } from '../../client/contract.ts';
import type { SimClient } from '../../client/SimClient.ts';
import { scenarioFileText, scenarioForExport } from './scenarioExport.ts';

/** The longest timed action there is, at times with every digit a float can have. */
function longCommands(n: number): TimedCommand[] {
  return Array.from({ length: n }, (_, i) => ({
    action: 'set-algorithm',
    algorithm: 'least-connections',
    atMs: 3_599_999.9999999995 - i * 1.0000000000000002,
  })) as TimedCommand[];
}

describe('what the app exports, it imports', () => {
  let client: SimClient | null = null;
  afterEach(() => client?.dispose());

  it('a run with the most timed actions allowed exports to a file that imports again', () => {
    const base = { ...presetScenario('sticky-crash')!, durationS: 3600 };
    const own = base.timeline?.length ?? 0;
    const out = scenarioForExport(base, longCommands(LIMITS.timelineEntries - own));
    const text = scenarioFileText(out);
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(MAX_SCENARIO_BYTES);
    const back = parseScenarioJson(text);
    if (!back.ok) throw new Error(back.errors.join('; '));
    expect(back.scenario).toEqual(JSON.parse(JSON.stringify(out)));
    expect(back.scenario.timeline).toHaveLength(LIMITS.timelineEntries);
  });

  it('a run keeps at most that many timed actions, so its export never outgrows the import', async () => {
    client = createInThreadClient();
    const scenario = { ...presetScenario('playground')!, durationS: 3600 };
    const own = scenario.timeline?.length ?? 0;
    const room = LIMITS.timelineEntries - own;
    const commands = longCommands(room).map((c, i) => ({ ...c, atMs: i }));
    const full = await request(client, { type: 'load', scenario, commands, atMs: room + 10 });
    expect(full.snapshot!.liveCommands).toHaveLength(room);
    await expect(
      request(client, { type: 'act', action: { action: 'kill-store' } }),
    ).rejects.toThrow(/at most|the most/);
    await expect(
      request(client, {
        type: 'load',
        scenario,
        commands: [...commands, { action: 'kill-store', atMs: 5 } as TimedCommand],
      }),
    ).rejects.toThrow(/exceed/);
  });
});
