/**
 * Lesson: Black Friday. Traffic jumps tenfold; an autoscaler grows a stateless tier from 2
 * servers towards 20 while requests are turned away until new servers are up. The same spike
 * on a stateful tier: with hash stickiness each scale-out logs users out by the hundred; with
 * cookie stickiness nobody is logged out, but shoppers stay pinned to the swamped servers,
 * the new ones sit half idle and the autoscaler, which looks at the average, stops early.
 *
 * Built on the black-friday preset (its servers, store and load balancer), with a quicker
 * autoscaler (a decision every 5 s, servers booting in 5 s) so the lesson fits in a couple of
 * minutes, and the spike at 4 s. Every number in the narration has a claim (seed 7), or is a
 * setting of this scenario checked in the lesson test.
 */
import { presetScenario, type Scenario } from '../../sim/index.ts';
import type { DesignRun, Lesson } from '../types.ts';

const PRESET: Scenario = presetScenario('black-friday') ?? { version: 1 };

const STATELESS: Scenario = {
  ...PRESET,
  name: 'lesson-black-friday-stateless',
  durationS: 600,
  servers: {
    ...PRESET.servers,
    bootS: 5,
    autoscale: { targetUtilization: 0.6, min: 2, max: 20, intervalS: 5 },
  },
  timeline: [{ atS: 4, action: 'set-users', count: 2000 }],
};

/** Sessions in server memory, hash-mod-N stickiness, the same autoscaler and spike. */
const STATEFUL_HASH: Scenario = {
  ...STATELESS,
  name: 'lesson-black-friday-hash',
  architecture: 'in-memory',
  loadBalancer: { algorithm: 'least-connections', sticky: 'hash-mod-n' },
};

/** Sessions in server memory, cookie stickiness, the same autoscaler and spike. */
const STATEFUL_COOKIE: Scenario = {
  ...STATEFUL_HASH,
  name: 'lesson-black-friday-cookie',
  loadBalancer: { algorithm: 'least-connections', sticky: 'cookie' },
};

/**
 * The exam question as runs: the application that keeps sessions on each server (cookie
 * stickiness, the same autoscaler), hit by the same spike at 4 s and read at 60 s. Each answer
 * is one change to it.
 */
const FIX_RUNS = {
  bigger: {
    label: 'Servers twice the size',
    // Twice the workers (8 each), sessions still in memory, the same autoscaler.
    scenario: {
      ...STATEFUL_COOKIE,
      name: 'lesson-black-friday-fix-bigger',
      servers: { ...STATEFUL_COOKIE.servers, workers: 8 },
    },
    runMs: 60_000,
  },
  offload: {
    label: 'Shared store + autoscaling',
    scenario: { ...STATELESS, name: 'lesson-black-friday-fix-offload' },
    runMs: 60_000,
  },
  sticky: {
    label: 'Hash-mod-N stickiness',
    scenario: { ...STATEFUL_HASH, name: 'lesson-black-friday-fix-hash' },
    runMs: 60_000,
  },
  biggerQueue: {
    label: 'Queues four times as long',
    scenario: {
      ...STATEFUL_COOKIE,
      name: 'lesson-black-friday-fix-queue',
      servers: { ...STATEFUL_COOKIE.servers, queueLimit: 400 },
    },
    runMs: 60_000,
  },
} satisfies Record<string, DesignRun>;

