/**
 * Lesson: sticky sessions have a price. With sessions in server memory, address-based
 * stickiness (IP hash) pins each user to one server: a few heavy users, or a crowd behind one
 * shared NAT address, make one server hot. Moving users off it means losing their sessions.
 * Stateless servers with a session store can be balanced by least connections instead.
 *
 * Every number in the narration has a claim, checked by the lesson test with the seeds below.
 */
import type { Scenario } from '../../sim/index.ts';
import type { DesignRun, Lesson } from '../types.ts';

/** A small crowd, one in ten a heavy user; IP-hash stickiness. */
const HEAVY: Scenario = {
  version: 1,
  name: 'lesson-sticky-heavy',
  seed: 7,
  durationS: 300,
  architecture: 'in-memory',
  loadBalancer: { algorithm: 'round-robin', sticky: 'ip-hash' },
  servers: { count: 3 },
  users: { count: 60, thinkTimeS: 3, heavyShare: 0.1 },
};

/** 300 users, 40 % of them behind one shared (NAT) address; IP-hash stickiness. */
const NAT_CROWD = { count: 300, thinkTimeS: 3, sharedIpGroups: 1, sharedIpShare: 0.4 } as const;
const NAT: Scenario = { ...HEAVY, name: 'lesson-sticky-nat', users: NAT_CROWD };

/** The same crowd with stateless servers, a session store and least connections. */
const STATELESS: Scenario = {
  ...NAT,
  name: 'lesson-sticky-stateless',
  architecture: 'session-store',
  store: { kind: 'redis', replicas: 1 },
  loadBalancer: { algorithm: 'least-connections', sticky: 'none' },
  users: { count: 300, thinkTimeS: 3, heavyShare: 0.1, sharedIpGroups: 1, sharedIpShare: 0.4 },
};

/**
 * The check question as runs: the shop behind the company's shared address (the NAT crowd),
 * read at 60 s. Each answer is one design for it; changes the answer makes while the shop
 * runs happen at 20 s.
 */
const NAT_RUNS = {
  moreServers: {
    label: 'IP hash, two more servers',
    scenario: {
      ...NAT,
      name: 'lesson-sticky-fix-more-servers',
      timeline: [{ atS: 20, action: 'add-server', count: 2 }],
    },
    runMs: 60_000,
  },
  stateless: {
    label: 'Shared store, least connections',
    scenario: { ...STATELESS, name: 'lesson-sticky-fix-stateless', users: NAT_CROWD },
    runMs: 60_000,
  },
  bigger: {
    label: 'IP hash, more memory',
    // Memory is not what limits a server here: its workers and queue are, so the run is
    // the IP-hash shop as it was.
    scenario: { ...NAT, name: 'lesson-sticky-fix-more-memory' },
    runMs: 60_000,
  },
  switchHash: {
    label: 'Switch to session-id hash',
    scenario: {
      ...NAT,
      name: 'lesson-sticky-fix-switch-hash',
      timeline: [{ atS: 20, action: 'set-sticky', sticky: 'hash-mod-n' }],
    },
    runMs: 60_000,
  },
} satisfies Record<string, DesignRun>;

