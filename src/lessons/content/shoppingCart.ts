/**
 * Lesson: the shopping cart journey. Alice logs in, adds an iPhone, then AirPods, and checks
 * out, while the learner watches where her session lives: in one server's memory without
 * stickiness, with stickiness, through a crash, and finally in a shared session store.
 *
 * Every number in the narration has a claim; the lesson test plays the lesson with seed 7 and
 * checks them. Alice's server at the moment of the crash was found by running the sticky
 * scenario: with seed 7 her cart (iPhone, AirPods) sits on server 3 from about 16.2 s to 22.4 s.
 */
import type { Scenario, TimelineEntry } from '../../sim/index.ts';
import type { DesignRun, Lesson } from '../types.ts';

const CROWD = { count: 120, thinkTimeS: 3 } as const;

const NO_STICKY: Scenario = {
  version: 1,
  name: 'lesson-cart-no-sticky',
  seed: 7,
  durationS: 120,
  architecture: 'in-memory',
  loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
  servers: { count: 3 },
  users: CROWD,
};

const STICKY: Scenario = {
  ...NO_STICKY,
  name: 'lesson-cart-sticky',
  loadBalancer: { algorithm: 'round-robin', sticky: 'cookie' },
};

const SHARED_STORE: Scenario = {
  ...NO_STICKY,
  name: 'lesson-cart-session-store',
  architecture: 'session-store',
  store: { kind: 'redis', replicas: 0 },
};

/** Simulated time the sticky run has reached when Alice's server crashes, in ms. */
const CRASH_AT_MS = 18_000;
/** The server that holds Alice's session and cart at CRASH_AT_MS (seed 7). */
const ALICE_SERVER = 3;

/**
 * The check question as runs: a night's replacement of the servers, one after another, every
 * ten seconds from 10 s (each killed, then started again 4 s later), read at 60 s. Each answer
 * is one design for the sticky shop.
 */
const replaceEach = (count: number): TimelineEntry[] =>
  Array.from({ length: count }, (_, i) => [
    { atS: 10 + 10 * i, action: 'kill-server' as const, server: i + 1 },
    { atS: 14 + 10 * i, action: 'restart-server' as const, server: i + 1 },
  ]).flat();

const NIGHTLY_RUNS = {
  moreServers: {
    label: 'In memory, five servers',
    scenario: {
      ...STICKY,
      name: 'lesson-cart-nightly-more-servers',
      servers: { count: 5 },
      timeline: replaceEach(5),
    },
    runMs: 60_000,
  },
  store: {
    label: 'Shared session store',
    scenario: {
      ...SHARED_STORE,
      name: 'lesson-cart-nightly-store',
      store: { kind: 'redis', replicas: 1 },
      timeline: replaceEach(3),
    },
    runMs: 60_000,
  },
  stickier: {
    label: 'Consistent-hash stickiness',
    scenario: {
      ...STICKY,
      name: 'lesson-cart-nightly-consistent-hash',
      loadBalancer: { algorithm: 'round-robin', sticky: 'consistent-hash' },
      timeline: replaceEach(3),
    },
    runMs: 60_000,
  },
} satisfies Record<string, DesignRun>;

