/**
 * Lesson: what is state? A pizza shop's phone line. Forgetful agents make every caller bring
 * their context along (a signed token, architecture 'jwt'); remembering agents keep each
 * order on their own notepad (sessions in server memory, cookie stickiness) until a call is
 * transferred to an agent who has never heard of you; a shared order board (a session store)
 * lets any agent pick up any order.
 *
 * Every number in the narration has a claim that the lesson test checks with seed 7. Alice's
 * agent at the moment of the crash was found by running the notepad scenario: with seed 7 her
 * order (large pepperoni, extra mushrooms) sits on agent 2 from about 16.1 s to 22.4 s.
 */
import type { Scenario } from '../../sim/index.ts';
import type { Lesson } from '../types.ts';

const CALLERS = { count: 60, thinkTimeS: 3 } as const;

const FORGETFUL: Scenario = {
  version: 1,
  name: 'lesson-pizza-forgetful',
  seed: 7,
  durationS: 120,
  architecture: 'jwt',
  loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
  servers: { count: 3 },
  users: CALLERS,
};

const NOTEPADS: Scenario = {
  ...FORGETFUL,
  name: 'lesson-pizza-notepads',
  architecture: 'in-memory',
  loadBalancer: { algorithm: 'round-robin', sticky: 'cookie' },
};

const ORDER_BOARD: Scenario = {
  ...FORGETFUL,
  name: 'lesson-pizza-order-board',
  architecture: 'session-store',
  store: { kind: 'redis', replicas: 0 },
};

/** Simulated time the notepad run has reached when Alice's agent goes home, in ms. */
const TRANSFER_AT_MS = 18_000;
/** The agent holding Alice's order at TRANSFER_AT_MS (seed 7). */
const ALICE_AGENT = 2;

