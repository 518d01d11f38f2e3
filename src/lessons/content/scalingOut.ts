/**
 * Lesson: scaling out a stateful tier. A fourth server joins three that keep sessions in
 * memory. With hash-mod-N stickiness about three users in four get a new home server (and lose
 * their session); consistent hashing moves about one in four; cookie stickiness moves nobody
 * but leaves the new server nearly idle; with a session store the new server simply shares
 * the work.
 *
 * Every scenario adds the server at 4 s (it boots for 5 s and joins after two passed health
 * checks, at about 12.2 s). Every number in the narration has a claim, checked by the lesson test with seed 2.
 */
import type { Scenario } from '../../sim/index.ts';
import type { Lesson } from '../types.ts';

const HASH: Scenario = {
  version: 1,
  name: 'lesson-scale-hash',
  seed: 2,
  durationS: 300,
  architecture: 'in-memory',
  loadBalancer: { algorithm: 'round-robin', sticky: 'hash-mod-n' },
  servers: { count: 3 },
  users: { count: 400, thinkTimeS: 3 },
  timeline: [{ atS: 4, action: 'add-server', count: 1 }],
};

const CONSISTENT: Scenario = {
  ...HASH,
  name: 'lesson-scale-consistent',
  loadBalancer: { algorithm: 'round-robin', sticky: 'consistent-hash', virtualNodes: 100 },
};

const COOKIE: Scenario = {
  ...HASH,
  name: 'lesson-scale-cookie',
  loadBalancer: { algorithm: 'round-robin', sticky: 'cookie' },
};

const STORE: Scenario = {
  ...HASH,
  name: 'lesson-scale-store',
  architecture: 'session-store',
  store: { kind: 'redis', replicas: 1 },
  loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
};

