/**
 * Lesson: deploying without logging everyone out. A rolling deploy restarts one server at a
 * time. On a stateful tier, restarting without draining is quick and logs out everyone on
 * each server; draining with a deadline is slower and still loses the visits that outlast it.
 * On a stateless tier the same rolling deploy is quick and loses nothing. Blue-green and
 * canary releases are told in words.
 *
 * Shoppers here click quickly (one second of thinking on average) and servers restart in
 * 2 s, so a whole deploy fits in well under a minute. Every number in the narration has a
 * claim (seed 7); how long each deploy takes is checked in the lesson test from its events.
 */
import type { Scenario } from '../../sim/index.ts';
import type { DesignRun, Lesson } from '../types.ts';

const STATEFUL: Scenario = {
  version: 1,
  name: 'lesson-deploy-stateful',
  seed: 7,
  durationS: 600,
  architecture: 'in-memory',
  loadBalancer: { algorithm: 'round-robin', sticky: 'cookie', healthCheckS: 1, rise: 1 },
  servers: { count: 3, bootS: 2 },
  users: { count: 150, thinkTimeS: 1 },
};

/** The same shop with sessions in a store; the rolling deploy starts at 5 s. */
const STATELESS: Scenario = {
  ...STATEFUL,
  name: 'lesson-deploy-stateless',
  architecture: 'session-store',
  store: { kind: 'redis', replicas: 1 },
  loadBalancer: { algorithm: 'round-robin', sticky: 'none', healthCheckS: 1, rise: 1 },
  timeline: [{ atS: 5, action: 'deploy', drainS: 8 }],
};

/**
 * The check question as runs: one of the day's ten deploys, rolling from 5 s with 20 s
 * drains, in a shop whose shoppers take their time (6 s between clicks, so a visit outlasts a
 * drain, as on a real site), read at 80 s once every deploy is done. Each answer is one design
 * for it; the night shop has a fifth of the shoppers.
 */
const UNHURRIED = { count: 150, thinkTimeS: 6 } as const;
const DEPLOY_RUNS = {
  stickyDrain: {
    label: 'In memory, 20 s drains',
    scenario: {
      ...STATEFUL,
      name: 'lesson-deploy-check-drain',
      users: UNHURRIED,
      timeline: [{ atS: 5, action: 'deploy', drainS: 20 }],
    },
    runMs: 80_000,
  },
  stateless: {
    label: 'Stateless servers + shared store',
    scenario: {
      ...STATELESS,
      name: 'lesson-deploy-check-stateless',
      users: UNHURRIED,
      timeline: [{ atS: 5, action: 'deploy', drainS: 20 }],
    },
    runMs: 80_000,
  },
  night: {
    label: 'In memory, deployed at night',
    scenario: {
      ...STATEFUL,
      name: 'lesson-deploy-check-night',
      users: { ...UNHURRIED, count: 30 },
      timeline: [{ atS: 5, action: 'deploy', drainS: 20 }],
    },
    runMs: 80_000,
  },
} satisfies Record<string, DesignRun>;

