// The lab: how it reads answers and compares outcomes (pure), and (where haproxy and
// redis-server are installed) that every process it starts is stopped on a normal exit, on
// Ctrl-C and on an error, and that missing programs give the install command and exit 2.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveScenario, type Scenario } from '../../src/sim/scenario.ts';
import { findBinaries } from './binaries.ts';
import { compareOutcomes } from './compare.ts';
import { classify } from './loadgen.ts';
import { livePids } from './processes.ts';
import { rehomedShare } from './realOutcome.ts';
import { runLab, simOutcome } from './runLab.ts';

const bin = findBinaries();
const installed = !('missing' in bin);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'lab-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SMALL: Scenario = {
  version: 1,
  name: 'lab-test',
  seed: 5,
  durationS: 12,
  architecture: 'in-memory',
  loadBalancer: { sticky: 'cookie', healthCheckS: 2 },
  users: { count: 20, thinkTimeS: 3 },
  timeline: [{ atS: 4, action: 'kill-server', server: 1 }],
};
const scenarioFile = path.join(tmp, 'small.json');
writeFileSync(scenarioFile, JSON.stringify(SMALL));

/** Processes whose command line mentions `dir` (the run's directory): left-overs. */
function processesUsing(dir: string): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(dir)) out.push(`${pid}: ${cmd}`);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

const answer = (status: number, server: number, error?: string) => ({
  status,
  server,
  lookup: '',
  body: error ? { error } : {},
  setCookies: [],
  error: null,
});

describe('reading the answers', () => {
  it('classifies answers by who gave them', () => {
    expect(classify(answer(200, 1))).toBeNull();
    expect(classify(answer(401, 2, 'session-lost'))).toBe('session-lost');
    expect(classify(answer(503, 2, 'store-unavailable'))).toBe('store-unavailable');
    expect(classify(answer(503, 2, 'overloaded'))).toBe('overloaded');
    expect(classify(answer(503, 0))).toBe('no-healthy-server'); // HAProxy: no server left
    expect(classify(answer(502, 0))).toBe('server-down'); // HAProxy: the server died mid-request
    expect(classify(answer(0, 0))).toBe('server-down'); // the connection broke
  });

  it('counts a user as re-homed only within one journey, split by cause', () => {
    const change = { atMs: 1000, seenMs: 1500, from: 3, to: 4 };
    const homes: [number, number, number][][] = [
      [
        [500, 1, 1],
        [1600, 1, 1],
      ], // stayed
      [
        [500, 1, 1],
        [1600, 4, 1],
      ], // moved
      [
        [500, 2, 1],
        [1600, 3, 2],
      ], // a new journey: not counted
      [
        [500, 2, 1],
        [1200, 3, 1],
      ], // only answered before HAProxy acted: not counted
    ];
    expect(rehomedShare(homes, change)).toEqual({
      fraction: 0.5,
      users: 2,
      deadFraction: 0,
      mapFraction: 0.5,
    });
    // When server 1 crashed, the user who moved off it moved because it died.
    expect(rehomedShare(homes, { ...change, killed: 1 })).toEqual({
      fraction: 0.5,
      users: 2,
      deadFraction: 0.5,
      mapFraction: 0,
    });
  });

  it('the simulation agrees with itself, and a doubled loss is told apart', () => {
    const s = resolveScenario({ ...SMALL, users: { count: 300, thinkTimeS: 3 }, durationS: 60 });
    const o = simOutcome(s);
    expect(compareOutcomes(s, o, o, 1).every((v) => v.agree)).toBe(true);
    const worse = { ...o, sessions: { ...o.sessions, lost: o.sessions.lost * 2 + 40 } };
    const v = compareOutcomes(s, o, worse, 1).find((x) => x.figure === 'sessions lost per user');
    expect(v?.agree).toBe(false);
  });
});

function runCli(
  args: string[],
  env: Record<string, string>,
  onLine?: (line: string, kill: () => void) => void,
): Promise<{ code: number | null; signal: string | null; out: string; err: string; dir: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let dir = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => {
      err += d;
      const m = /files in (\S+)/.exec(err);
      if (m) dir = m[1]!;
      for (const line of String(d).split('\n')) onLine?.(line, () => child.kill('SIGINT'));
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out, err, dir });
    });
  });
}

describe('missing programs', () => {
  const scratchPath = mkdtempSync(path.join(os.tmpdir(), 'lab-nopath-'));
  afterAll(() => rmSync(scratchPath, { recursive: true, force: true }));

  it('the lab prints the install command and exits 2', async () => {
    const r = await runCli(['scripts/lab.ts', scenarioFile], { PATH: scratchPath });
    expect(r.code).toBe(2);
    expect(r.err).toContain('apt-get install -y haproxy redis-server');
  });

  it('the reality check says loudly that it was skipped; under CI that fails', async () => {
    const r = await runCli(['scripts/labCheck.ts'], { PATH: scratchPath, CI: '' });
    expect(r.code).toBe(0);
    expect(r.err).toContain('REALITY CHECK SKIPPED');
    expect(r.err).toContain('did NOT pass');
    const ci = await runCli(['scripts/labCheck.ts'], { PATH: scratchPath, CI: 'true' });
    expect(ci.code).toBe(1);
  });
});

describe.skipIf(!installed)('nothing is left behind', () => {
  it('after a complete run (--json)', async () => {
    const r = await runCli(['scripts/lab.ts', scenarioFile, '--json', '--time-scale', '4'], {});
    expect(r.code, r.err).toBe(0);
    const result = JSON.parse(r.out) as { real: { requests: { total: number } }; files: object };
    expect(result.real.requests.total).toBeGreaterThan(20);
    expect(Object.keys(result.files)).toContain('haproxy.cfg');
    expect(r.dir).not.toBe('');
    expect(processesUsing(r.dir)).toEqual([]);
    expect(existsSync(r.dir)).toBe(false);
  }, 60_000);

  it('on Ctrl-C in the middle of a run', async () => {
    let running: string[] = [];
    let dir = '';
    const r = await runCli(
      ['scripts/lab.ts', scenarioFile, '--time-scale', '2'],
      {},
      (line, interrupt) => {
        const m = /files in (\S+)/.exec(line);
        if (m) dir = m[1]!;
        if (line.includes('kill-server')) {
          running = processesUsing(dir);
          interrupt();
        }
      },
    );
    expect(running.length).toBeGreaterThanOrEqual(3); // HAProxy and the two surviving servers
    expect(r.err).toContain('SIGINT, stopping everything');
    expect(r.code).toBe(130);
    expect(processesUsing(dir)).toEqual([]);
    expect(existsSync(dir)).toBe(false);
  }, 60_000);

  it('on an error inside the run', async () => {
    if ('missing' in bin) throw new Error('unreachable: the suite is skipped without the programs');
    let dir = '';
    const s = resolveScenario({ ...SMALL, architecture: 'session-store' });
    await expect(
      runLab(s, bin, 4, (line) => {
        const m = /files in (\S+)/.exec(line);
        if (m) dir = m[1]!;
        if (line.includes('kill-server')) throw new Error('injected failure');
      }),
    ).rejects.toThrow('injected failure');
    expect(dir).not.toBe('');
    expect(livePids()).toEqual([]);
    expect(processesUsing(dir)).toEqual([]);
    expect(existsSync(dir)).toBe(false);
  }, 60_000);
});
