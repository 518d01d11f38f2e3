/**
 * Lesson: the hybrid design, stateless app servers plus a session store. A chaos-monkey
 * timeline kills and restarts servers for half a minute and nothing is lost; then the store, with
 * no replica, dies and logs everyone out; a replica turns the same crash into a short outage
 * that loses only the last moment of writes; a durable store trades latency for safety.
 *
 * Every number in the narration has a claim, checked by the lesson test with seed 7. Store
 * latencies are the model's own figures (STORE_PROFILES), checked once in the lesson test.
 */
import type { Scenario } from '../../sim/index.ts';
import type { DesignRun, Lesson } from '../types.ts';

/** Four stateless servers, Redis without a replica, and a chaos monkey for the first half minute. */
const CHAOS: Scenario = {
  version: 1,
  name: 'lesson-hybrid-chaos',
  seed: 7,
  durationS: 600,
  architecture: 'session-store',
  store: { kind: 'redis', replicas: 0 },
  loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
  servers: { count: 4 },
  users: { count: 300, thinkTimeS: 3 },
  timeline: [
    { atS: 3, action: 'kill-server', server: 2 },
    { atS: 8, action: 'restart-server', server: 2 },
    { atS: 11, action: 'kill-server', server: 4 },
    { atS: 15, action: 'kill-server', server: 1 },
    { atS: 19, action: 'restart-server', server: 4 },
    { atS: 22, action: 'restart-server', server: 1 },
    { atS: 25, action: 'kill-server', server: 3 },
    { atS: 28, action: 'restart-server', server: 3 },
  ],
};

/** The same shop with one Redis replica and no chaos. */
const REPLICATED: Scenario = {
  ...CHAOS,
  name: 'lesson-hybrid-replica',
  store: { kind: 'redis', replicas: 1 },
  timeline: [],
};

/** The same shop with a durable store (DynamoDB-like) and no replica. */
const DURABLE: Scenario = {
  ...REPLICATED,
  name: 'lesson-hybrid-durable',
  store: { kind: 'dynamodb', replicas: 0 },
};

/**
 * The check question as runs: the shop's store node dies at 20 s, and the run is read at
 * 40 s. Each answer is one store for the same shop.
 */
const storeDies = (
  id: string,
  label: string,
  store: NonNullable<Scenario['store']>,
): DesignRun => ({
  label,
  scenario: {
    ...REPLICATED,
    name: `lesson-hybrid-check-${id}`,
    store,
    timeline: [{ atS: 20, action: 'kill-store' }],
  },
  runMs: 40_000,
});

const STORE_RUNS = {
  memcached: storeDies('memcached', 'Memcached', { kind: 'memcached', replicas: 0 }),
  redisSingle: storeDies('redis', 'Redis, one node, no persistence', {
    kind: 'redis',
    replicas: 0,
  }),
  durable: storeDies('durable', 'DynamoDB-like durable store', { kind: 'dynamodb', replicas: 0 }),
  redisReplica: storeDies('replica', 'Redis with an asynchronous replica', {
    kind: 'redis',
    replicas: 1,
  }),
};