export const BLACK_FRIDAY: Lesson = {
  id: 'black-friday',
  title: 'Black Friday: ten times the traffic',
  minutes: 9,
  skin: 'shop',
  summary:
    'Traffic jumps tenfold. Watch an autoscaler grow a stateless tier from 2 servers towards 20, and see what the same spike does to servers that hold sessions in memory.',
  goals: [
    'Explain why an autoscaler can add stateless servers without any session planning.',
    'Recognise that autoscaling is not instant: until new servers are up, a spike means refused requests.',
    'Compare what scaling out during a spike costs a stateful tier with hash and with cookie stickiness.',
  ],
  steps: [
    {
      id: 'normal',
      title: 'A normal day',
      narration: [
        'A normal day: a modest crowd of shoppers, two stateless app servers and a session store with a replica. The load balancer sends each request to the server with the fewest in progress.',
        'An autoscaler watches how busy the servers are: every 5 seconds it adds servers to bring them back to a target of 60 % busy, up to a maximum of 20 servers. A new server boots in 5 seconds. That is quicker than most real fleets, where a new machine can take a minute or more, and it keeps this lesson short.',
      ],
      setup: { scenario: STATELESS, playing: false, speed: 1 },
      highlight: ['users', 'servers'],
      until: { kind: 'continue' },
    },
    {
      id: 'spike',
      title: 'The doors open',
      narration: [
        'It is Black Friday. A few seconds after you press play the crowd grows tenfold, and every new shopper starts clicking at once.',
      ],
      highlight: ['users', 'servers'],
      predict: {
        question: 'What happens in the first twenty seconds of the rush?',
        choices: [
          {
            id: 'instant',
            text: 'The autoscaler adds servers at once, so nothing fails.',
            correct: false,
            feedback:
              'The autoscaler decides within seconds, but each new server still has to boot before it can help.',
          },
          {
            id: 'refused',
            text: 'The two servers’ queues overflow and requests are turned away until new servers are up.',
            correct: true,
            feedback:
              'Right. Stateless servers are easy to add, not instant to add. Boot time is the gap.',
          },
          {
            id: 'logged-out',
            text: 'Shoppers are logged out, because new servers do not have their sessions.',
            correct: false,
            feedback:
              'The servers are stateless: every session is in the store, and a new server reads it like any other.',
          },
        ],
        explanation:
          'The queues overflowed and about 7,000 requests were turned away as overloaded while new servers booted. By now the autoscaler has grown the fleet to 5 servers, and each one took its share the moment it passed its health checks: nothing to hand over, no session lost. It cannot grow faster: a swamped server reads as fully busy, never more, so each decision asks for only a few more servers than are running, and the new ones must boot before they count.',
      },
      until: { kind: 'time', ms: 24_000, hint: 'Watch the rush for 24 simulated seconds.' },
      claims: [
        {
          metric: 'failedByReason.overloaded',
          min: 6400,
          max: 7500,
          says: 'about 7,000 requests were turned away',
        },
        { metric: 'servers.length', min: 5, max: 5, says: '5 servers' },
        { metric: 'sessions.lost', min: 0, max: 0, says: 'no session lost' },
      ],
    },
    {
      id: 'hash-tier',
      title: 'The same day, sessions in memory',
      narration: [
        'Rewind. Same shop, same autoscaler, same rush, but the servers keep sessions in memory and the load balancer finds each user’s server by hash mod N. Every time the autoscaler adds servers, N changes.',
        'Watch the lost-session counter jump at each scale-out. The two new servers pass their health checks at different moments, so N changes twice: the first change sends about two thirds of the users to a different server, the second about three quarters, and about 730 sessions are lost within seconds, on the day the shop can least afford it. The extra capacity arrives, and logs customers out as it does.',
      ],
      setup: { scenario: STATEFUL_HASH, speed: 1 },
      highlight: ['lb', 'servers'],
      until: { kind: 'time', ms: 22_000, hint: 'Watch for 22 simulated seconds.' },
      claims: [
        { metric: 'rehomed.0.fraction', min: 0.6, max: 0.7, says: 'about two thirds' },
        {
          metric: 'rehomed.1.fraction',
          min: 0.7,
          max: 0.8,
          says: 'the second about three quarters',
        },
        { metric: 'sessions.lost', min: 650, max: 820, says: 'about 730 sessions are lost' },
      ],
    },
    {
      id: 'cookie-tier',
      title: 'Cookie stickiness holds on',
      narration: [
        'Rewind once more, now with cookie stickiness. A new server moves nobody, so not a single session is lost: a stateful tier can scale out.',
        'But the shoppers already pinned to the two swamped servers stay there, retrying, while the new servers only get shoppers who start a new visit. The new ones sit half idle and pull the average down, so the autoscaler sees little need: it stops at 4 servers. About 7,800 requests are turned away, roughly a tenth more than the stateless shop refused in the same time, and the refusals keep coming while the stateless shop keeps growing.',
      ],
      setup: { scenario: STATEFUL_COOKIE, speed: 1 },
      highlight: ['servers'],
      until: { kind: 'time', ms: 22_000, hint: 'Watch for 22 simulated seconds.' },
      claims: [
        { metric: 'sessions.lost', min: 0, max: 0, says: 'not a single session is lost' },
        { metric: 'servers.length', min: 4, max: 4, says: 'it stops at 4 servers' },
        {
          metric: 'failedByReason.overloaded',
          min: 7300,
          max: 8300,
          says: 'about 7,800 requests are turned away',
        },
      ],
    },
    {
      id: 'check',
      title: 'Check yourself',
      narration: [
        'Real shops do not wait for the autoscaler on a day they can see coming: they add servers the night before, which stateless servers make just as easy. And the claim that stateful servers cannot scale is too strong: they can add servers. What they cannot do is move the users they already have, so hash stickiness loses sessions and cookie stickiness leaves the hot servers hot. Stateless servers let the load balancer put every request where there is room.',
      ],
      until: { kind: 'continue' },
      check: {
        question:
          'An exam question: “An application cannot keep up with traffic spikes because it relies on sessions stored on each server.” What is the best fix?',
        choices: [
          {
            id: 'bigger',
            text: 'Move to bigger servers (scale up).',
            correct: false,
            feedback:
              'Bigger servers help until the biggest one is full, and each is still a single place where sessions die.',
            tryIt: FIX_RUNS.bigger,
          },
          {
            id: 'offload',
            text: 'Move the sessions to a shared store such as ElastiCache (Redis) or DynamoDB, and let an autoscaler add stateless servers.',
            correct: true,
            feedback:
              'Yes. That is the textbook answer, and you saw why: new servers help at once and nobody is logged out.',
            tryIt: FIX_RUNS.offload,
          },
          {
            id: 'sticky',
            text: 'Switch to hash-mod-N sticky sessions.',
            correct: false,
            feedback:
              'Stickiness keeps such an application working at all, but with hash mod N every scale-out logs many users out.',
            tryIt: FIX_RUNS.sticky,
          },
          {
            id: 'bigger-queue',
            text: 'Make the request queues longer so fewer requests are refused.',
            correct: false,
            feedback: 'Longer queues turn refusals into long waits; they add no capacity.',
            tryIt: FIX_RUNS.biggerQueue,
          },
        ],
        compare: ['requests.failed', 'sessions.lost', 'latencyMs.mean'],
      },
    },
  ],
};
