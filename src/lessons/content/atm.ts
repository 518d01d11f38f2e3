/**
 * Lesson: different machines, different answers. ATMs that keep their own ledgers (sessions
 * in server memory, no stickiness, a missing record started empty) give stale reads; with a
 * central bank database (a session store) every ATM agrees, an ATM can break without losing
 * anything, and the database itself becomes the part that has to be built to last.
 *
 * Claims are checked on the outcome of the scenario loaded last, counted from its start.
 */
import { presetScenario, type Scenario } from '../../sim/index.ts';
import type { Lesson } from '../types.ts';

const LOCAL_LEDGERS: Scenario = presetScenario('atm-local-ledgers') ?? { version: 1 };

/** The same bank and customers, with every account record in one durable central database. */
const CENTRAL: Scenario = {
  ...LOCAL_LEDGERS,
  name: 'lesson-atm-central-database',
  architecture: 'session-store',
  store: { kind: 'dynamodb', replicas: 0 },
  servers: { count: 3 },
};

export const ATM: Lesson = {
  id: 'atm',
  title: 'ATM: different machines, different answers',
  minutes: 8,
  skin: 'atm',
  summary:
    'ATMs that keep their own copy of your account disagree with each other. Move the account records into the central bank database and every machine tells the same story, even when one breaks.',
  goals: [
    "Recognise a stale read: a machine showing data that misses the customer's own latest change.",
    'Explain why copies kept on separate machines drift apart.',
    'See that a stateless ATM still works with data: it reads and writes it in a shared database.',
    'Name the new duty that comes with it: the central database must be built to survive.',
  ],
  steps: [
    {
      id: 'local-ledgers',
      title: 'Every ATM keeps its own ledger',
      narration: [
        'Customers use a row of ATMs. The bank network sends each customer to whichever ATM is next in line, so one visit can take a customer to several machines.',
        "A visit is a short run of transactions, such as deposit $20, then deposit $50, then a look at the balance. To keep the lesson small, the balance here is the list of this visit's transactions.",
        'In this bank each ATM writes the transactions it handles into its own local ledger. An ATM that has never seen you simply starts a fresh, empty record for you.',
      ],
      setup: { scenario: LOCAL_LEDGERS, playing: false, speed: 0.5 },
      highlight: ['lb', 'servers'],
      until: { kind: 'continue' },
    },
    {
      id: 'stale-read',
      title: 'Ask another machine',
      narration: [
        'Watch the customers, Alice among them. Each deposit is written only into the ledger of the ATM that took it.',
        'Sooner or later a customer asks a different machine for their balance.',
      ],
      highlight: ['servers'],
      predict: {
        question:
          'Alice made her deposits at two other ATMs. What does the third ATM show when she asks for her balance?',
        choices: [
          {
            id: 'both',
            text: 'Both deposits: ATMs belong to the same bank, so they know.',
            correct: false,
            feedback:
              'Belonging to one bank is not enough. Each ATM only knows what is written in its own ledger.',
          },
          {
            id: 'none',
            text: 'Neither deposit: that ATM has never seen her, so her record there is empty.',
            correct: true,
            feedback: 'Right. It answers from its own ledger, which has no record of her deposits.',
          },
          {
            id: 'error',
            text: 'An error message, because it cannot find her account.',
            correct: false,
            feedback:
              'These ATMs do not refuse: a machine that has never seen you starts an empty record and answers from it. That is what makes the answer wrong rather than missing.',
          },
        ],
        explanation:
          'A read that does not match what the customer just did is called a stale read. Nothing crashed; the copies simply drifted apart.',
      },
      until: {
        kind: 'event',
        event: 'stale-read',
        hint: 'Watch until a machine shows a customer a stale balance.',
      },
      claims: [{ metric: 'staleReads', min: 1, max: 1e9, says: 'a stale read happened' }],
    },
    {
      id: 'how-often',
      title: 'Not a rare glitch',
      narration: [
        'It was not bad luck. Let the bank run for another 20 seconds and watch the stale-read counter climb to about 150: a wrong balance shown about 150 times, while every machine worked exactly as designed.',
        'Follow Alice in the log: she deposits $20 at ATM 1 and $50 at ATM 3, then asks ATM 1 for her balance, and ATM 1 shows only her first deposit.',
      ],
      highlight: ['servers'],
      until: { kind: 'time', ms: 20_000, hint: 'Let the bank run for 20 simulated seconds.' },
      claims: [{ metric: 'staleReads', min: 120, max: 190, says: 'about 150 stale reads' }],
    },
    {
      id: 'central-database',
      title: 'One central bank database',
      narration: [
        "Same bank, same customers, one change: the ATMs keep nothing themselves. Every ATM reads and writes each customer's account record in the central bank database.",
        'Now the network can send Alice to any machine and each one tells her the same balance. Over these 20 seconds the stale-read counter stays at 0.',
      ],
      setup: { scenario: CENTRAL, speed: 0.5 },
      highlight: ['servers', 'store'],
      until: { kind: 'time', ms: 20_000, hint: 'Let the bank run for 20 simulated seconds.' },
      claims: [
        { metric: 'simulatedS', min: 20, max: 20.5, says: 'these 20 seconds' },
        { metric: 'staleReads', min: 0, max: 0, says: 'the stale-read counter stays at 0' },
      ],
    },
    {
      id: 'atm-breaks',
      title: 'An ATM breaks down',
      narration: [
        'Break an ATM. Customers in the middle of a transaction there get an error and try again at another machine, and the network soon stops sending anyone to the broken one.',
        'No account record is lost and no balance goes wrong, because the machine never held any. The ATM is stateless; the bank holds the state.',
      ],
      highlight: ['servers', 'store'],
      until: { kind: 'action', action: 'kill-server', hint: 'Press Kill on any ATM.' },
      autoAction: { action: 'kill-server', server: 2 },
      claims: [
        { metric: 'sessions.lost', min: 0, max: 0, says: 'no account record is lost' },
        { metric: 'staleReads', min: 0, max: 0, says: 'no balance goes wrong' },
      ],
    },
    {
      id: 'database-down',
      title: 'If the bank database is unreachable',
      narration: [
        'All the state now sits in one place, so that place has to be built to last. Cut the ATMs off from the central database and see.',
        'Every machine now refuses to serve, because none of them can check a balance on its own. Refusing is the honest answer: better than guessing from an old copy.',
        'This database keeps its data safely on disk, so nothing is forgotten while it is down.',
      ],
      highlight: ['store'],
      until: {
        kind: 'action',
        action: 'kill-store',
        hint: 'Press Kill on the central bank database.',
      },
      autoAction: { action: 'kill-store' },
      claims: [
        {
          metric: 'failedByReason.store-unavailable',
          min: 1,
          max: 1e9,
          says: 'ATMs refuse to serve',
        },
        { metric: 'sessions.lost', min: 0, max: 0, says: 'nothing is forgotten' },
      ],
    },
    {
      id: 'database-back',
      title: 'Back in business',
      narration: [
        'Bring the database back. The ATMs pick up where they left off: every account record is exactly as it was, and the balances still agree.',
      ],
      highlight: ['store', 'servers'],
      until: {
        kind: 'action',
        action: 'restart-store',
        hint: 'Press Restart on the central bank database.',
      },
      autoAction: { action: 'restart-store' },
      claims: [
        { metric: 'sessions.lost', min: 0, max: 0, says: 'every account record is as it was' },
        { metric: 'staleReads', min: 0, max: 0, says: 'the balances still agree' },
      ],
    },
    {
      id: 'check',
      title: 'Stateless does not mean no data',
      narration: [
        'Notice what happened to the data: it never went away. It moved from each machine into one shared database that every machine trusts.',
      ],
      until: { kind: 'continue' },
      check: {
        question:
          'A colleague says: "Our ATMs are stateless, so they store no customer data at all." What is right?',
        choices: [
          {
            id: 'agree',
            text: 'Right: a stateless system does not keep customer data anywhere.',
            correct: false,
            feedback:
              'The balances had to live somewhere. A stateless design keeps them out of the machines, not out of the system.',
          },
          {
            id: 'elsewhere',
            text: 'The ATMs keep nothing between visits, but the data still exists: in the central bank database they all use.',
            correct: true,
            feedback:
              'Yes. Stateless describes the server, not the system: the state lives in a shared store.',
          },
          {
            id: 'card',
            text: 'The data is all on the bank card, so nothing is stored in the bank.',
            correct: false,
            feedback:
              'Here every balance lives in the central database. Carrying state with the client is a different design, and even then the bank keeps the accounts.',
          },
        ],
      },
    },
  ],
};
