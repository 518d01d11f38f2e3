/** Finds the programs the lab runs and their versions; a missing one is a clear message. */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export const INSTALL_COMMAND = 'apt-get install -y haproxy redis-server';

export function which(program: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, program);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return null;
}

export interface Binaries {
  haproxy: string;
  redis: string;
  versions: { haproxy: string; redis: string; node: string };
}

/** The programs, or the list of missing ones. */
export function findBinaries(): Binaries | { missing: string[] } {
  const haproxy = which('haproxy');
  const redis = which('redis-server');
  const missing = [...(haproxy ? [] : ['haproxy']), ...(redis ? [] : ['redis-server'])];
  if (!haproxy || !redis) return { missing };
  const first = (cmd: string, args: string[]): string =>
    execFileSync(cmd, args, { encoding: 'utf8', timeout: 5000 }).split('\n')[0]!.trim();
  return {
    haproxy,
    redis,
    versions: {
      haproxy: first(haproxy, ['-v']),
      redis: first(redis, ['--version']),
      node: `Node ${process.version}`,
    },
  };
}