export const STICKY_PRICE: Lesson = {
  id: 'sticky-price',
  title: 'Sticky sessions have a price',
  minutes: 9,
  skin: 'shop',
  summary:
    'Stickiness keeps each user on the server that holds their session. See what it costs: heavy users and a crowd behind one shared address make one server hot, and you cannot move anyone off it without logging them out.',
  goals: [
    'Explain why stickiness by IP address can spread load unevenly.',
    'Recognise the NAT hotspot: many users behind one address land on one server.',
    'Explain why a hot server holding sessions in memory cannot be rebalanced without losing sessions.',
    'Compare with stateless servers balanced by least connections.',
  ],
  steps: [
    {
      id: 'pinned',
      title: 'Pinned by address',
      narration: [
        'This shop keeps sessions in server memory, so every user must keep reaching the server that holds their session. Here the load balancer does that with an IP hash: it hashes the address a request comes from and picks a server from the result. No cookie is needed, and the same address always lands on the same server.',
        'The load balancer cannot see how busy a user will be, or how many people hide behind one address. It pins addresses, not work.',
      ],
      setup: { scenario: HEAVY, playing: false, speed: 0.5 },
      highlight: ['lb', 'servers'],
      until: { kind: 'continue' },
    },
    {
      id: 'heavy-users',
      title: 'A few heavy users',
      narration: [
        'One shopper in ten here is a heavy user who clicks ten times as often as the rest. Each of them stays on whichever server their address hashed to, for as long as they shop.',
        'Watch the busy bars. In this run several heavy users happen to hash to server 3, which handles about 290 requests in these 15 seconds while the other two handle about 200 and 140: the busiest server does about 1.4 times the average. With other users it could come out even, or worse. Nobody chose it, and nobody can fix it without moving users.',
      ],
      highlight: ['servers'],
      until: { kind: 'time', ms: 15_000, hint: 'Watch the servers for 15 simulated seconds.' },
      claims: [
        {
          metric: 'loadImbalance',
          min: 1.35,
          max: 1.5,
          says: 'the busiest server does about 1.4 times the average',
        },
        { metric: 'servers.2.requests', min: 275, max: 305, says: 'server 3: about 290 requests' },
        { metric: 'servers.0.requests', min: 185, max: 215, says: 'the other two: about 200' },
        { metric: 'servers.1.requests', min: 128, max: 155, says: 'and 140' },
      ],
    },
    {
      id: 'nat',
      title: 'Many users, one address',
      narration: [
        'A bigger crowd, and no heavy users this time. But four in ten of these users sit behind one shared address: an office network or a mobile carrier that puts many people behind a single public IP address (NAT). To the load balancer, they all look like one user.',
      ],
      setup: { scenario: NAT, speed: 0.5 },
      highlight: ['users', 'lb', 'servers'],
      predict: {
        question: 'With IP-hash stickiness, how is the work spread over the three servers?',
        choices: [
          {
            id: 'even',
            text: 'Evenly: a hash spreads users at random, so each server gets a third.',
            correct: false,
            feedback:
              'A hash spreads addresses evenly, not users. All the users behind the shared address have one address, so they all hash to the same server.',
          },
          {
            id: 'one-hot',
            text: 'One server gets everyone behind the shared address, on top of its share of the others.',
            correct: true,
            feedback:
              'Right. The whole office lands on one server, because the hash only sees their one address.',
          },
          {
            id: 'spread-office',
            text: 'The office users are spread over all servers, because they are different people.',
            correct: false,
            feedback:
              'The load balancer never sees the people, only the address, and the address is the same for all of them.',
          },
        ],
        explanation:
          'Server 3 receives the shared address and does about 1.7 times the average work: it is about 31 % busy while server 2 is only about 14 % busy. Adding servers would not help: the hash still sends the whole office to one of them.',
      },
      until: { kind: 'time', ms: 15_000, hint: 'Watch the servers for 15 simulated seconds.' },
      claims: [
        {
          metric: 'loadImbalance',
          min: 1.6,
          max: 1.8,
          says: 'about 1.7 times the average work',
        },
        { metric: 'servers.2.utilization', min: 0.28, max: 0.34, says: 'about 31 % busy' },
        { metric: 'servers.1.utilization', min: 0.12, max: 0.16, says: 'only about 14 % busy' },
      ],
    },
    {
      id: 'rebalance',
      title: 'Rebalancing the hot server',
      narration: [
        'Server 2 is overworked, so the operator does the obvious thing and switches the load balancer to hash the session id instead of the address. Session ids are all different, so the new rule spreads users evenly. The switch has just been made.',
      ],
      setup: { actions: [{ action: 'set-sticky', sticky: 'hash-mod-n' }], speed: 0.5 },
      highlight: ['lb', 'servers'],
      predict: {
        question: 'What happens to the users who are in the middle of shopping?',
        choices: [
          {
            id: 'nothing',
            text: 'Nothing: the load balancer moves their sessions along with them.',
            correct: false,
            feedback:
              'The load balancer only forwards requests. The sessions are in the memory of the servers, and nothing copies them anywhere.',
          },
          {
            id: 'moved-lost',
            text: 'Everyone the new rule sends to a different server is logged out and loses their cart.',
            correct: true,
            feedback: 'Yes. A new home server means a server that has never seen your session.',
          },
          {
            id: 'only-office',
            text: 'Only the users behind the shared address are affected.',
            correct: false,
            feedback:
              'The new rule recomputes everyone’s server, not only the office’s. Anyone whose result changed moves, wherever they come from.',
          },
        ],
        explanation:
          'The new rule gave about 72 % of the users in the middle of a journey a different server. Within 10 seconds about 165 of them were logged out, and about 180 cart items went with their sessions. Balance was bought with sessions: on a stateful tier, moving a user means losing what the old server remembered.',
      },
      until: { kind: 'time', ms: 10_000, hint: 'Watch for 10 simulated seconds.' },
      claims: [
        { metric: 'rehomed.0.fraction', min: 0.69, max: 0.75, says: 'about 72 %' },
        { metric: 'sessions.lost', min: 150, max: 180, says: 'about 165 of them were logged out' },
        { metric: 'cart.itemsLost', min: 165, max: 200, says: 'about 180 cart items' },
      ],
    },
    {
      id: 'stateless',
      title: 'Balance work, not addresses',
      narration: [
        'Now the same crowd, shared address and heavy users included, meets stateless servers. Sessions live in a session store, so no user needs a particular server, and the load balancer can use least connections: each request goes to the server with the fewest requests in progress.',
        'The load is even: the busiest server does at most 1.03 times the average. A heavy user simply gets many servers, one request at a time, and nobody is logged out when the spread changes.',
      ],
      setup: { scenario: STATELESS, speed: 0.5 },
      highlight: ['lb', 'servers', 'store'],
      until: { kind: 'time', ms: 10_000, hint: 'Watch the servers for 10 simulated seconds.' },
      claims: [
        { metric: 'loadImbalance', min: 1, max: 1.03, says: 'at most 1.03 times the average' },
        { metric: 'sessions.lost', min: 0, max: 0, says: 'nobody is logged out' },
      ],
    },
    {
      id: 'check',
      title: 'Check yourself',
      narration: [
        'Stickiness is not a bug: it is what makes sessions in server memory work, and cookie stickiness spreads users better than an address hash does. But every form of it fixes users to servers, and on a stateful tier that fix can only be undone by losing sessions.',
      ],
      until: { kind: 'continue' },
      check: {
        question:
          'A shop pins users by IP hash. One server runs hot because a large company’s staff all shop through one address. What is the best lasting fix?',
        choices: [
          {
            id: 'more-servers',
            text: 'Add more servers.',
            correct: false,
            feedback:
              'The whole company still hashes to one server, however many there are; with hash stickiness the change of server count even logs many users out.',
            tryIt: NAT_RUNS.moreServers,
          },
          {
            id: 'stateless',
            text: 'Move sessions to a shared store, turn stickiness off and balance by least connections.',
            correct: true,
            feedback:
              'Yes. Once no server holds a session, any server can take any request, and the balancer can follow the work.',
            tryIt: NAT_RUNS.stateless,
          },
          {
            id: 'bigger',
            text: 'Give the hot server more memory.',
            correct: false,
            feedback:
              'Memory is not what runs out; the hot server has more requests to work through than the others.',
            tryIt: NAT_RUNS.bigger,
          },
          {
            id: 'switch-hash',
            text: 'Switch to hashing session ids during the day.',
            correct: false,
            feedback:
              'That spreads users evenly from then on, but everyone the switch moves loses their session and cart, as you saw.',
            tryIt: NAT_RUNS.switchHash,
          },
        ],
        compare: ['loadImbalance', 'sessions.lost'],
      },
    },
  ],
};
