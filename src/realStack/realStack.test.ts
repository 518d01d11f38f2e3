// The generated real-stack files: each stickiness method maps to the HAProxy setting that
// reproduces it, every explained setting occurs in its file, and (where the programs are
// installed) HAProxy accepts the configuration and Node parses the server program.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveScenario, STICKY_METHODS, ARCHITECTURES, type Scenario } from '../sim/scenario.ts';
import {
  examplePorts,
  haproxyConfig,
  labLimitations,
  realStackFiles,
  serverSlots,
} from './index.ts';

const scenario = (extra: Partial<Scenario> = {}) => resolveScenario({ version: 1, ...extra });
const hasHaproxy = spawnSync('haproxy', ['-v']).status === 0;

describe('haproxyConfig', () => {
  const expected: Record<string, string[]> = {
    none: ['balance roundrobin'],
    cookie: ['balance roundrobin', 'cookie SERVERID insert indirect nocache', 'cookie s1'],
    'ip-hash': ['balance source', 'hash-type consistent'],
    'hash-mod-n': ['balance hash req.cook(sid)', 'hash-type map-based'],
    'consistent-hash': ['balance hash req.cook(sid)', 'hash-type consistent'],
  };
  for (const sticky of STICKY_METHODS) {
    it(`${sticky} stickiness`, () => {
      const text = haproxyConfig(scenario({ loadBalancer: { sticky } }), examplePorts(3)).text;
      for (const line of expected[sticky]!) expect(text).toContain(line);
    });
  }

  it('maps the algorithms and the health check, scaled by the time scale', () => {
    const s = scenario({
      loadBalancer: { algorithm: 'least-connections', sticky: 'none', healthCheckS: 2 },
    });
    expect(haproxyConfig(s, examplePorts(3)).text).toContain('balance leastconn');
    expect(haproxyConfig(s, examplePorts(3), 4).text).toContain('inter 500ms fall 3 rise 2');
    expect(haproxyConfig(s, examplePorts(3)).text).toContain('retries 3');
    expect(haproxyConfig(s, examplePorts(3)).text).toContain('option redispatch 1');
    const tuned = scenario({ loadBalancer: { fall: 1, rise: 1, retries: 0, cookieMaxAgeS: 60 } });
    const text = haproxyConfig(tuned, examplePorts(3), 2).text;
    expect(text).toContain('fall 1 rise 1');
    expect(text).toContain('retries 0');
    expect(text).not.toContain('redispatch');
    expect(text).toContain('cookie SERVERID insert indirect nocache maxlife 30000ms');
    const r = scenario({ loadBalancer: { algorithm: 'random', sticky: 'none' } });
    expect(haproxyConfig(r, examplePorts(3)).text).toContain('balance random(1)');
  });

  it('declares servers added later as disabled slots, and binds to 127.0.0.1 only', () => {
    const s = scenario({ timeline: [{ atS: 5, action: 'add-server', count: 2 }] });
    expect(serverSlots(s)).toBe(5);
    const text = haproxyConfig(s, examplePorts(5)).text;
    expect(text).toMatch(/server s4 127\.0\.0\.1:8084 cookie s4 disabled/);
    expect(text).not.toMatch(/server s3 .*disabled/);
    for (const addr of text.match(/\b\d+\.\d+\.\d+\.\d+\b/g) ?? []) expect(addr).toMatch(/^127\./);
  });
});

describe('realStackFiles', () => {
  for (const architecture of ARCHITECTURES) {
    it(`${architecture}: every note explains text that is in its file`, () => {
      const files = realStackFiles(scenario({ architecture }));
      expect(files.map((f) => f.name)).toEqual(
        architecture === 'in-memory'
          ? ['haproxy.cfg', 'app-server.mjs']
          : ['haproxy.cfg', 'app-server.mjs', 'redis.conf'],
      );
      for (const f of files) {
        expect(f.notes.length).toBeGreaterThan(0);
        for (const n of f.notes) expect(f.text, n.match).toContain(n.match);
      }
    });
  }

  it('the server program keeps sessions where the architecture says', () => {
    const app = (architecture: (typeof ARCHITECTURES)[number]) =>
      realStackFiles(scenario({ architecture }))[1]!.text;
    expect(app('in-memory')).toContain('const sessions = new Map()');
    expect(app('in-memory')).not.toContain('GETEX');
    expect(app('session-store')).toContain("redis('GETEX', 'sess:' + sid, 'EX', TTL_S)");
    expect(app('jwt')).toContain('function verifyToken');
    expect(app('jwt')).not.toContain('loadSession');
  });

  it('Node parses every server program', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'realstack-'));
    try {
      for (const architecture of ARCHITECTURES) {
        const file = path.join(dir, `${architecture}.mjs`);
        writeFileSync(file, realStackFiles(scenario({ architecture }))[1]!.text);
        execFileSync(process.execPath, ['--check', file]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!hasHaproxy)('HAProxy accepts the configuration for every stickiness method', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'realstack-'));
    try {
      for (const sticky of STICKY_METHODS) {
        const file = path.join(dir, `${sticky}.cfg`);
        const s = scenario({
          loadBalancer: { sticky },
          timeline: [{ atS: 5, action: 'add-server', count: 1 }],
        });
        writeFileSync(
          file,
          haproxyConfig(s, { ...examplePorts(4), statsSocket: path.join(dir, 's') }).text,
        );
        const r = spawnSync('haproxy', ['-c', '-f', file], { encoding: 'utf8' });
        expect(r.status, r.stdout + r.stderr).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('labLimitations', () => {
  it('accepts the presets the lab runs and names what it cannot run', () => {
    expect(labLimitations(scenario())).toEqual([]);
    const bad = scenario({
      architecture: 'session-store',
      store: { kind: 'dynamodb', replicas: 1 },
      timeline: [{ atS: 3, action: 'deploy' }],
    });
    const text = labLimitations(bad).join('\n');
    expect(text).toContain('store.kind "dynamodb"');
    expect(text).toContain('store.replicas');
    expect(text).toContain('"deploy"');
  });
});
