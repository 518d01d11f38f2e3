// Runs scripts/setup-system.sh in a scratch environment: a PATH holding only the programs
// each case wants present (fake apt-get, sudo, id, haproxy …), so the packages are missing
// whatever this machine has installed. The fakes log their arguments instead of installing.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = path.resolve('scripts/setup-system.sh');
let dirs: string[] = [];

interface Env {
  uid: number;
  programs: string[];
  aptFails?: boolean;
}

function scratch(env: Env): { bin: string; log: string; run: () => { code: number; out: string } } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'setup-test-'));
  dirs.push(dir);
  const bin = path.join(dir, 'bin');
  const log = path.join(dir, 'calls.log');
  spawnSync('mkdir', ['-p', bin]);
  writeFileSync(log, '');
  symlinkSync('/usr/bin/env', path.join(bin, 'env'));
  const fake = (name: string, body: string): void => {
    const p = path.join(bin, name);
    writeFileSync(p, `#!/bin/bash\n${body}\n`);
    chmodSync(p, 0o755);
  };
  fake('id', `echo ${env.uid}`);
  for (const p of env.programs) {
    if (p === 'apt-get')
      fake('apt-get', `echo "apt-get $*" >> ${log}\n${env.aptFails ? 'exit 100' : 'exit 0'}`);
    else if (p === 'sudo')
      fake(
        'sudo',
        `echo "sudo $*" >> ${log}\n[ "$1" = -n ] && shift\n[ "$1" = true ] && exit 0\nexec "$@"`,
      );
    else fake(p, 'exit 0');
  }
  return {
    bin,
    log,
    run: () => {
      const r = spawnSync('/bin/bash', [SCRIPT], {
        env: { PATH: bin, PLAYWRIGHT_CHROMIUM_PATH: path.join(bin, 'chromium') },
        encoding: 'utf8',
        timeout: 10_000,
      });
      return { code: r.status ?? -1, out: r.stdout + r.stderr };
    },
  };
}

const calls = (log: string): string => readFileSync(log, 'utf8');

afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('setup-system.sh', () => {
  it('as root with apt-get, installs every missing package', () => {
    const s = scratch({ uid: 0, programs: ['apt-get'] });
    const r = s.run();
    expect(r.code).toBe(0);
    expect(calls(s.log)).toContain('apt-get update');
    expect(calls(s.log)).toContain('apt-get install -y -qq chromium haproxy redis-server');
    expect(r.out).toContain('installed chromium haproxy redis-server');
  });

  it('installs only what is missing', () => {
    const s = scratch({ uid: 0, programs: ['apt-get', 'chromium', 'haproxy'] });
    s.run();
    expect(calls(s.log)).toContain('apt-get install -y -qq redis-server');
    expect(calls(s.log)).not.toContain('haproxy');
  });

  it('with passwordless sudo, installs through sudo', () => {
    const s = scratch({ uid: 1000, programs: ['apt-get', 'sudo'] });
    const r = s.run();
    expect(r.code).toBe(0);
    expect(calls(s.log)).toContain('sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install');
    expect(calls(s.log)).toContain('apt-get install -y -qq chromium haproxy redis-server');
  });

  it('without root or sudo, prints the one command and carries on', () => {
    const s = scratch({ uid: 1000, programs: ['apt-get'] });
    const r = s.run();
    expect(r.code).toBe(0);
    expect(r.out).toContain('sudo apt-get install -y chromium haproxy redis-server');
    expect(r.out).toContain('carrying on');
    expect(calls(s.log)).toBe('');
  });

  it('without apt-get, names the packages and carries on', () => {
    const s = scratch({ uid: 0, programs: [] });
    const r = s.run();
    expect(r.code).toBe(0);
    expect(r.out).toContain('no apt-get here');
    expect(r.out).toContain('apt-get install -y chromium haproxy redis-server');
  });

  it('when apt-get fails, prints the command and still exits 0', () => {
    const s = scratch({ uid: 0, programs: ['apt-get'], aptFails: true });
    const r = s.run();
    expect(r.code).toBe(0);
    expect(r.out).toContain('installing failed');
  });

  it('does nothing when everything is there', () => {
    const s = scratch({ uid: 0, programs: ['apt-get', 'chromium', 'haproxy', 'redis-server'] });
    const r = s.run();
    expect(r.out).toContain('are installed');
    expect(calls(s.log)).toBe('');
  });
});
