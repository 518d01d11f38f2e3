import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createInThreadClient } from '../client/inThreadClient.ts';
import { presetScenario, type TimedCommand } from '../sim/index.ts';
import { readUrlOptions } from '../ui/urlOptions.ts';
import { CompareController } from './compareRun.ts';
import { compareQuery } from './compareSetup.ts';
import {
  MAX_LINK_FAULTS,
  faultsParam,
  parseFaults,
  readCompareFaults,
  type FaultsParam,
} from './compareLink.ts';

const value = (p: FaultsParam): string | null => {
  if (!p.ok) throw new Error(p.reason);
  return p.value;
};

/** A comparison link's query string, written as Compare mode writes it. */
const linkQuery = (commands: readonly TimedCommand[]): string =>
  compareQuery(
    {
      archs: ['in-memory', 'jwt'],
      preset: 'first-crash',
      seed: 7,
      faults: value(faultsParam(commands)),
    },
    { embed: '1' },
  );

let controllers: CompareController[] = [];
function make(): CompareController {
  const c = new CompareController(['in-memory', 'session-store', 'jwt'], {
    createClient: () => createInThreadClient(),
    now: () => performance.now(),
    requestFrame: (cb) => setTimeout(() => cb(performance.now()), 16) as unknown as number,
    cancelFrame: (id) => clearTimeout(id),
  });
  controllers.push(c);
  return c;
}

afterEach(() => {
  for (const c of controllers) c.dispose();
  controllers = [];
});

describe('the faults in a comparison link', () => {
  it('read back exactly, times to the last digit, with the rest of the link intact', () => {
    const commands: TimedCommand[] = [
      { action: 'kill-server', server: 2, atMs: 20_012.345678901234, live: true },
      { action: 'kill-store', atMs: 30_000, live: true },
      { action: 'restart-server', server: 2, atMs: 31_000.1, live: true },
      { action: 'add-server', count: 2, atMs: 32_000, live: true },
      { action: 'remove-server', atMs: 33_000, live: true },
      { action: 'set-sticky', sticky: 'ip-hash', atMs: 34_000, live: true },
      { action: 'set-algorithm', algorithm: 'least-connections', atMs: 35_000, live: true },
      { action: 'deploy', drainS: 5, atMs: 36_000, live: true },
    ];
    const q = linkQuery(commands);
    expect(readCompareFaults(`?${q}`)).toEqual({ commands, problem: null });
    // The other settings read as before, with nothing reported.
    expect(readUrlOptions(`?${q}`)).toMatchObject({
      mode: 'compare',
      archs: ['in-memory', 'jwt'],
      seed: 7,
      embed: true,
      problems: [],
    });
    expect(linkQuery([])).not.toContain('faults');
    expect(readCompareFaults(`?${linkQuery([])}`)).toEqual({ commands: [], problem: null });
  });

  it('replays the same run: the outcome table of the link equals the original one', async () => {
    const base = presetScenario('first-crash')!;
    const original = make();
    await original.load(base);
    await original.advance(6_000);
    await original.act({ action: 'kill-server', server: 2 });
    await original.advance(2_345.5);
    await original.act({ action: 'kill-store' });
    await original.advance(10_000);
    const live = original.state.getState().liveCommands;
    expect(live.map((c) => c.action)).toEqual(['kill-server', 'kill-store']);

    const opened = make();
    const { commands, problem } = readCompareFaults(`?${linkQuery(live)}`);
    expect(problem).toBe(null);
    await opened.load(base, { commands });
    await opened.advance(18_345.5);
    expect(opened.state.getState().outcomes).toEqual(original.state.getState().outcomes);
    expect(opened.state.getState().liveCommands).toEqual(live);
    // Without the faults it is another run: the test above could fail.
    const plain = make();
    await plain.load(base);
    await plain.advance(18_345.5);
    expect(plain.state.getState().outcomes).not.toEqual(original.state.getState().outcomes);
  });

  it('refuses a bad fault with a message naming it, and opens without any fault', () => {
    for (const [bad, words] of [
      ['x:kill-server:1', 'the time "x"'],
      ['-5:kill-server:1', 'the time "-5"'],
      ['1e99:kill-store', 'the time "1e99"'],
      ['Infinity:kill-store', 'the time'],
      [':kill-store', 'the time ""'],
      ['100:explode', '"explode" is not an action'],
      ['100:__proto__', '"__proto__" is not an action'],
      ['100:kill-store:3', 'kill-store takes no argument'],
      ['100:kill-server:abc', 'not a valid kill-server'],
      ['100:kill-server:1.5', 'not a valid kill-server'],
      ['100:kill-server', 'not a valid kill-server'],
      ['100', 'time:action[:argument]'],
      ['1:kill-server:1:2', 'time:action[:argument]'],
      ['1000:kill-store,,2000:restart-store', 'fault 2'],
    ] as const) {
      const r = readCompareFaults(`?mode=compare&faults=${encodeURIComponent(bad)}`);
      expect(r.commands, bad).toEqual([]);
      expect(r.problem, bad).toContain(words);
      expect(r.problem, bad).toContain('opens without');
    }
    const many = Array.from({ length: MAX_LINK_FAULTS + 1 }, (_, i) => `${i}:kill-store`);
    expect(parseFaults(many.join(','))).toMatchObject({ ok: false });
  });

  it('a link is never written with more faults than it may carry', () => {
    const many: TimedCommand[] = Array.from({ length: MAX_LINK_FAULTS + 1 }, (_, i) => ({
      action: 'kill-store',
      atMs: i,
      live: true,
    }));
    const p = faultsParam(many);
    expect(p.ok).toBe(false);
    expect(!p.ok && p.reason).toContain(`at most ${MAX_LINK_FAULTS}`);
    expect(faultsParam(many.slice(0, MAX_LINK_FAULTS)).ok).toBe(true);
  });

  it('never throws on any text, and reads in time order', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const r = parseFaults(text);
        if (r.ok) {
          const times = r.commands.map((c) => c.atMs);
          expect(times).toEqual([...times].sort((a, b) => a - b));
        } else {
          expect(r.error.length).toBeLessThan(300);
        }
      }),
      { numRuns: 2000 },
    );
    expect(parseFaults('5000:kill-store,1000:kill-server:1')).toMatchObject({
      ok: true,
      commands: [{ atMs: 1000 }, { atMs: 5000 }],
    });
  });
});
