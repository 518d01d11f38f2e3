/**
 * Lesson: choosing an architecture. A walk through the decision framework as questions
 * (connection type, tolerance for lost sessions, scale, budget), one predicted and observed in
 * the simulation; the cloud mapping of state types; three case studies; and a closing quiz
 * drawn from the exam-style questions in the sources.
 *
 * The reclaimed-server step's narration and the design runs' feedback state simulated numbers;
 * their claims are checked with seed 7 (lessons.test.ts, designRuns.test.ts).
 */
import type { Scenario } from '../../sim/index.ts';
import type { DesignRun, Lesson } from '../types.ts';

/** A shop with sessions in server memory and cookie stickiness. */
const STATEFUL_SHOP: Scenario = {
  version: 1,
  name: 'lesson-choosing-stateful',
  seed: 7,
  durationS: 600,
  architecture: 'in-memory',
  loadBalancer: { algorithm: 'round-robin', sticky: 'cookie' },
  servers: { count: 3 },
  users: { count: 120, thinkTimeS: 3 },
};

/**
 * Question 1 as runs: a shared whiteboard on three servers, sixty participants each sending a
 * stroke to another every 2 s on average, read at 30 s. Pushed over WebSockets held by the
 * servers (room state in the shared store), or polled every 3 s from stateless servers, with
 * a session cookie or with a signed token: the token changes who a poll says it is from, not
 * how a stroke reaches anyone.
 */
const WHITEBOARD: Scenario = {
  version: 1,
  name: 'lesson-choosing-whiteboard-websocket',
  seed: 7,
  durationS: 120,
  architecture: 'session-store',
  store: { kind: 'redis', replicas: 1 },
  loadBalancer: { algorithm: 'least-connections', sticky: 'none' },
  servers: { count: 3 },
  users: { count: 0 },
  chat: { clients: 60, messageIntervalS: 2 },
};

const POLLING = { clients: 60, messageIntervalS: 2, pollIntervalS: 3 };

const WHITEBOARD_RUNS = {
  polling: {
    label: 'Stateless REST, clients poll every 3 s',
    scenario: {
      ...WHITEBOARD,
      name: 'lesson-choosing-whiteboard-polling',
      loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
      chat: POLLING,
    },
    runMs: 30_000,
    claims: [
      {
        metric: 'chat.deliveryMs.mean',
        min: 1500,
        max: 1650,
        says: 'a stroke arrives about 1.6 s after it is drawn',
      },
      { metric: 'chat.requests.perS', min: 47, max: 51, says: 'about 49 requests a second' },
    ],
  },
  websocket: {
    label: 'WebSocket servers + shared stores',
    scenario: WHITEBOARD,
    runMs: 30_000,
    claims: [
      {
        metric: 'chat.deliveryMs.mean',
        min: 78,
        max: 88,
        says: 'a stroke arrives in about 80 ms',
      },
      { metric: 'chat.requests.perS', min: 30, max: 34, says: 'about 32 requests a second' },
    ],
  },
  jwt: {
    label: 'JWT tokens, clients poll every 3 s',
    scenario: {
      ...WHITEBOARD,
      name: 'lesson-choosing-whiteboard-jwt',
      architecture: 'jwt',
      loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
      chat: POLLING,
    },
    runMs: 30_000,
    claims: [
      {
        metric: 'chat.deliveryMs.mean',
        min: 1500,
        max: 1650,
        says: 'with tokens a stroke still arrives about 1.6 s after it is drawn',
      },
    ],
  },
} satisfies Record<string, DesignRun>;

/**
 * Question 3 and 4 as runs: the expense tool on two servers, 300 staff, growing by a third
 * server at 20 s, read at 40 s. Each answer is one design for it.
 */
const EXPENSE_TOOL: Scenario = {
  version: 1,
  name: 'lesson-choosing-expense-memory-cookie',
  seed: 7,
  durationS: 120,
  architecture: 'in-memory',
  loadBalancer: { algorithm: 'round-robin', sticky: 'cookie' },
  servers: { count: 2 },
  users: { count: 300, thinkTimeS: 3 },
  timeline: [{ action: 'add-server', count: 1, atS: 20 }],
};

