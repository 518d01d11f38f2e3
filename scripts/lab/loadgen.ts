/**
 * The lab's users: a load generator that runs the scenario's users against the real load
 * balancer, with a cookie jar each, seeded think times and journeys (log in → browse → add
 * to cart → view cart → check out), and its own loopback source address per user (users
 * behind a shared NAT share one), so HAProxy's `balance source` sees them as the model does.
 * Every loop is bounded in count and in time.
 */
import http from 'node:http';
import { ALICE_ITEMS, ITEMS } from '../../src/sim/catalog.ts';
import {
  createStream,
  exponential,
  intBelow,
  nextFloat,
  nextUint32,
  uniform,
  type RandomStream,
} from '../../src/sim/random.ts';
import type { ResolvedScenario } from '../../src/sim/scenario.ts';
import { SESSION_COOKIE } from '../../src/realStack/index.ts';

type Op = 'login' | 'browse' | 'add' | 'view' | 'checkout';

const PATHS: Record<Op, string> = {
  login: '/login',
  browse: '/browse',
  add: '/cart/add',
  view: '/cart',
  checkout: '/checkout',
};

/** What the users saw, counted as the simulation counts it. */
export interface Observed {
  requests: { total: number; ok: number; failed: number; inFlight: number };
  failedByReason: Record<string, number>;
  sessions: { created: number; lost: number; active: number };
  cart: { itemsAdded: number; itemsLost: number };
  staleReads: number;
  checkouts: { completed: number; failed: number };
  latenciesMs: number[];
  credentialBytes: number;
  /** The largest credential (session cookie or token) a request carried, in bytes. */
  credentialMax: number;
  perServer: Map<number, { requests: number; failed: number }>;
  /** `x-session-lookup` header values the servers sent: memory, redis or none. */
  lookups: Record<string, number>;
  /**
   * Per user, for each answer that named a server: the scenario time the request reached the
   * load balancer (its routing moment), the server and the journey number.
   */
  homes: [number, number, number][][];
}

interface LabUser {
  idx: number;
  ip: string;
  thinkMeanMs: number;
  /** The model's per-user streams (same names, same draws) and the lab's own. */
  journeyRng: RandomStream;
  thinkRng: RandomStream;
  sidRng: RandomStream;
  netRng: RandomStream;
  agent: http.Agent;
  jar: Map<string, string>;
  token: string | null;
  sid: string;
  plan: Op[];
  items: number[];
  step: number;
  cart: number[];
  loggedIn: boolean;
  sent: number;
  /** Journeys started (a re-login after a lost session continues the same journey). */
  journey: number;
}

export interface LoadOptions {
  scenario: ResolvedScenario;
  port: number;
  timeScale: number;
  /** Scenario milliseconds since the start of the run. */
  clock: () => number;
  /** Wall-clock deadline after which no user sends anything. */
  endWallMs: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));

function newSid(rng: RandomStream): string {
  const b = Buffer.alloc(16);
  for (let i = 0; i < 4; i++) b.writeUInt32LE(nextUint32(rng), i * 4);
  return b.toString('base64url');
}

/** The loopback address user `idx` sends from (127.1.x.y own, 127.2.0.g behind NAT g). */
export function userAddress(s: ResolvedScenario, idx: number, rng: RandomStream): string {
  const natted = s.users.sharedIpGroups > 0 && nextFloat(rng) < s.users.sharedIpShare;
  if (natted) return `127.2.0.${1 + (idx % Math.min(250, s.users.sharedIpGroups))}`;
  const n = idx + 1;
  return `127.1.${(n >> 8) & 255}.${n & 255}`;
}

function startJourney(u: LabUser): void {
  u.journey++;
  u.sid = newSid(u.sidRng);
  // The load balancer's stickiness cookie outlives the shop's session (as in the model):
  // the jar keeps it; HAProxy's `maxlife` ends it when the scenario gives it a lifetime.
  u.token = null;
  u.loggedIn = false;
  u.step = 0;
  u.cart = [];
  const plan: Op[] = ['login'];
  const items: number[] = [-1];
  if (u.idx === 0) {
    plan.push('browse');
    items.push(-1);
    for (const item of ALICE_ITEMS) {
      plan.push('add');
      items.push(item);
    }
  } else {
    const browses = 1 + intBelow(u.journeyRng, 2);
    for (let i = 0; i < browses; i++) {
      plan.push('browse');
      items.push(-1);
    }
    const adds = 1 + intBelow(u.journeyRng, 3);
    for (let i = 0; i < adds; i++) {
      plan.push('add');
      items.push(intBelow(u.journeyRng, ITEMS.length));
    }
  }
  plan.push('view', 'checkout');
  items.push(-1, -1);
  u.plan = plan;
  u.items = items;
}