export const SHOPPING_CART: Lesson = {
  id: 'shopping-cart',
  title: 'The shopping cart journey',
  minutes: 10,
  skin: 'shop',
  summary:
    'Follow Alice from login to checkout and watch where her cart lives: lost without sticky sessions, kept with them, gone when her server crashes, and safe in a shared session store, at a price.',
  goals: [
    'Say what session state is and where it lives in each design.',
    'Explain why sessions kept in server memory need sticky sessions.',
    'Predict what a server crash does to sessions kept in its memory.',
    'Name the costs of a shared session store: an extra round trip and one more part that can fail.',
  ],
  steps: [
    {
      id: 'meet-alice',
      title: 'Alice goes shopping',
      narration: [
        'Alice is about to shop. She logs in, looks around, adds an iPhone, then AirPods, looks at her cart and checks out.',
        'Between those clicks the shop must remember two things: that she is logged in, and what is in her cart. Information a system has to remember from one request to the next is called state.',
        'In this shop each server keeps its sessions, who is logged in and what their cart holds, in its own memory. The load balancer hands requests to the servers in turn (round robin) and pays no attention to who sent them.',
      ],
      setup: { scenario: NO_STICKY, playing: false, speed: 0.5 },
      highlight: ['users', 'lb', 'servers'],
      until: { kind: 'continue' },
    },
    {
      id: 'no-sticky',
      title: 'A server that has never heard of her',
      narration: [
        'Follow Alice. She logs in on one server; her next click is handed to whichever server is next in line.',
        'Keep an eye on the counters for lost sessions and completed checkouts.',
      ],
      highlight: ['lb', 'servers'],
      predict: {
        question:
          'Alice logged in on one server. Her next click goes to a different server. What happens?',
        choices: [
          {
            id: 'found',
            text: 'The other server finds her session anyway.',
            correct: false,
            feedback:
              'Not here. Each server only knows the sessions in its own memory, and nothing copies them across.',
          },
          {
            id: 'logged-out',
            text: 'The other server has never heard of her: she is logged out and her cart looks empty.',
            correct: true,
            feedback:
              'Right. Her session exists only in the memory of the server where she logged in.',
          },
          {
            id: 'redirect',
            text: 'The load balancer notices and sends her back to the right server.',
            correct: false,
            feedback:
              'It would, with sticky sessions switched on. Right now the load balancer just takes turns.',
          },
        ],
        explanation:
          'Most requests land on a server that holds no session for that user, so people are sent back to log in again and again; Alice too. By the 15-second mark about 230 sessions have been thrown away and almost nobody has managed to check out. Nothing is broken: the servers simply do not share what they remember.',
      },
      until: {
        kind: 'time',
        ms: 15_000,
        hint: 'Watch Alice and the counters for 15 simulated seconds.',
      },
      claims: [
        { metric: 'simulatedS', min: 15, max: 15.5, says: 'the 15-second mark' },
        { metric: 'sessions.lost', min: 180, max: 280, says: 'about 230 sessions thrown away' },
        { metric: 'checkouts.completed', min: 0, max: 5, says: 'almost nobody has checked out' },
      ],
    },
    {
      id: 'sticky',
      title: 'Sticky sessions',
      narration: [
        'The shop starts again, this time with sticky sessions. When Alice logs in, the load balancer gives her browser a cookie naming her server, and sends every later request with that cookie to the same server.',
        'Watch her add the iPhone and the AirPods: every click reaches the server that remembers her. In these 18 seconds no one is logged out, and the first customers have already checked out.',
      ],
      setup: { scenario: STICKY, speed: 0.5 },
      highlight: ['lb', 'servers'],
      until: { kind: 'time', ms: CRASH_AT_MS, hint: 'Watch Alice fill her cart.' },
      claims: [
        { metric: 'simulatedS', min: 18, max: 18.5, says: 'these 18 seconds' },
        { metric: 'sessions.lost', min: 0, max: 0, says: 'no one is logged out' },
        {
          metric: 'checkouts.completed',
          min: 3,
          max: 1e9,
          says: 'the first customers checked out',
        },
      ],
    },
    {
      id: 'crash',
      title: 'Her server crashes',
      narration: [
        "Alice's session, with whatever is in her cart, lives in the memory of one server. Find that server: her name is on one of its session chips.",
        'Servers crash, get restarted for updates, or are replaced. Decide what you expect, then pull the plug.',
      ],
      highlight: ['servers'],
      predict: {
        question: "What happens to Alice's cart if her server dies?",
        choices: [
          {
            id: 'moves',
            text: 'The load balancer moves her cart to another server.',
            correct: false,
            feedback:
              'The load balancer only routes requests; it never had a copy of the cart. Once the memory is gone, there is nothing to move.',
          },
          {
            id: 'gone',
            text: 'Her session and cart are gone: her next click lands on another server, which asks her to log in again.',
            correct: true,
            feedback:
              'Yes. Stickiness chose where her state lived, but it did not protect it. The cart was only ever in that one memory.',
          },
          {
            id: 'waits',
            text: 'Nothing is lost; she just waits until her server comes back.',
            correct: false,
            feedback:
              'A restarted server comes back with empty memory. And while it is down, the load balancer sends her elsewhere.',
          },
        ],
        explanation:
          'Every session the server held went with it: about 40 users lost their sessions, and about 45 cart items vanished. The other servers keep working, but they have never heard of these users, so each one is asked to log in again, with an empty cart.',
      },
      until: {
        kind: 'action',
        action: 'kill-server',
        hint: "Press Kill on the server that holds Alice's session.",
      },
      autoAction: { action: 'kill-server', server: ALICE_SERVER },
      claims: [
        { metric: 'sessions.lost', min: 30, max: 50, says: 'about 40 users lost their sessions' },
        { metric: 'cart.itemsLost', min: 35, max: 55, says: 'about 45 cart items vanished' },
      ],
    },
    {
      id: 'shared-store',
      title: 'Move the sessions out',
      narration: [
        'Now the servers keep nothing about users between requests. Every session lives in a shared session store (Redis), which every server can read and write.',
        'Stickiness is off again, so Alice bounces between servers, and yet nobody is logged out: whichever server gets her request looks her session up in the store. The servers have become interchangeable.',
        'That lookup is the first price: each request makes a round trip to Redis of about 1–2 ms, and a change to the cart needs a second one to write it back. Next to the whole request, a little over 100 ms here and mostly the trip between browser and shop, it is small.',
      ],
      setup: { scenario: SHARED_STORE, speed: 0.5 },
      highlight: ['servers', 'store'],
      until: { kind: 'time', ms: 10_000, hint: 'Watch Alice move between servers.' },
      claims: [
        { metric: 'sessions.lost', min: 0, max: 0, says: 'nobody is logged out' },
        { metric: 'latencyMs.mean', min: 100, max: 112, says: 'a little over 100 ms per request' },
      ],
    },
    {
      id: 'kill-freely',
      title: 'Kill servers freely',
      narration: [
        'Try the crash again. Kill any server, or two.',
        'Any request that was inside the dead server fails, and its user simply tries again; the load balancer stops sending it traffic once its health check notices. Sessions lost: none. Cart items lost: none.',
      ],
      highlight: ['servers', 'store'],
      until: { kind: 'action', action: 'kill-server', hint: 'Press Kill on any server.' },
      autoAction: { action: 'kill-server', server: 1 },
      claims: [
        { metric: 'sessions.lost', min: 0, max: 0, says: 'sessions lost: none' },
        { metric: 'cart.itemsLost', min: 0, max: 0, says: 'cart items lost: none' },
      ],
    },
    {
      id: 'store-fails',
      title: 'One more part that can fail',
      narration: [
        'The state did not disappear; it moved. All of it now lives in the session store, so the store is the part that must not fail.',
        'Kill the store. This one has no replica and keeps nothing on disk, so every session goes with it: all the logged-in users, about 110 of them, are logged out at once, and until the store is back nobody can log in or shop.',
        'Real systems protect the store with replicas that take over, or with a store that writes to disk. That is the trade: servers you can kill freely, in exchange for one well-guarded place that holds the state.',
      ],
      highlight: ['store'],
      until: { kind: 'action', action: 'kill-store', hint: 'Press “Kill session store”.' },
      autoAction: { action: 'kill-store' },
      claims: [
        { metric: 'sessions.lost', min: 90, max: 130, says: 'about 110 users are logged out' },
        {
          metric: 'sessions.active',
          min: 0,
          max: 0,
          says: 'all the logged-in users are logged out',
        },
      ],
    },
    {
      id: 'check',
      title: 'Check yourself',
      narration: [
        "Alice's cart was the same data in every run. What changed was where it lived: in one server's memory, or in a store every server shares.",
        'Keeping state in server memory is not wrong in itself: it is the fastest place to read from, and some jobs, such as a live chat connection or a game server, are tied to one machine anyway. The price is the one you saw: when that machine goes, so does its state.',
      ],
      until: { kind: 'continue' },
      check: {
        question:
          'A shop keeps carts in server memory with sticky sessions. Its servers are replaced every night. What is the simplest way to stop carts vanishing?',
        choices: [
          {
            id: 'more-servers',
            text: 'Add more servers.',
            correct: false,
            feedback:
              "More servers share the load, but each cart still lives in one server's memory and dies with it.",
            tryIt: NIGHTLY_RUNS.moreServers,
          },
          {
            id: 'store',
            text: 'Keep the sessions in a shared session store, so any server can serve any user.',
            correct: true,
            feedback:
              'Yes. The servers become stateless and replaceable; protect the store with a replica or persistence.',
            tryIt: NIGHTLY_RUNS.store,
          },
          {
            id: 'stickier',
            text: 'Use a stronger form of stickiness.',
            correct: false,
            feedback:
              'Stickiness decides where a session lives; it cannot keep it alive when that server goes.',
            tryIt: NIGHTLY_RUNS.stickier,
          },
        ],
        compare: ['cart.itemsLost', 'sessions.lost'],
      },
    },
  ],
};