const EXPENSE_TOOL_RUNS = {
  microservices: {
    label: 'Stateless servers + shared store',
    scenario: {
      ...EXPENSE_TOOL,
      name: 'lesson-choosing-expense-store',
      architecture: 'session-store',
      store: { kind: 'redis', replicas: 1 },
      loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
    },
    runMs: 40_000,
  },
  simple: { label: 'Memory + cookie stickiness', scenario: EXPENSE_TOOL, runMs: 40_000 },
  hash: {
    label: 'Memory + hash mod N',
    scenario: {
      ...EXPENSE_TOOL,
      name: 'lesson-choosing-expense-hash',
      loadBalancer: { algorithm: 'round-robin', sticky: 'hash-mod-n' },
    },
    runMs: 40_000,
  },
} satisfies Record<string, DesignRun>;

/**
 * The uneven-traffic quiz as runs: cookie stickiness on three servers, one shopper in ten a
 * heavy user and almost a third of the crowd behind one shared (NAT) address, read at 40 s. Each
 * answer is one fix for it.
 */
const UNEVEN: Scenario = {
  version: 1,
  name: 'lesson-choosing-uneven-cookie',
  seed: 7,
  durationS: 120,
  architecture: 'in-memory',
  loadBalancer: { algorithm: 'round-robin', sticky: 'cookie' },
  servers: { count: 3 },
  users: { count: 300, thinkTimeS: 3, heavyShare: 0.1, sharedIpGroups: 1, sharedIpShare: 0.3 },
};

const UNEVEN_RUNS = {
  bigger: {
    label: 'Larger servers (8 workers)',
    scenario: {
      ...UNEVEN,
      name: 'lesson-choosing-uneven-bigger',
      servers: { count: 3, workers: 8 },
    },
    runMs: 40_000,
  },
  stateless: {
    label: 'Shared store, least connections',
    scenario: {
      ...UNEVEN,
      name: 'lesson-choosing-uneven-stateless',
      architecture: 'session-store',
      store: { kind: 'redis', replicas: 1 },
      loadBalancer: { algorithm: 'least-connections', sticky: 'none' },
    },
    runMs: 40_000,
  },
  ipHash: {
    label: 'IP-hash stickiness',
    scenario: {
      ...UNEVEN,
      name: 'lesson-choosing-uneven-ip-hash',
      loadBalancer: { algorithm: 'round-robin', sticky: 'ip-hash' },
    },
    runMs: 40_000,
  },
} satisfies Record<string, DesignRun>;

/**
 * The interview question as runs: the shop on three servers, 300 shoppers, server 1 crashes
 * at 15 s, read at 40 s. Sessions in memory against sessions in a shared Redis store; the
 * two wrong answers are both about the in-memory design, so they share its run.
 */
const CRASH_SHOP: Scenario = {
  version: 1,
  name: 'lesson-choosing-defend-memory',
  seed: 7,
  durationS: 120,
  architecture: 'in-memory',
  loadBalancer: { algorithm: 'round-robin', sticky: 'cookie' },
  servers: { count: 3 },
  users: { count: 300, thinkTimeS: 3 },
  timeline: [{ action: 'kill-server', server: 1, atS: 15 }],
};

const DEFEND_RUNS = {
  memory: {
    label: 'Sessions in memory + cookie stickiness',
    scenario: CRASH_SHOP,
    runMs: 40_000,
    claims: [
      { metric: 'sessions.lost', min: 81, max: 81, says: 'the crash logs out 81 shoppers' },
      { metric: 'latencyMs.mean', min: 101.6, max: 102.4, says: 'about 102 ms a request' },
    ],
  },
  store: {
    label: 'Sessions in a shared store (Redis)',
    scenario: {
      ...CRASH_SHOP,
      name: 'lesson-choosing-defend-store',
      architecture: 'session-store',
      store: { kind: 'redis', replicas: 1 },
      loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
    },
    runMs: 40_000,
    claims: [
      { metric: 'sessions.lost', min: 0, max: 0, says: 'nobody is logged out' },
      { metric: 'latencyMs.mean', min: 103.6, max: 104.4, says: 'about 104 ms a request' },
    ],
  },
} satisfies Record<string, DesignRun>;