interface Answer {
  status: number;
  server: number;
  lookup: string;
  body: Record<string, unknown> | null;
  setCookies: string[];
  error: string | null;
}

function send(
  u: LabUser,
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<Answer> {
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: 'GET', localAddress: u.ip, agent: u.agent, headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d.length + text.length < 65536 ? d : ''));
        res.on('end', () => {
          let body: Record<string, unknown> | null;
          try {
            body = JSON.parse(text) as Record<string, unknown>;
          } catch {
            body = null;
          }
          const setCookie = res.headers['set-cookie'];
          resolve({
            status: res.statusCode ?? 0,
            server: Number(res.headers['x-server'] ?? 0),
            lookup: String(res.headers['x-session-lookup'] ?? ''),
            body,
            setCookies: Array.isArray(setCookie) ? setCookie : [],
            error: null,
          });
        });
        res.on('error', (e) =>
          resolve({
            status: 0,
            server: 0,
            lookup: '',
            body: null,
            setCookies: [],
            error: String(e),
          }),
        );
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', (e) =>
      resolve({ status: 0, server: 0, lookup: '', body: null, setCookies: [], error: String(e) }),
    );
    req.end();
  });
}

/** Failure reason of an answer, in the model's words (null: it succeeded). */
export function classify(a: Answer): string | null {
  if (a.status === 200) return null;
  const err = a.body && typeof a.body.error === 'string' ? a.body.error : '';
  if (a.server > 0) {
    if (a.status === 401 && err === 'session-lost') return 'session-lost';
    if (a.status === 503 && (err === 'overloaded' || err === 'store-unavailable')) return err;
    return 'server-error';
  }
  // No server named it: HAProxy answered itself.
  if (a.status === 503) return 'no-healthy-server';
  return 'server-down'; // 502/504 from HAProxy or a broken connection
}

const sameCart = (a: number[], b: unknown): boolean =>
  Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);

export class LoadGenerator {
  readonly observed: Observed = {
    requests: { total: 0, ok: 0, failed: 0, inFlight: 0 },
    failedByReason: {
      'session-lost': 0,
      'no-healthy-server': 0,
      'server-down': 0,
      'store-unavailable': 0,
      overloaded: 0,
    },
    sessions: { created: 0, lost: 0, active: 0 },
    cart: { itemsAdded: 0, itemsLost: 0 },
    staleReads: 0,
    checkouts: { completed: 0, failed: 0 },
    latenciesMs: [],
    credentialBytes: 0,
    credentialMax: 0,
    perServer: new Map(),
    lookups: {},
    homes: [],
  };
  private readonly users: LabUser[] = [];
  private wanted = 0;
  private readonly loops: Promise<void>[] = [];

  constructor(private readonly o: LoadOptions) {}

  /** Sets how many users are active (a traffic spike or drop); new ones start spread out. */
  setUsers(count: number): void {
    const s = this.o.scenario;
    const was = this.wanted;
    this.wanted = Math.max(0, Math.min(count, 2000));
    for (let idx = was; idx < this.wanted; idx++) {
      const profile = createStream(s.seed, `user-profile:${idx}`);
      const heavy = nextFloat(profile) < s.users.heavyShare;
      const u: LabUser = this.users[idx] ?? {
        idx,
        ip: userAddress(s, idx, profile),
        thinkMeanMs: (s.users.thinkTimeS * 1000) / (heavy ? s.users.heavyFactor : 1),
        journeyRng: createStream(s.seed, `user-journey:${idx}`),
        thinkRng: createStream(s.seed, `user-think:${idx}`),
        sidRng: createStream(s.seed, `lab-sid:${idx}`),
        netRng: createStream(s.seed, `lab-network:${idx}`),
        agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
        jar: new Map(),
        token: null,
        sid: '',
        plan: [],
        items: [],
        step: 0,
        cart: [],
        loggedIn: false,
        sent: 0,
        journey: 0,
      };
      this.users[idx] = u;
      this.observed.homes[idx] ??= [];
      this.loops.push(this.run(u));
    }
  }