export const DEPLOYING: Lesson = {
  id: 'deploying',
  title: 'Deploying without logging everyone out',
  minutes: 9,
  skin: 'shop',
  summary:
    'Every release restarts every server. See what a rolling deploy costs when servers hold sessions in memory, with and without draining, and how routine it becomes when they do not.',
  goals: [
    'Describe a rolling deploy and connection draining.',
    'Explain the choice a stateful tier forces: a slower deploy or lost sessions.',
    'See why a deploy of stateless servers is routine.',
    'Describe blue-green and canary releases and what state means for each.',
  ],
  steps: [
    {
      id: 'release-day',
      title: 'Release day',
      narration: [
        'A new version of the shop is ready. To run it, every server has to be stopped and started again with the new code, and this shop keeps its sessions in server memory, pinned by a cookie.',
        'A rolling deploy takes one server out of service at a time, restarts it, waits for it to pass a health check and moves on to the next, so the shop never goes fully down. The question is what happens to the sessions in the server being restarted.',
      ],
      setup: { scenario: STATEFUL, playing: false, speed: 1 },
      highlight: ['servers'],
      until: { kind: 'continue' },
    },
    {
      id: 'busy',
      title: 'A busy afternoon',
      narration: [
        'Let the shop fill up. These shoppers click quickly, and after 6 seconds each server holds about 35 to 50 sessions of shoppers in the middle of a visit, carts included.',
      ],
      highlight: ['servers'],
      until: { kind: 'time', ms: 6_000, hint: 'Watch for 6 simulated seconds.' },
      claims: [
        {
          metric: 'servers.0.sessions',
          min: 34,
          max: 52,
          says: 'about 35 to 50 sessions (server 1)',
        },
        {
          metric: 'servers.1.sessions',
          min: 34,
          max: 52,
          says: 'about 35 to 50 sessions (server 2)',
        },
        {
          metric: 'servers.2.sessions',
          min: 34,
          max: 52,
          says: 'about 35 to 50 sessions (server 3)',
        },
      ],
    },
    {
      id: 'no-drain',
      title: 'Restart without waiting',
      narration: [
        'The operator is in a hurry: the deploy has just started, and it restarts each server the moment its turn comes, without waiting for anyone.',
      ],
      setup: { actions: [{ action: 'deploy', drainS: 0 }], speed: 1 },
      highlight: ['servers'],
      predict: {
        question: 'What does a rolling restart without draining cost this shop?',
        choices: [
          {
            id: 'nothing',
            text: 'Nothing: only one server is down at a time, so everyone is served.',
            correct: false,
            feedback:
              'Everyone is served, but not everyone is remembered. Each restart wipes that server’s memory.',
          },
          {
            id: 'everyone-once',
            text: 'Each restart logs out everyone whose session was on that server: in the end, about everyone.',
            correct: true,
            feedback:
              'Right, and some shoppers who logged in again on the next server to restart lose their session twice.',
          },
          {
            id: 'downtime',
            text: 'The shop is down for the length of the deploy.',
            correct: false,
            feedback:
              'A rolling deploy keeps two of three servers running. The damage is to sessions, not to availability.',
          },
        ],
        explanation:
          'The deploy was over within 12 seconds, and about 190 sessions were lost, more than were open when it started: shoppers who logged in again on a server whose turn came next lost their session a second time.',
      },
      until: { kind: 'time', ms: 12_000, hint: 'Watch the deploy for 12 simulated seconds.' },
      claims: [{ metric: 'sessions.lost', min: 170, max: 215, says: 'about 190 sessions' }],
    },
    {
      id: 'drain',
      title: 'Drain first',
      narration: [
        'Now the careful way, with a second deploy. Each server is first drained: the load balancer sends it no new visits, but shoppers whose cookie names it keep being served there until their visit ends. Only then does it restart. So that one slow shopper cannot stall the release, each drain has a deadline of 8 seconds.',
      ],
      setup: { actions: [{ action: 'deploy', drainS: 8 }], speed: 1 },
      highlight: ['servers'],
      predict: {
        question:
          'Compared with the hurried deploy, what does draining buy, and what does it cost?',
        choices: [
          {
            id: 'free',
            text: 'It saves every session at no cost.',
            correct: false,
            feedback:
              'Draining costs time: each server waits for its visitors before it restarts, and the deploy waits for each server.',
          },
          {
            id: 'trade',
            text: 'Far fewer lost sessions, but a deploy that takes several times as long, and still a few losses at the deadline.',
            correct: true,
            feedback:
              'Right. Waiting saves most sessions; the deadline decides how many visits are cut short.',
          },
          {
            id: 'same',
            text: 'Nothing: a restart is a restart.',
            correct: false,
            feedback:
              'The restart itself is the same, but a drained server has few sessions left when it happens.',
          },
        ],
        explanation:
          'This deploy took about 32 seconds instead of about 9, and lost about 20 sessions instead of about 190, from visits that outlasted a deadline. Shoppers here finish a visit in seconds; on a real site a session can stay open for hours, so a drain either waits that long or cuts sessions off.',
      },
      until: { kind: 'time', ms: 34_000, hint: 'Watch the whole deploy (34 simulated seconds).' },
      claims: [
        {
          metric: 'sessions.lost',
          min: 195,
          max: 215,
          says: 'about 20 sessions (on top of the hurried deploy’s 185: about 205 in all) instead of about 190',
        },
        {
          metric: 'rehomed.17.atS',
          min: 48.5,
          max: 51,
          says: 'about 32 seconds (from 18 s to the last server back at about 50 s)',
        },
        {
          metric: 'rehomed.10.atS',
          min: 26,
          max: 26,
          says: 'a deadline of 8 seconds: the first drain, begun at 18 s, ends at 26 s',
        },
        {
          metric: 'rehomed.8.atS',
          min: 14,
          max: 16,
          says: 'instead of about 9 (the hurried deploy: from 6 s to its last server back at about 15 s)',
        },
      ],
    },
    {
      id: 'stateless',
      title: 'The same shop, stateless',
      narration: [
        'Now the same shop with stateless servers: sessions live in a session store, and any server can serve any request. The same rolling deploy, with the same drains, starts a few seconds in.',
        'A draining server has no sessions to wait for, only requests in progress, which take milliseconds; it restarts almost at once, and its shoppers’ next requests go to the other servers, which read their sessions from the store. Within 17 seconds of pressing play the deploy is done, no session has been lost and no request has failed.',
      ],
      setup: { scenario: STATELESS, speed: 1 },
      highlight: ['servers', 'store'],
      until: { kind: 'time', ms: 17_000, hint: 'Watch the deploy for 17 simulated seconds.' },
      claims: [
        { metric: 'sessions.lost', min: 0, max: 0, says: 'no session has been lost' },
        { metric: 'requests.failed', min: 0, max: 0, says: 'no request has failed' },
      ],
    },
    {
      id: 'blue-green-canary',
      title: 'Blue-green and canary',
      narration: [
        'Blue-green: run a complete second set of servers with the new version (green) beside the old one (blue), then switch all traffic to green at once, and back again if something is wrong. With sessions in memory the switch logs out everyone on blue; with a shared store nobody notices.',
        'Canary: send a small share of users to the new version first and watch its error rate before sending everyone. With sessions in memory each user must stay on one version; with a shared store users can cross between versions, as long as both read the same session format.',
      ],
      until: { kind: 'continue' },
      check: {
        question: 'Why is blue-green deployment painful for servers that keep sessions in memory?',
        choices: [
          {
            id: 'cost',
            text: 'Because it needs twice as many servers for a while.',
            correct: false,
            feedback: 'It does, stateless or not. That is a cost, not the reason sessions suffer.',
          },
          {
            id: 'switch',
            text: 'Because switching traffic to the green servers strands every session on the blue ones.',
            correct: true,
            feedback:
              'Yes. The sessions stay in blue’s memory while the users move to green, so every user is logged out at the switch.',
          },
          {
            id: 'health',
            text: 'Because green servers cannot pass health checks while blue is running.',
            correct: false,
            feedback:
              'Both sets run side by side without trouble; the problem is where the sessions are.',
          },
        ],
      },
    },
    {
      id: 'check',
      title: 'Check yourself',
      narration: [
        'With sessions in memory you chose between a quick deploy that logs people out and a slower one that still loses a few. With sessions in a store the deploy was quick and lost nothing.',
      ],
      until: { kind: 'continue' },
      check: {
        question:
          'A team deploys ten times a day. Which design lets them do it without users noticing?',
        choices: [
          {
            id: 'sticky-drain',
            text: 'Sessions in memory, cookie stickiness and long drains.',
            correct: false,
            feedback:
              'That keeps most sessions, but each deploy then waits for the slowest visit on every server, ten times a day, and the visits that outlast a drain are still cut off.',
            tryIt: DEPLOY_RUNS.stickyDrain,
          },
          {
            id: 'stateless',
            text: 'Stateless servers with sessions in a shared store.',
            correct: true,
            feedback:
              'Yes. A server with nothing to remember can be replaced as soon as its requests in progress finish.',
            tryIt: DEPLOY_RUNS.stateless,
          },
          {
            id: 'night',
            text: 'Sessions in memory, with deploys at night when few users are logged in.',
            correct: false,
            feedback:
              'Fewer users lose their sessions at night, but ten deploys a day cannot all be at night.',
            tryIt: DEPLOY_RUNS.night,
          },
        ],
        compare: ['sessions.lost', 'requests.failed'],
      },
    },
  ],
};