/**
 * The cloud-mapping question as runs: videos uploaded to three app servers while 60 people
 * shop (sessions in Redis), 30 uploaders each sending a 50 MB video a minute on average, each
 * video converted in 20 s; server 1 crashes at 40 s, read at 90 s. The answers differ in
 * where the file lives and where it is converted (src/sim/uploads).
 */
const UPLOADS: Scenario = {
  version: 1,
  name: 'lesson-choosing-uploads-local-disk',
  seed: 7,
  durationS: 120,
  architecture: 'session-store',
  store: { kind: 'redis', replicas: 1 },
  loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
  servers: { count: 3 },
  users: { count: 60, thinkTimeS: 3 },
  uploads: {
    uploaders: 30,
    uploadIntervalS: 60,
    videoMB: 50,
    conversionS: 20,
    placement: 'server-disk',
  },
  timeline: [{ action: 'kill-server', server: 1, atS: 40 }],
};

const UPLOAD_RUNS = {
  localDisk: {
    label: 'Server disk, converted in the background',
    scenario: UPLOADS,
    runMs: 90_000,
    claims: [
      {
        metric: 'uploads.reads.notFoundShare',
        min: 0.59,
        max: 0.63,
        says: 'about 61 % of checks find no video',
      },
      { metric: 'uploads.videos.lost', min: 6, max: 6, says: 'server 1’s crash destroys 6 videos' },
      {
        metric: 'uploads.conversions.waiting',
        min: 29,
        max: 29,
        says: '29 conversions wait for a background thread',
      },
    ],
  },
  objectStore: {
    label: 'Object storage + functions',
    scenario: {
      ...UPLOADS,
      name: 'lesson-choosing-uploads-object-store',
      uploads: { ...UPLOADS.uploads, placement: 'object-store', conversion: 'functions' },
    },
    runMs: 90_000,
    claims: [
      { metric: 'uploads.videos.lost', min: 0, max: 0, says: 'server 1’s crash costs no video' },
      { metric: 'uploads.reads.notFound', min: 0, max: 0, says: 'every check finds its video' },
      {
        metric: 'uploads.ready.meanS',
        min: 35.5,
        max: 37.5,
        says: 'a video is ready about 36 s after its upload began',
      },
    ],
  },
  sticky: {
    label: 'Server disk + cookie stickiness',
    scenario: {
      ...UPLOADS,
      name: 'lesson-choosing-uploads-sticky',
      loadBalancer: { algorithm: 'round-robin', sticky: 'cookie' },
    },
    runMs: 90_000,
    claims: [
      { metric: 'uploads.videos.lost', min: 6, max: 6, says: 'server 1’s crash destroys 6 videos' },
      { metric: 'uploads.reads.notFound', min: 43, max: 43, says: '43 checks find nothing' },
      {
        metric: 'uploads.conversions.waiting',
        min: 29,
        max: 29,
        says: '29 conversions wait on the two servers left',
      },
    ],
  },
  sessionStore: {
    label: 'Videos in the session store (Redis)',
    scenario: {
      ...UPLOADS,
      name: 'lesson-choosing-uploads-session-store',
      uploads: { ...UPLOADS.uploads, placement: 'session-store' },
    },
    runMs: 90_000,
    claims: [
      { metric: 'uploads.store.limitMB', min: 384, max: 384, says: 'a store of 384 MB' },
      { metric: 'uploads.videos.inStore', min: 8, max: 8, says: 'full after 8 videos' },
      { metric: 'uploads.videos.refused', min: 35, max: 35, says: 'refuses 35 more' },
      {
        metric: 'uploads.store.sessionsEvicted',
        min: 551,
        max: 551,
        says: 'evicts 551 sessions to make room',
      },
    ],
  },
} satisfies Record<string, DesignRun>;