export const PIZZA: Lesson = {
  id: 'pizza',
  title: 'Pizza: what is state?',
  minutes: 8,
  skin: 'pizza',
  summary:
    'Phone in a pizza order three ways: to agents who forget you between calls, to agents with their own notepads, and to agents who share one order board. Find out what state is and why it matters where it lives.',
  goals: [
    'Define state: what must be remembered from one request to the next.',
    'See that a service that remembers nothing makes every request carry its own context.',
    "Predict what happens to state kept in one server's memory when that server goes away.",
    'Explain how a shared store lets any server handle any request.',
  ],
  steps: [
    {
      id: 'what-is-state',
      title: 'A pizza order takes several calls',
      narration: [
        'Callers phone a pizza shop. A switchboard puts each call through to one of the phone agents, taking the agents in turn.',
        'An order takes several calls: say who you are, ask about the menu, order a large pepperoni, add extra mushrooms, hear the order read back, pay. Whatever has to be remembered from one call to the next, who you are and what you have ordered so far, is called state.',
        'The question of this lesson is simple: who does the remembering?',
      ],
      setup: { scenario: FORGETFUL, playing: false, speed: 0.5 },
      highlight: ['users', 'lb', 'servers'],
      until: { kind: 'continue' },
    },
    {
      id: 'forgetful',
      title: 'The forgetful agent',
      narration: [
        "These agents remember nothing between calls; every call starts from zero. So the caller brings the context along: on every call they read out a signed slip that says who they are, and the agent checks the signature. The order itself is written in the kitchen's order book, where any agent can look it up.",
        'It works, and any agent can take any call. The cost is repetition: the slip is 232 bytes and travels with every call. Averaged over the calls so far, the very first ones included (they have no slip yet), a call carries about 170 bytes of it; once most callers are past their first call it settles higher, since only about one call in six or seven is a first call.',
      ],
      highlight: ['users', 'servers', 'db'],
      until: { kind: 'time', ms: 10_000, hint: 'Watch the calls for 10 simulated seconds.' },
      claims: [
        { metric: 'bytesPerRequest.credential', min: 232, max: 232, says: 'the slip is 232 bytes' },
        { metric: 'bytesPerRequest.mean', min: 150, max: 190, says: 'about 170 bytes per call' },
      ],
    },
    {
      id: 'remembering',
      title: 'The remembering agent',
      narration: [
        'Now each agent keeps a notepad. When you first call, your agent writes your name and order on it and the switchboard hands you a ticket number (a cookie), so that your next call is put through to the same agent.',
        "Calls are short again: the ticket number is just 12 bytes, about 9 averaged over all calls (a first call has no ticket yet). Reading one's own notepad is instant, and nobody has lost an order so far. This is a pleasant, fast way to take orders.",
      ],
      setup: { scenario: NOTEPADS, speed: 0.5 },
      highlight: ['lb', 'servers'],
      until: {
        kind: 'time',
        ms: TRANSFER_AT_MS,
        hint: "Watch Alice's order grow on her agent's notepad.",
      },
      claims: [
        { metric: 'bytesPerRequest.credential', min: 12, max: 12, says: 'the ticket is 12 bytes' },
        {
          metric: 'bytesPerRequest.mean',
          min: 8,
          max: 10,
          says: 'about 9 averaged over all calls',
        },
        { metric: 'sessions.lost', min: 0, max: 0, says: 'nobody has lost an order' },
      ],
    },
    {
      id: 'transferred',
      title: 'Your call is transferred',
      narration: [
        "Alice always orders the same thing: a large pepperoni, then extra mushrooms. Her order note is on one agent's notepad: look for her name.",
        'Now that agent goes home sick. Predict first, then send the agent home.',
      ],
      highlight: ['servers'],
      predict: {
        question: "Alice's agent goes home. What happens to her order?",
        choices: [
          {
            id: 'other-agent',
            text: 'Another agent picks it up and carries on.',
            correct: false,
            feedback:
              'The other agents have their own notepads. None of them has ever heard of Alice.',
          },
          {
            id: 'lost',
            text: 'The order is lost: her next call reaches an agent who asks who she is.',
            correct: true,
            feedback:
              'Right. The order existed only on that one notepad, and the notepad left with the agent.',
          },
          {
            id: 'switchboard',
            text: 'The switchboard kept a copy, so nothing is lost.',
            correct: false,
            feedback:
              'The switchboard only knows which agent to call. It never wrote the order down.',
          },
        ],
        explanation:
          "Every order on that agent's notepad went home with them: about 18 callers lost their order notes, with about 20 ordered items on them. The switchboard sends those callers to other agents, who start from scratch: the callers must give their names and their whole order again.",
      },
      until: {
        kind: 'action',
        action: 'kill-server',
        hint: "Press Kill on the agent holding Alice's order.",
      },
      autoAction: { action: 'kill-server', server: ALICE_AGENT },
      claims: [
        {
          metric: 'sessions.lost',
          min: 13,
          max: 23,
          says: 'about 18 callers lost their order notes',
        },
        { metric: 'cart.itemsLost', min: 15, max: 26, says: 'about 20 ordered items' },
      ],
    },
    {
      id: 'order-board',
      title: 'The shared order board',
      narration: [
        'Third try. The agents keep nothing themselves: every order is written on one order board that all of them can see. The switchboard goes back to taking agents in turn.',
        'Alice is put through to whichever agent is next, often a different one on each call, and it does not matter: whoever answers reads her order off the board. Nobody has lost an order.',
      ],
      setup: { scenario: ORDER_BOARD, speed: 0.5 },
      highlight: ['servers', 'store'],
      until: { kind: 'time', ms: 10_000, hint: 'Watch Alice move between agents.' },
      claims: [{ metric: 'sessions.lost', min: 0, max: 0, says: 'nobody has lost an order' }],
    },
    {
      id: 'send-agents-home',
      title: 'Send agents home freely',
      narration: [
        'Now send an agent home, or two. A caller who was mid-sentence with that agent has to ring again, and the switchboard soon stops putting calls through to the empty desk.',
        'But no order is lost, because no order was ever kept at a desk. The agents have become stateless: the state lives on the board.',
      ],
      highlight: ['servers', 'store'],
      until: { kind: 'action', action: 'kill-server', hint: 'Press Kill on any agent.' },
      autoAction: { action: 'kill-server', server: 2 },
      claims: [
        { metric: 'sessions.lost', min: 0, max: 0, says: 'no order notes lost' },
        { metric: 'cart.itemsLost', min: 0, max: 0, says: 'no items lost' },
      ],
    },
    {
      id: 'recap',
      title: 'Who remembers?',
      narration: [
        'The forgetful agents made every caller carry their context. The remembering agents were quick and pleasant, until a call reached the wrong desk. The order board kept the state in one shared place, so any agent could take any call.',
        'Stateless never meant that nothing is remembered. It means the agent, the server, does not keep it.',
      ],
      until: { kind: 'continue' },
      check: {
        question: 'In this lesson, what is "state"?',
        choices: [
          {
            id: 'everything',
            text: 'Any data the shop stores anywhere, such as the menu.',
            correct: false,
            feedback:
              'The menu is data, but it is the same for every caller. State is what must be remembered about your conversation from one call to the next.',
          },
          {
            id: 'between-calls',
            text: 'What must be remembered from one call to the next: who you are and your order so far.',
            correct: true,
            feedback:
              'Exactly. The only question is where it is kept: with the caller, on a notepad, or on a shared board.',
          },
          {
            id: 'nothing',
            text: 'Something only stateful agents have; stateless agents have no state at all.',
            correct: false,
            feedback:
              'Stateless agents still need the order; it is kept on the board, or in the slip the caller carries, instead of on their desk.',
          },
        ],
      },
    },
  ],
};
