/** HAProxy's runtime API over its stats socket: server states and per-server counters. */
import net from 'node:net';

export function haproxyCommand(
  socketPath: string,
  command: string,
  timeoutMs = 2000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = net.createConnection(socketPath);
    let out = '';
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error(`HAProxy runtime API: no answer to "${command}"`));
    }, timeoutMs);
    sock.on('connect', () => sock.write(command + '\n'));
    sock.on('data', (d) => (out += d.toString()));
    sock.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    sock.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
}

export interface ServerStat {
  name: string;
  /** UP, DOWN, MAINT, DRAIN, … as HAProxy reports it. */
  status: string;
  /** Requests (sessions) HAProxy sent to this server. */
  total: number;
  /** Requests HAProxy redispatched away from this server after a refused connection. */
  redispatched: number;
}

/** Parses `show stat` for one backend's servers. */
export async function serverStats(socketPath: string, backend: string): Promise<ServerStat[]> {
  const csv = await haproxyCommand(socketPath, 'show stat');
  const lines = csv.split('\n').filter((l) => l.length > 0);
  const header = (lines[0] ?? '').replace(/^# /, '').split(',');
  const col = (name: string): number => header.indexOf(name);
  const out: ServerStat[] = [];
  for (const line of lines.slice(1)) {
    const f = line.split(',');
    if (f[col('pxname')] !== backend) continue;
    const name = f[col('svname')] ?? '';
    if (name === 'BACKEND' || name === 'FRONTEND') continue;
    out.push({
      name,
      status: f[col('status')] ?? '',
      total: Number(f[col('stot')] ?? 0),
      redispatched: Number(f[col('wredis')] || 0),
    });
  }
  return out;
}