export const HYBRID: Lesson = {
  id: 'hybrid',
  title: 'Hybrid: stateless servers and a session store',
  minutes: 12,
  skin: 'shop',
  summary:
    'Let a chaos monkey kill servers at random and lose nothing; then watch the session store become the part that matters, and protect it with a replica or a durable store.',
  goals: [
    'Explain why stateless app servers can be killed at random without losing sessions.',
    'Predict what happens when a session store without a replica or persistence dies.',
    'Describe what a replica and failover save, and what replication lag can still lose.',
    'Compare Redis, Memcached, DynamoDB and Cassandra as session stores: speed versus durability.',
  ],
  steps: [
    {
      id: 'hybrid',
      title: 'Stateless servers, shared state',
      narration: [
        'Most web systems today are a hybrid: the app servers keep nothing about users between requests, and the sessions live in a shared session store, here Redis, which every server reads and writes. The servers are interchangeable copies of each other; the state sits in one place built to hold it.',
        'Netflix famously tests this property with a Chaos Monkey, a tool that kills production servers at random. A system that survives that every day is a system where servers hold no state that matters. Let us run our own monkey.',
      ],
      setup: { scenario: CHAOS, playing: false, speed: 1 },
      highlight: ['servers', 'store'],
      until: { kind: 'continue' },
    },
    {
      id: 'chaos',
      title: 'The chaos monkey',
      narration: [
        'For the next half minute the monkey crashes a server four times and restarts each one a little later, sometimes with two servers down at once. Watch the counters.',
      ],
      highlight: ['servers'],
      predict: {
        question: 'How many shoppers lose their session or their cart during this half minute?',
        choices: [
          {
            id: 'quarter',
            text: 'About a quarter of them at each crash: those whose requests were on the dead server.',
            correct: false,
            feedback:
              'That would be true if the servers held the sessions. Here they hold only the requests in progress.',
          },
          {
            id: 'none',
            text: 'None. Some requests fail and are retried, but every session survives.',
            correct: true,
            feedback:
              'Right. A crash loses the work in progress, never the session: the session is in the store.',
          },
          {
            id: 'everyone',
            text: 'Everyone, once two servers are down at the same time.',
            correct: false,
            feedback:
              'Two servers down means less capacity, not lost state. The remaining two carry the load and read the same store.',
          },
        ],
        explanation:
          'Only about 4 requests failed: those that were inside a server at the moment it died. Shoppers sent to a dead server before the health checks noticed were refused at once, and the load balancer passed their requests on to another server, as nginx does by default and HAProxy with retries and redispatch (about 1,000 of them). Sessions lost: 0. Cart items lost: 0.',
      },
      until: {
        kind: 'time',
        ms: 30_000,
        hint: 'Let the chaos monkey run for 30 simulated seconds.',
      },
      claims: [
        {
          metric: 'failedByReason.server-down',
          min: 1,
          max: 10,
          says: 'only about 4 requests failed',
        },
        { metric: 'retriedConnections', min: 850, max: 1150, says: 'about 1,000 of them' },
        { metric: 'sessions.lost', min: 0, max: 0, says: 'sessions lost: 0' },
        { metric: 'cart.itemsLost', min: 0, max: 0, says: 'cart items lost: 0' },
      ],
    },
    {
      id: 'store-dies',
      title: 'Now kill the store',
      narration: [
        'The state did not disappear from the system; it moved into the store. This store is Redis with no replica and no persistence to disk: all of it lives in one process’s memory.',
      ],
      highlight: ['store'],
      predict: {
        question: 'What happens when this session store dies?',
        choices: [
          {
            id: 'servers-cover',
            text: 'The servers carry on from their own copies of the sessions.',
            correct: false,
            feedback: 'The servers are stateless: they have no copies. That was the whole point.',
          },
          {
            id: 'everyone-out',
            text: 'Every logged-in shopper is logged out, and nobody can shop until the store is back.',
            correct: true,
            feedback:
              'Yes. One process held every session, and it is gone. The app tier is fine and useless without it.',
          },
          {
            id: 'slower',
            text: 'Requests get slower, because the servers fall back to the database.',
            correct: false,
            feedback:
              'Nothing here falls back automatically. The sessions were only in the store, and the database never had them.',
          },
        ],
        explanation:
          'About 250 shoppers, everyone who was logged in, lost their session at once, with about 260 cart items, and every request that needs the store now fails. When it restarts it will be empty. Servers you can kill freely, in exchange for one part that must not fail: the store needs the same care a database gets.',
      },
      until: { kind: 'action', action: 'kill-store', hint: 'Press “Kill session store”.' },
      autoAction: { action: 'kill-store' },
      claims: [
        { metric: 'sessions.lost', min: 235, max: 270, says: 'about 250 shoppers' },
        { metric: 'sessions.active', min: 0, max: 2, says: 'everyone who was logged in' },
        { metric: 'cart.itemsLost', min: 235, max: 280, says: 'about 260 cart items' },
        {
          metric: 'failedByReason.store-unavailable',
          min: 1,
          max: 1e9,
          says: 'every request that needs the store fails',
        },
      ],
    },
    {
      id: 'replica',
      title: 'Add a replica',
      narration: [
        'Start again with the same shop, and this time the Redis store has a replica: a second copy that the primary updates after every write. If the primary dies, the replica takes over after a short failover.',
        'Redis updates its replica asynchronously: the primary confirms a write first and sends it to the replica a moment later, in this model after a replication lag of 100 ms. Keep that moment in mind.',
      ],
      setup: { scenario: REPLICATED, speed: 1 },
      highlight: ['store'],
      until: { kind: 'time', ms: 12_000, hint: 'Let the shoppers log in and fill their carts.' },
      claims: [{ metric: 'sessions.active', min: 240, max: 300, says: 'shoppers logged in' }],
    },
    {
      id: 'failover',
      title: 'Fail over',
      narration: [
        'Kill the store again. This time the replica is promoted to primary after a 2-second failover; during those seconds every request that needs the store fails, and the shoppers retry.',
      ],
      highlight: ['store'],
      until: { kind: 'action', action: 'kill-store', hint: 'Press “Kill session store”.' },
      autoAction: { action: 'kill-store' },
      claims: [
        {
          metric: 'failedByReason.store-unavailable',
          min: 150,
          max: 210,
          says: 'requests fail during the 2-second failover',
        },
      ],
    },
    {
      id: 'after-failover',
      title: 'What the replica missed',
      narration: [
        'The replica took over within seconds. Look closer, though: 2 shoppers who had logged in during the last instant before the crash are logged out again, and 5 cart items are missing. Both writes had been confirmed, but had not reached the replica yet.',
        'The shoppers missing an item then saw a cart without it: 5 stale reads so far. A replica shrinks a store failure from everything to a sliver of the newest writes; a store that confirms a write only once several copies hold it can close even that gap.',
      ],
      highlight: ['store'],
      until: { kind: 'time', ms: 6_000, hint: 'Watch for 6 simulated seconds.' },
      claims: [
        { metric: 'sessions.lost', min: 1, max: 4, says: '2 shoppers are logged out again' },
        { metric: 'cart.itemsLost', min: 3, max: 7, says: '5 cart items are missing' },
        { metric: 'staleReads', min: 3, max: 7, says: '5 stale reads so far' },
      ],
    },
    {
      id: 'durable',
      title: 'Choosing a store',
      narration: [
        'Which store is a trade between speed and durability. Memcached answers in 0.3–0.8 ms but keeps nothing on disk and has no replicas. Redis takes 1–2 ms, can write an append-only file and run replicas. DynamoDB takes 5–10 ms and Cassandra 5–20 ms; both keep several copies, and a write they have confirmed on several copies survives the loss of a node.',
        'This run uses a DynamoDB-like store. The extra milliseconds show: a request takes about 112 ms on average here, a few milliseconds more than with Redis and still small next to the trip across the internet. In exchange, as the ATM lesson showed, a crash of such a store only pauses the shop; no session or cart is lost.',
      ],
      setup: { scenario: DURABLE, speed: 1 },
      highlight: ['store'],
      until: { kind: 'time', ms: 10_000, hint: 'Watch for 10 simulated seconds.' },
      claims: [{ metric: 'latencyMs.mean', min: 109, max: 115, says: 'about 112 ms on average' }],
    },
    {
      id: 'check',
      title: 'Check yourself',
      narration: [
        'Stateless servers made crashes cheap and scaling easy. The state still exists; you chose where it lives and how well it is protected.',
      ],
      until: { kind: 'continue' },
      check: {
        question:
          'A shop keeps carts in the session store and must never lose a confirmed cart item, even if a store node dies. Which choice fits best?',
        choices: [
          {
            id: 'memcached',
            text: 'Memcached, because it is the fastest.',
            correct: false,
            feedback:
              'It is the fastest, but it keeps nothing on disk and has no replicas: one crash loses every cart.',
            tryIt: STORE_RUNS.memcached,
          },
          {
            id: 'redis-single',
            text: 'A single Redis node without persistence.',
            correct: false,
            feedback: 'You saw what happens to it: one crash logs everyone out.',
            tryIt: STORE_RUNS.redisSingle,
          },
          {
            id: 'durable',
            text: 'A store that confirms writes only once several copies hold them, such as DynamoDB, at a few milliseconds more per request.',
            correct: true,
            feedback:
              'Yes. Paying a few milliseconds per request buys confirmed writes that survive a node failure.',
            tryIt: STORE_RUNS.durable,
          },
          {
            id: 'redis-replica',
            text: 'Redis with an asynchronous replica: failover loses nothing.',
            correct: false,
            feedback:
              'Failover keeps the shop running, but writes inside the replication lag can be lost, as the missing cart items showed.',
            tryIt: STORE_RUNS.redisReplica,
          },
        ],
        compare: ['cart.itemsLost', 'sessions.lost'],
      },
    },
  ],
};