  private async run(u: LabUser): Promise<void> {
    const { scenario: s, timeScale: k, port } = this.o;
    const maxRequests = Math.ceil(((s.durationS * 1000) / u.thinkMeanMs) * 4) + 20;
    const obs = this.observed;
    const latency = (): number => uniform(u.netRng, 0.75, 1.25) * s.network.clientLatencyMs;
    const think = (ms: number): Promise<void> => sleep(Math.min(ms, this.o.endWallMs - Date.now()));
    await think(uniform(u.thinkRng, 0, s.users.thinkTimeS * 1000) / k);
    if (u.plan.length === 0) startJourney(u);
    while (u.idx < this.wanted && Date.now() < this.o.endWallMs && u.sent < maxRequests) {
      const op = u.plan[u.step]!;
      const item = u.items[u.step]!;
      const headers: Record<string, string> = {};
      const cookies = [...u.jar.entries()].map(([n, v]) => `${n}=${v}`);
      let credential = 0;
      if (s.architecture === 'jwt') {
        if (u.token) {
          headers.authorization = `Bearer ${u.token}`;
          credential = u.token.length;
        }
      } else {
        // The session id routes hash stickiness from the first request on; a login carries
        // no credential (it sends the password), as in the model.
        cookies.push(`${SESSION_COOKIE}=${u.sid}`);
        credential = op === 'login' ? 0 : u.sid.length;
      }
      if (cookies.length) headers.cookie = cookies.join('; ');
      let path = PATHS[op];
      if (op === 'login') path += `?user=u${u.idx}`;
      if (op === 'add') path += `?item=${item}`;
      u.sent++;
      obs.requests.inFlight++;
      obs.credentialBytes += credential;
      obs.credentialMax = Math.max(obs.credentialMax, credential);
      const t0 = performance.now();
      await sleep(latency()); // the trip from the user's browser to the data centre
      const sentAt = this.o.clock(); // when HAProxy routes it
      const a = await send(u, port, path, headers);
      await sleep(latency()); // and back
      const tookMs = performance.now() - t0;
      obs.requests.inFlight--;
      obs.requests.total++;
      for (const c of a.setCookies) {
        const [pair] = c.split(';');
        const i = pair!.indexOf('=');
        if (i > 0 && pair!.slice(0, i) !== SESSION_COOKIE)
          u.jar.set(pair!.slice(0, i), pair!.slice(i + 1));
      }
      if (a.lookup) obs.lookups[a.lookup] = (obs.lookups[a.lookup] ?? 0) + 1;
      const reason = classify(a);
      if (a.server > 0) {
        obs.homes[u.idx]!.push([sentAt, a.server, u.journey]);
        const ps = obs.perServer.get(a.server) ?? { requests: 0, failed: 0 };
        ps.requests++;
        if (reason) ps.failed++;
        obs.perServer.set(a.server, ps);
      }
      if (reason === null) {
        obs.requests.ok++;
        obs.latenciesMs.push(tookMs);
        if (op === 'login') {
          obs.sessions.created++;
          u.loggedIn = true;
          if (typeof a.body?.token === 'string') u.token = a.body.token;
        } else if (op === 'add') {
          obs.cart.itemsAdded++;
          u.cart.push(item);
        } else if (op === 'view' || op === 'checkout') {
          const shown = op === 'view' ? a.body?.cart : a.body?.paid;
          if (!sameCart(u.cart, shown)) obs.staleReads++;
        }
        if (op === 'checkout') {
          obs.checkouts.completed++;
          startJourney(u);
        } else u.step++;
      } else {
        obs.requests.failed++;
        obs.failedByReason[reason] = (obs.failedByReason[reason] ?? 0) + 1;
        if (op === 'checkout') obs.checkouts.failed++;
        if (reason === 'session-lost') {
          if (u.loggedIn) {
            obs.sessions.lost++;
            obs.cart.itemsLost += u.cart.length;
          }
          // Log in again with a new session; the cart is gone.
          const plan = u.plan;
          const items = u.items;
          startJourney(u);
          u.journey--;
          u.plan = plan;
          u.items = items;
        }
      }
      await think(exponential(u.thinkRng, u.thinkMeanMs) / k);
    }
  }

  /** Users in a journey with a session that worked so far. */
  loggedInCount(): number {
    return this.users.filter((u, i) => u && i < this.wanted && u.loggedIn).length;
  }

  /** Waits for every user to finish (bounded by the deadline plus the request timeout). */
  async finish(): Promise<Observed> {
    await Promise.race([Promise.all(this.loops), sleep(this.o.endWallMs - Date.now() + 12_000)]);
    for (const u of this.users) if (u) u.agent.destroy();
    this.observed.sessions.active = this.users.filter((u) => u && u.loggedIn).length;
    return this.observed;
  }
}