export const SCALING_OUT: Lesson = {
  id: 'scaling-out',
  title: 'Scaling out a stateful tier',
  minutes: 10,
  skin: 'shop',
  summary:
    'Add a fourth server to three that keep sessions in memory, and see how many users lose their session: most of them with hash mod N, about a quarter with consistent hashing, none with a cookie. Then see what a session store changes.',
  goals: [
    'Work out why hash mod N re-homes about N/(N + 1) of the users when a server is added.',
    'Explain how consistent hashing limits the move to about 1/(N + 1).',
    'See that cookie stickiness moves nobody but cannot spread existing users onto the new server.',
    'Explain why stateless servers with a session store scale out without these trade-offs.',
  ],
  steps: [
    {
      id: 'hash-mod-n',
      title: 'Hash mod N',
      narration: [
        'This shop keeps sessions in server memory and finds each user’s server by arithmetic: it hashes the session id to a big number and takes the remainder after dividing by the number of servers. No table of who-is-where is needed, and users spread evenly.',
        'Business is growing, so a fourth server is about to be added. Think about what the remainder does when the divisor changes.',
      ],
      setup: { scenario: HASH, playing: false, speed: 1 },
      highlight: ['lb', 'servers'],
      until: { kind: 'continue' },
    },
    {
      id: 'add-fourth',
      title: 'A fourth server joins',
      narration: [
        'Lock in your prediction, then watch the new server boot. When it has passed two health checks in a row, the load balancer starts dividing by four instead of three.',
      ],
      highlight: ['lb', 'servers'],
      predict: {
        question:
          'When the fourth server joins, what share of the users in the middle of shopping is sent to a different server than before?',
        choices: [
          {
            id: 'quarter',
            text: 'About a quarter: the new server takes its fair share.',
            correct: false,
            feedback:
              'That is what the new server ends up with, but the others reshuffle too. A remainder by four has little to do with a remainder by three.',
          },
          {
            id: 'three-quarters',
            text: 'About three quarters.',
            correct: true,
            feedback:
              'Right. A user keeps their server only if both remainders happen to agree, and that is true for one hash value in four.',
          },
          {
            id: 'none',
            text: 'None: existing users stay where they are, only new users go to the new server.',
            correct: false,
            feedback:
              'That is how cookie stickiness behaves. Hash stickiness has no memory of where you were; it recomputes your server on every request.',
          },
        ],
        explanation:
          'The load balancer went from 3 to 4 servers, and 75 % of the users in the middle of a journey now hash to a different server. Of any twelve hash values in a row, only three give the same remainder by three and by four, so one user in four stays and three in four move. In general N/(N + 1) of the users move when N servers become N + 1.',
      },
      until: { kind: 'time', ms: 13_000, hint: 'Wait for the fourth server to join.' },
      claims: [
        { metric: 'rehomed.0.from', min: 3, max: 3, says: 'from 3 servers' },
        { metric: 'rehomed.0.to', min: 4, max: 4, says: 'to 4 servers' },
        {
          metric: 'rehomed.0.fraction',
          min: 0.72,
          max: 0.78,
          says: '75 % now hash elsewhere, close to N/(N + 1)',
        },
      ],
    },
    {
      id: 'logged-out',
      title: 'Logged out by arithmetic',
      narration: [
        'Every moved user’s next request lands on a server that has never seen their session. Watch the lost-session counter: within 6 seconds about 250 users are logged out, and about 260 cart items are gone.',
        'Nothing crashed and nobody made a mistake: the system did exactly what hash mod N does. That is why teams with this setup add servers in quiet hours, never in a rush.',
      ],
      highlight: ['servers'],
      until: { kind: 'time', ms: 6_000, hint: 'Watch for 6 simulated seconds.' },
      claims: [
        { metric: 'sessions.lost', min: 230, max: 265, says: 'about 250 users are logged out' },
        { metric: 'cart.itemsLost', min: 240, max: 285, says: 'about 260 cart items' },
      ],
    },
    {
      id: 'consistent',
      title: 'Consistent hashing',
      narration: [
        'Same shop, same growth, a better rule. Consistent hashing puts each server at a hundred points on a circle, and a session belongs to the first server point after its own hash. A new server takes over only the stretches of circle just before its own points, so only the users in those stretches move: about 1/(N + 1) of them.',
        'In this run 26 % of the users moved, close to a quarter, and about 70 sessions were lost in total. Far fewer than with hash mod N, but not none: the users who do move still lose their sessions, because the data stays behind in the old server’s memory.',
      ],
      setup: { scenario: CONSISTENT, speed: 1 },
      highlight: ['lb', 'servers'],
      until: { kind: 'time', ms: 16_200, hint: 'Watch the fourth server join and settle.' },
      claims: [
        {
          metric: 'rehomed.0.fraction',
          min: 0.23,
          max: 0.29,
          says: '26 % of the users moved, close to 1/(N + 1)',
        },
        { metric: 'sessions.lost', min: 60, max: 80, says: 'about 70 sessions were lost' },
      ],
    },
    {
      id: 'cookie',
      title: 'Cookie stickiness',
      narration: [
        'Now the load balancer pins users with a cookie that names their server. Adding a server changes nobody’s cookie, so nobody moves and no session is lost.',
        'The catch is the other side of the same coin: the users already shopping cannot be moved to the new server either. It only receives users who arrive without a cookie, and the load balancer’s cookie outlives a visit: a shopper who pays and starts again keeps their server. In its first four seconds in the pool the new server handles no request at all, while the old servers stay as busy as before. It fills up only as new visitors arrive, and on a real site, where the cookie lasts as long as the browser stays open, that takes a long time.',
      ],
      setup: { scenario: COOKIE, speed: 1 },
      highlight: ['servers'],
      until: { kind: 'time', ms: 16_200, hint: 'Watch the fourth server join and settle.' },
      claims: [
        { metric: 'rehomed.0.fraction', min: 0, max: 0, says: 'nobody moves' },
        { metric: 'sessions.lost', min: 0, max: 0, says: 'no session is lost' },
        { metric: 'servers.3.requests', min: 0, max: 0, says: 'no request at all' },
      ],
    },
    {
      id: 'store',
      title: 'No home server at all',
      narration: [
        'Finally, stateless servers with a session store. No user has a home server, so there is nothing to re-home: the new server takes its share of requests from the moment it joins.',
        'In its first four seconds in the pool it handles about 130 requests, as many as each old server, where the cookie shop’s new server got none, and no session is lost. Scaling out became a routine operation, paid for with a store round trip on each request.',
      ],
      setup: { scenario: STORE, speed: 1 },
      highlight: ['servers', 'store'],
      until: { kind: 'time', ms: 16_200, hint: 'Watch the fourth server join and settle.' },
      claims: [
        { metric: 'servers.3.requests', min: 115, max: 145, says: 'about 130 requests' },
        { metric: 'sessions.lost', min: 0, max: 0, says: 'no session is lost' },
      ],
    },
    {
      id: 'check',
      title: 'Check yourself',
      narration: [
        'A stateful tier can grow: with cookie stickiness it does so without losing anyone, and consistent hashing keeps the damage small. What it cannot do is move users who are already there, which is exactly what you need when a server is overloaded now.',
      ],
      until: { kind: 'continue' },
      check: {
        question:
          'A shop with sessions in memory and hash-mod-N stickiness runs on four servers and adds a fifth. Roughly what share of the logged-in users will be sent to a server that does not have their session?',
        choices: [
          {
            id: 'fifth',
            text: 'About one in five.',
            correct: false,
            feedback:
              'That is roughly what consistent hashing would move. Hash mod N reshuffles far more.',
          },
          {
            id: 'four-fifths',
            text: 'About four in five.',
            correct: true,
            feedback:
              'Yes: N/(N + 1) with N = 4. Only one hash value in five gives the same remainder by four and by five.',
          },
          {
            id: 'none',
            text: 'None, as long as the load balancer keeps running.',
            correct: false,
            feedback:
              'The load balancer keeps running, but it recomputes every user’s server from the new count.',
          },
          {
            id: 'all',
            text: 'All of them.',
            correct: false,
            feedback:
              'Not quite: users whose hash gives the same remainder by four and by five keep their server.',
          },
        ],
      },
    },
  ],
};
