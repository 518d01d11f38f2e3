/**
 * The real stack for one run: writes the generated files into a fresh directory, starts
 * Redis, the app servers and HAProxy on 127.0.0.1, and carries out timeline actions on them
 * (SIGKILL a server, start it again, switch a declared server on, drain one, kill Redis …).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ResolvedScenario } from '../../src/sim/scenario.ts';
import {
  BACKEND,
  needsRedis,
  realStackFiles,
  serverSlots,
  type LabPorts,
  type RealFile,
} from '../../src/realStack/index.ts';
import type { Binaries } from './binaries.ts';
import { haproxyCommand, serverStats } from './haproxyApi.ts';
import { freePorts } from './ports.ts';
import { kill, start, waitForOutput, type Managed } from './processes.ts';

export interface AppStats {
  busyMs: number;
  upMs: number;
  workers: number;
  sessions: number;
  peakSessions: number;
}

export class Stack {
  readonly dir: string;
  readonly ports: LabPorts;
  readonly files: RealFile[];
  private readonly servers = new Map<number, Managed>();
  private redis: Managed | null = null;
  private haproxy: Managed | null = null;
  private readonly secret = randomBytes(32).toString('base64url');
  /** Last stats each app server reported (kept after it dies). */
  readonly appStats = new Map<number, AppStats>();
  /** What earlier processes of a restarted server had counted. */
  private readonly earlier = new Map<number, AppStats>();
  readonly slots: number;

  private constructor(
    readonly scenario: ResolvedScenario,
    readonly bin: Binaries,
    readonly timeScale: number,
    dir: string,
    ports: LabPorts,
  ) {
    this.dir = dir;
    this.ports = ports;
    this.slots = serverSlots(scenario);
    this.files = realStackFiles(scenario, ports, timeScale);
    for (const f of this.files) writeFileSync(path.join(dir, f.name), f.text);
  }

  static async create(s: ResolvedScenario, bin: Binaries, timeScale: number): Promise<Stack> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'statecraft-lab-'));
    const slots = serverSlots(s);
    const [frontend, redis, ...servers] = await freePorts(slots + 2);
    const ports: LabPorts = {
      frontend: frontend!,
      redis: redis!,
      servers,
      statsSocket: path.join(dir, 'haproxy.sock'),
      redisDir: dir,
    };
    return new Stack(s, bin, timeScale, dir, ports);
  }

  file(name: string): string {
    return path.join(this.dir, name);
  }

  async startRedis(): Promise<void> {
    this.redis = start('redis-server', this.bin.redis, [this.file('redis.conf')]);
    await waitForOutput(this.redis, /Ready to accept connections/, 10_000);
  }

  async startServer(id: number): Promise<void> {
    const before = this.appStats.get(id);
    if (before) this.earlier.set(id, before);
    const m = start('app server ' + id, process.execPath, [this.file('app-server.mjs')], {
      SERVER_ID: String(id),
      PORT: String(this.ports.servers[id - 1]),
      REDIS_PORT: String(this.ports.redis),
      JWT_SECRET: this.secret,
    });
    this.servers.set(id, m);
    await waitForOutput(m, /listening on/, 10_000);
  }

  async startAll(): Promise<void> {
    if (needsRedis(this.scenario)) await this.startRedis();
    await Promise.all(
      Array.from({ length: this.scenario.servers.count }, (_, i) => this.startServer(i + 1)),
    );
    this.haproxy = start('haproxy', this.bin.haproxy, ['-db', '-f', this.file('haproxy.cfg')]);
    // Ready when every server present at the start passes its first health check.
    const deadline = Date.now() + 15_000;
    for (;;) {
      try {
        const st = await serverStats(this.ports.statsSocket, BACKEND);
        const up = st.filter((x) => x.status === 'UP').length;
        if (up >= this.scenario.servers.count) return;
      } catch {
        // socket not there yet
      }
      if (this.haproxy.child.exitCode !== null)
        throw new Error('haproxy exited: ' + this.haproxy.output.join('').slice(-500));
      if (Date.now() > deadline) throw new Error('HAProxy did not see the servers up in 15 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async killServer(id: number): Promise<void> {
    const m = this.servers.get(id);
    if (m) await kill(m, 'SIGKILL');
  }

  async restartServer(id: number): Promise<void> {
    const m = this.servers.get(id);
    if (m && m.child.exitCode === null && m.child.signalCode === null) return;
    await this.startServer(id);
  }

  /** Starts a declared server and takes it out of maintenance. */
  async addServer(id: number): Promise<void> {
    await this.startServer(id);
    await haproxyCommand(this.ports.statsSocket, `set server ${BACKEND}/s${id} state ready`);
  }

  async drainServer(id: number): Promise<void> {
    await haproxyCommand(this.ports.statsSocket, `set server ${BACKEND}/s${id} state drain`);
  }

  async stopServer(id: number): Promise<void> {
    await haproxyCommand(this.ports.statsSocket, `set server ${BACKEND}/s${id} state maint`);
    const m = this.servers.get(id);
    if (m) await kill(m, 'SIGTERM');
  }

  async killStore(): Promise<void> {
    if (this.redis) await kill(this.redis, 'SIGKILL');
  }

  async restartStore(): Promise<void> {
    if (this.redis && this.redis.child.exitCode === null && this.redis.child.signalCode === null)
      return;
    await this.startRedis();
  }

  serverRunning(id: number): boolean {
    const m = this.servers.get(id);
    return !!m && m.child.exitCode === null && m.child.signalCode === null;
  }

  /** Asks every running app server for its counters (bounded: 1 s each). */
  async pollAppStats(): Promise<void> {
    await Promise.all(
      [...this.servers.keys()].map(async (id) => {
        if (!this.serverRunning(id)) return;
        try {
          const res = await fetch(`http://127.0.0.1:${this.ports.servers[id - 1]}/stats`, {
            signal: AbortSignal.timeout(1000),
          });
          const body = (await res.json()) as AppStats;
          // A restarted server starts its counters again: add what the old process had.
          const base = this.earlier.get(id);
          this.appStats.set(
            id,
            base
              ? {
                  ...body,
                  busyMs: base.busyMs + body.busyMs,
                  upMs: base.upMs + body.upMs,
                  peakSessions: Math.max(base.peakSessions, body.peakSessions),
                }
              : body,
          );
        } catch {
          // died meanwhile
        }
      }),
    );
  }

  removeDir(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