export const CHOOSING: Lesson = {
  id: 'choosing',
  title: 'Choosing an architecture',
  minutes: 12,
  skin: 'shop',
  summary:
    'Put it all together: four questions that decide where state should live, where each kind of state goes in the cloud, how three well-known systems chose, and an exam-style quiz.',
  goals: [
    'Use four questions to choose between stateful, stateless and hybrid designs: connection type, tolerance for lost sessions, scale and budget.',
    'Place each kind of state: sessions, user data, files and work.',
    'Explain why a streaming service, a shop and a messenger made different choices.',
    'Answer exam-style questions and correct common overstatements.',
  ],
  steps: [
    {
      id: 'four-questions',
      title: 'Four questions',
      narration: [
        'There is no single right answer, only a right answer for a system. Four questions settle most cases: What kind of connection do clients hold? What happens if a user loses their session? How big, and how spiky, is the load? And what can you afford to buy and to operate?',
        'On the screen is a shop that keeps sessions in server memory with cookie stickiness: simple, fast and cheap. Keep it in mind while you answer.',
      ],
      setup: { scenario: STATEFUL_SHOP, playing: false, speed: 0.5 },
      highlight: ['servers'],
      until: { kind: 'continue' },
    },
    {
      id: 'connection-type',
      title: 'Question 1: what kind of connection?',
      narration: [
        'Start with how clients talk to you. Short request and response over HTTP can go to any server if no server holds state. A long-lived connection, a WebSocket for chat or a game session, lives on one server by its nature.',
        'Answer, then run each design for a whiteboard room: sixty participants, each drawing a stroke every couple of seconds that another participant must see (each stroke here goes to one other person; a real room sends it to all).',
      ],
      until: { kind: 'time', ms: 10_000, hint: 'Answer the question while the shop runs.' },
      check: {
        question:
          'A shared whiteboard app pushes every pen stroke to everyone in the room the instant it is drawn. Where do you start?',
        choices: [
          {
            id: 'stateless-rest',
            text: 'Stateless REST servers that clients poll for new strokes every few seconds.',
            correct: false,
            feedback:
              'It works, but it is slow and wasteful for live drawing: every poll is a full request, whether or not anything new was drawn. Run it: a stroke arrives about 1.6 s after it is drawn, half the polling interval on average, and the servers answer about 49 requests a second.',
            tryIt: WHITEBOARD_RUNS.polling,
          },
          {
            id: 'stateful-connections',
            text: 'Servers that hold each participant’s WebSocket, with room membership and the drawing kept in shared stores.',
            correct: true,
            feedback:
              'Yes. The connection tier is stateful by nature; everything worth keeping goes to shared stores, so a server crash only means a reconnect. Run it: a stroke arrives in about 80 ms, pushed the moment it reaches the server, and the servers handle about 32 requests a second (strokes and heartbeat answers).',
            tryIt: WHITEBOARD_RUNS.websocket,
          },
          {
            id: 'jwt',
            text: 'JWT tokens, so that no server needs to remember anyone.',
            correct: false,
            feedback:
              'Tokens answer who you are, not how the server reaches you. Pushing strokes still needs an open connection on some server. Run it: the clients still have to poll, and with tokens a stroke still arrives about 1.6 s after it is drawn.',
            tryIt: WHITEBOARD_RUNS.jwt,
          },
        ],
        compare: ['chat.deliveryMs.mean', 'chat.requests.perS'],
      },
    },
    {
      id: 'tolerance',
      title: 'Question 2: what does a lost session cost?',
      narration: [
        'To save money, this shop runs on spot instances: spare cloud capacity at a steep discount, which the provider can take back at short notice. The provider is about to reclaim one of them. Predict, then play the provider and kill server 1.',
      ],
      highlight: ['servers'],
      predict: {
        question: 'One of the three servers is taken away. Who loses their cart?',
        choices: [
          {
            id: 'nobody',
            text: 'Nobody: the load balancer sends its users elsewhere.',
            correct: false,
            feedback:
              'It sends their requests elsewhere, but their sessions stay in the memory of the server that is gone.',
          },
          {
            id: 'third',
            text: 'Roughly a third of the shoppers: everyone whose session was on that server.',
            correct: true,
            feedback: 'Right. With cookie stickiness users are spread evenly, so about a third.',
          },
          {
            id: 'everyone',
            text: 'Everyone, because the load balancer has to rebalance all users.',
            correct: false,
            feedback:
              'Cookie stickiness moves only the users of the lost server; the others keep their cookies and sessions.',
          },
        ],
        explanation:
          'About 35 shoppers lost their session and cart at once, roughly a third of those shopping; about 80 carried on. Whether that is acceptable is a business question: a news site shrugs, a shop counts abandoned carts. Stateless servers are what make cheap, interruptible machines safe to use.',
      },
      until: { kind: 'action', action: 'kill-server', hint: 'Press Kill on server 1.' },
      autoAction: { action: 'kill-server', server: 1 },
      claims: [
        { metric: 'sessions.lost', min: 30, max: 42, says: 'about 35 shoppers lost their session' },
        { metric: 'sessions.active', min: 72, max: 88, says: 'about 80 carried on' },
      ],
    },
    {
      id: 'scale-budget',
      title: 'Questions 3 and 4: scale and budget',
      narration: [
        'Scale: a small internal tool with a handful of servers can keep sessions in memory and live happily; many successful products started that way. As load grows or turns spiky, stateless servers with shared state let you add and remove machines without thinking about who is on them.',
        'Budget: a shared store is another system to pay for, run, monitor and protect with replicas. A managed store costs money instead of operator time. Sticky sessions in memory cost nothing extra, until the day they cost you users.',
        'Answer, then run each design against the tool’s situation: two servers, a few hundred staff, and a third server added as the company grows.',
      ],
      until: { kind: 'continue' },
      check: {
        question:
          'A two-person team runs an internal expense tool used by a few hundred staff on two servers. Deploys happen at night. What is a reasonable choice?',
        choices: [
          {
            id: 'microservices',
            text: 'Stateless microservices with a Redis cluster and a Cassandra ring, to be ready for growth.',
            correct: false,
            feedback:
              'That buys scale the tool does not need with operating work the team cannot spare. Run it: nobody is logged out, as with cookies, but every request pays a store round trip, and the store is one more system to keep alive.',
            tryIt: EXPENSE_TOOL_RUNS.microservices,
          },
          {
            id: 'simple',
            text: 'Sessions in memory with cookie stickiness, accepting that a crash logs a few people out; move sessions to a store if that starts to hurt.',
            correct: true,
            feedback:
              'Yes. Stateful is a fine choice when the cost of a lost session is small and the load is steady. Know the price and when to change.',
            tryIt: EXPENSE_TOOL_RUNS.simple,
          },
          {
            id: 'hash',
            text: 'Sessions in memory with hash-mod-N stickiness, so a third server can be added at any time.',
            correct: false,
            feedback:
              'Adding a server with hash mod N is exactly what logs most users out. Cookie stickiness is the gentler choice.',
            tryIt: EXPENSE_TOOL_RUNS.hash,
          },
        ],
        compare: ['sessions.lost', 'latencyMs.mean'],
      },
    },
    {
      id: 'cloud-map',
      title: 'Where each kind of state goes',
      narration: [
        'Making servers stateless means finding every kind of state a home. Sessions and carts: an in-memory store such as Redis (ElastiCache on AWS), or a durable key-value store when they must survive. User data such as profiles and orders: a database. Uploaded files: object storage such as S3, never the server’s disk. Work to be done: a queue, and stateless functions such as Lambda that pick it up.',
        'Try each answer below on the same app: three servers, people uploading videos while others shop, and server 1 crashing partway. Watch where the videos are kept.',
      ],
      until: { kind: 'continue' },
      check: {
        question:
          'An exam question: users upload videos that must be converted to other formats. Which design keeps the app servers stateless?',
        choices: [
          {
            id: 'local-disk',
            text: 'Save uploads on the web server’s disk and convert them there in a background thread.',
            correct: false,
            feedback:
              'Then each video lives on one server’s disk. In the run about 61 % of the uploaders’ checks reached a server without their video, server 1’s crash destroyed 6 videos, and 29 conversions were still waiting for their server’s one background thread.',
            tryIt: UPLOAD_RUNS.localDisk,
          },
          {
            id: 's3-lambda',
            text: 'Upload to object storage (S3), which triggers a stateless function (Lambda) to convert each video.',
            correct: true,
            feedback:
              'Yes. The file lives in durable shared storage and the work runs on compute that keeps nothing between jobs. In the run server 1’s crash cost no video, every check found its video, and a video was ready about 36 s after its upload began.',
            tryIt: UPLOAD_RUNS.objectStore,
          },
          {
            id: 'sticky',
            text: 'Keep sticky sessions so that each user’s videos stay on one server.',
            correct: false,
            feedback:
              'Stickiness ties the videos to a server; it does not protect them or let other servers help with the work. In the run server 1’s crash destroyed 6 videos, 43 checks then found nothing, and 29 conversions waited on the two servers left.',
            tryIt: UPLOAD_RUNS.sticky,
          },
          {
            id: 'redis',
            text: 'Store the videos in the session store with the rest of the session.',
            correct: false,
            feedback:
              'A session store is memory built for small, short-lived values. In the run its 384 MB was full after 8 videos; it refused 35 more and evicted 551 sessions to make room, logging shoppers out. Large files belong in object storage.',
            tryIt: UPLOAD_RUNS.sessionStore,
          },
        ],
        compare: ['uploads.videos.lost', 'uploads.reads.notFound', 'uploads.videos.refused'],
      },
    },
    {
      id: 'case-studies',
      title: 'Three systems, three choices',
      narration: [
        'A streaming service like Netflix runs many stateless services: any instance can serve any request, sessions sit in a shared cache and viewing history in a distributed database, and a chaos monkey kills instances on purpose. A big shop like Amazon keeps shopping carts in a durable key-value store, because a lost cart is lost revenue.',
        'A messenger like WhatsApp keeps each phone’s connection on one chat server, a stateful tier on purpose, built on a runtime made for huge numbers of concurrent connections, with messages stored elsewhere so a reconnect loses nothing.',
      ],
      until: { kind: 'continue' },
      check: {
        question: 'Which of these three keeps a stateful tier by design, and why?',
        choices: [
          {
            id: 'streaming',
            text: 'The streaming service, because video playback is a session.',
            correct: false,
            feedback:
              'Playback state is kept in shared stores and the video comes from caches near the viewer; the services stay stateless.',
          },
          {
            id: 'shop',
            text: 'The shop, because carts are valuable.',
            correct: false,
            feedback:
              'Valuable is exactly why carts go to a durable shared store rather than a server’s memory.',
          },
          {
            id: 'messenger',
            text: 'The messenger, because each open connection lives on one server.',
            correct: true,
            feedback:
              'Yes. The connection cannot move, so the chat tier is stateful; what can move (messages, presence) lives elsewhere.',
          },
        ],
      },
    },
    {
      id: 'quiz-sticky',
      title: 'Quiz: uneven traffic',
      narration: [
        'A few exam-style questions to finish, drawn from the kind that certification exams ask. Each wrong answer tells you why.',
      ],
      until: { kind: 'continue' },
      check: {
        question:
          'A load balancer uses sticky sessions, and some servers are overloaded while others sit idle. What is the best long-term fix?',
        choices: [
          {
            id: 'bigger',
            text: 'Replace the overloaded servers with larger ones.',
            correct: false,
            feedback:
              'That treats the symptom; stickiness will pile users up again, now on bigger machines.',
            tryIt: UNEVEN_RUNS.bigger,
          },
          {
            id: 'stateless',
            text: 'Make the application stateless (sessions in a shared store) and turn stickiness off.',
            correct: true,
            feedback:
              'Yes. Without stickiness the balancer can follow the work, as least connections did in the sticky-sessions lesson.',
            tryIt: UNEVEN_RUNS.stateless,
          },
          {
            id: 'ip-hash',
            text: 'Switch stickiness from cookies to IP hash.',
            correct: false,
            feedback:
              'Address-based stickiness is usually worse: everyone behind one shared address lands on the same server.',
            tryIt: UNEVEN_RUNS.ipHash,
          },
        ],
        compare: ['loadImbalance'],
      },
    },
    {
      id: 'quiz-truth',
      title: 'Quiz: separate truth from slogans',
      narration: [
        'Course notes on this topic are full of slogans. A good engineer can say exactly where each one stops being true.',
      ],
      until: { kind: 'continue' },
      check: {
        question: 'Which statement is accurate?',
        choices: [
          {
            id: 'containers',
            text: 'Stateful applications cannot run in containers.',
            correct: false,
            feedback:
              'Databases, queues and caches run in containers every day, with storage volumes that follow them.',
          },
          {
            id: 'cannot-scale',
            text: 'Servers that keep sessions in memory cannot scale horizontally.',
            correct: false,
            feedback:
              'They can add servers, and with cookie stickiness nobody is logged out. What they cannot do is move existing users or lose a server without losing sessions.',
          },
          {
            id: 'stores',
            text: 'Stateless servers move state into shared stores, which then must be scaled and protected in their turn.',
            correct: true,
            feedback:
              'Yes. Stateless servers scale as far as the stores behind them; the state did not disappear, it moved.',
          },
          {
            id: 'jwt-logout',
            text: 'With JWT, logging a user out everywhere is instant because no server holds a session.',
            correct: false,
            feedback:
              'The opposite: a token stays valid until it expires, unless every server checks a shared deny-list.',
          },
        ],
      },
    },
    {
      id: 'quiz-design',
      title: 'Quiz: defend a design',
      narration: [
        'Last one. The question is the kind an interviewer asks, and the answer is the kind that wins the argument: it names the trade-off.',
        'Each answer is about one of two designs for the shop. Run them against a bad afternoon: three servers, a few hundred shoppers, and server 1 crashes early in the run.',
      ],
      until: { kind: 'continue' },
      check: {
        question:
          'An interviewer asks: “Why would you not just keep sessions in server memory for our new online shop?” Which answer is strongest?',
        choices: [
          {
            id: 'slow',
            text: 'Because memory is slow compared with Redis.',
            correct: false,
            feedback:
              'The reverse: reading memory is far faster than a round trip to any store. Run both designs: a request takes about 102 ms on average with sessions in memory and about 104 ms with Redis; the difference is the store’s round trip, the rest is the server’s own work.',
            tryIt: DEFEND_RUNS.memory,
          },
          {
            id: 'never',
            text: 'Because stateful designs are always wrong.',
            correct: false,
            feedback:
              'Chat servers and game servers are stateful on purpose. Absolutes lose interviews. Run it: keeping sessions in memory is the fastest design here; its price is the 81 shoppers the crash logs out, a price some systems can pay.',
            tryIt: DEFEND_RUNS.memory,
          },
          {
            id: 'tradeoff',
            text: 'It is fast and simple, but every crash, deploy or scale-out would log users out and lose carts; a shared store costs a millisecond or two per request and removes that.',
            correct: true,
            feedback:
              'Yes: it credits what memory does well, names the price, and says what the alternative costs. Run both: the crash logs out 81 shoppers with sessions in memory and nobody with the store, whose round trips make the average request about 104 ms instead of about 102 ms.',
            tryIt: DEFEND_RUNS.store,
          },
        ],
        compare: ['sessions.lost', 'latencyMs.mean'],
      },
    },
  ],
};
