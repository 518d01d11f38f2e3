/**
 * Lesson: when stateful is right, real-time chat. Runs the chat model (src/sim/chat): each app
 * holds one long-lived connection pinned to one server; servers fan messages out through
 * Redis. First design: presence only in each server's memory and fire-and-forget pub/sub.
 * Second: presence and a queue per user in Redis. Server 2 dies in both.
 *
 * Claims are only on what the model computes (connections, reconnects, messages). Seed 7.
 */
import type { Scenario } from '../../sim/index.ts';
import type { Lesson } from '../types.ts';

/** Connection state only in each chat server's memory; Redis pub/sub between servers. */
const IN_MEMORY: Scenario = {
  version: 1,
  name: 'lesson-chat-in-memory',
  seed: 7,
  durationS: 600,
  architecture: 'in-memory',
  loadBalancer: { algorithm: 'least-connections', sticky: 'none' },
  servers: { count: 3 },
  users: { count: 0 },
  chat: { clients: 120, messageIntervalS: 10 },
};

/** Still pinned to a server, but presence and undelivered messages are kept in Redis. */
const SHARED: Scenario = {
  ...IN_MEMORY,
  name: 'lesson-chat-shared-store',
  architecture: 'session-store',
  store: { kind: 'redis', replicas: 1 },
};

export const REALTIME_CHAT: Lesson = {
  id: 'realtime-chat',
  title: 'When stateful is right: real-time chat',
  minutes: 10,
  skin: 'chat',
  summary:
    'A chat server holds open connections, so it is stateful by nature. See what happens when one dies: how apps find out, how they reconnect, and how a presence map and message queues in a shared store keep every message even though the connections themselves are lost.',
  goals: [
    'Explain why a server holding WebSocket connections is stateful by nature.',
    'Describe how users on different servers reach each other: pub/sub, a presence map and a message queue.',
    'Explain how apps notice a dead server (heartbeat timeout or unacknowledged send) and why they reconnect with jittered back-off.',
    'Separate the state that must stay on the server from the state that can move out.',
  ],
  steps: [
    {
      id: 'connections',
      title: 'A connection lives somewhere',
      narration: [
        'A chat app like Slack or WhatsApp keeps a long-lived connection open between each device and one chat server (in a browser, a WebSocket), so the server can push a message the instant it arrives. That connection is a live thing inside one machine: it cannot be stored in a database or handed to another server. A chat server is stateful by nature, and that is the right design.',
        'Here a crowd of apps is online. The load balancer chose a server for each once, when the connection opened (the one with the fewest connections); every message on that connection then goes to the same server. No cookie is needed: the open connection itself is the pin.',
      ],
      setup: { scenario: IN_MEMORY, playing: false, speed: 0.5 },
      highlight: ['users', 'lb', 'servers'],
      until: { kind: 'continue' },
    },
    {
      id: 'online',
      title: 'Everyone online',
      narration: [
        'Let the apps talk. Each sends a message to someone every 10 seconds on average. In this first design each server knows only the connections it holds. A message for a user on another server is published on Redis pub/sub; every server receives it, and the one holding the recipient’s connection pushes it down. Pub/sub is fire-and-forget: Redis keeps no copy.',
        'After 10 seconds all 120 apps are still connected, 40 to each server, and about 110 messages have arrived, none lost.',
      ],
      highlight: ['servers', 'store'],
      until: { kind: 'time', ms: 10_000, hint: 'Watch for 10 simulated seconds.' },
      claims: [
        { metric: 'chat.connections.open', min: 120, max: 120, says: 'all 120 apps' },
        {
          metric: 'chat.connections.perServer.0.connections',
          min: 40,
          max: 40,
          says: '40 connections on each server (server 1)',
        },
        {
          metric: 'chat.connections.perServer.1.connections',
          min: 40,
          max: 40,
          says: '40 connections on each server (server 2)',
        },
        {
          metric: 'chat.connections.perServer.2.connections',
          min: 40,
          max: 40,
          says: '40 connections on each server (server 3)',
        },
        { metric: 'chat.messages.delivered', min: 90, max: 130, says: 'about 110 messages' },
        { metric: 'chat.messages.lost', min: 0, max: 0, says: 'none lost' },
      ],
    },
    {
      id: 'server-dies',
      title: 'A chat server dies',
      narration: ['Server 2 is about to crash. Predict first, then kill it.'],
      highlight: ['servers'],
      predict: {
        question: 'What happens to the 40 apps connected to server 2, right after it dies?',
        choices: [
          {
            id: 'moved',
            text: 'The load balancer moves their connections to another server.',
            correct: false,
            feedback:
              'A connection is a conversation between two machines. When one of them dies, the conversation is over; nothing can carry it elsewhere.',
          },
          {
            id: 'at-once',
            text: 'Their connections close and the apps reconnect elsewhere at once.',
            correct: false,
            feedback:
              'A machine that dies abruptly sends no goodbye: nothing tells the apps their connection is gone. They find out later.',
          },
          {
            id: 'unaware',
            text: 'Their connections are dead, but for now the apps do not know it.',
            correct: true,
            feedback:
              'Right. A dead machine closes nothing, so each app still believes it is connected until something tells it otherwise.',
          },
        ],
        explanation:
          'Two seconds after the crash all 40 connections to server 2 are dead, yet every one of those 40 apps still believes it is connected: a half-open connection.',
      },
      until: { kind: 'action', action: 'kill-server', hint: 'Press Kill on server 2.' },
      autoAction: { action: 'kill-server', server: 2 },
      claims: [
        {
          metric: 'chat.connections.halfOpen',
          min: 40,
          max: 40,
          says: 'every one of those 40 apps still believes it is connected',
        },
        { metric: 'chat.reconnects.total', min: 0, max: 0, says: 'none reconnected yet' },
      ],
    },
    {
      id: 'reconnect',
      title: 'Finding out, and reconnecting',
      narration: [
        'An app finds out in one of two ways. When it sends a message, the server should acknowledge it; if no acknowledgement comes within 5 seconds, the app gives the connection up. And the server sends a heartbeat ping every 25 seconds; an app that has heard none for 20 seconds past the due time gives up too (Socket.IO’s defaults). So an app that stays quiet can take up to 45 seconds to notice.',
        'Having noticed, an app waits a random delay before reconnecting: up to 1 second, doubled after every failed try, at most 5 seconds. The randomness (jitter) spreads thousands of reconnects over time, so the surviving servers are not hit by all of them in the same instant. In 50 seconds all 40 apps are back on servers 1 and 3, each within about a second of noticing. Nearly all of them noticed on a send; only a few, quiet ones, on the heartbeat.',
        'Meanwhile their friends kept writing to them. With fire-and-forget pub/sub, a message for an app between connections reaches no server that holds it: about 60 messages are lost for good.',
      ],
      highlight: ['servers'],
      until: { kind: 'time', ms: 50_000, hint: 'Watch for 50 simulated seconds.' },
      claims: [
        { metric: 'chat.reconnects.total', min: 40, max: 40, says: 'all 40 apps are back' },
        { metric: 'chat.connections.halfOpen', min: 0, max: 0, says: 'all 40 apps are back' },
        {
          metric: 'chat.connections.perServer.0.connections',
          min: 60,
          max: 60,
          says: 'back on servers 1 and 3 (server 1)',
        },
        {
          metric: 'chat.connections.perServer.2.connections',
          min: 60,
          max: 60,
          says: 'back on servers 1 and 3 (server 3)',
        },
        {
          metric: 'chat.reconnects.maxReconnectS',
          min: 0,
          max: 1.5,
          says: 'each within about a second of noticing',
        },
        {
          metric: 'chat.reconnects.noticedBySend',
          min: 34,
          max: 40,
          says: 'nearly all of them noticed on a send',
        },
        {
          metric: 'chat.reconnects.noticedByHeartbeat',
          min: 1,
          max: 6,
          says: 'only a few on the heartbeat',
        },
        { metric: 'chat.messages.lost', min: 50, max: 75, says: 'about 60 messages are lost' },
      ],
    },
    {
      id: 'shared',
      title: 'A presence map and a message queue',
      narration: [
        'Second design. Apps are still pinned to one chat server each, because their connection is. But the servers now keep what they know in Redis: who is online on which server (a presence map), and for each user a queue of messages not yet delivered (a Redis stream or list, which stays until read, unlike pub/sub).',
        'When Alice on server 1 writes to Bob on server 2, server 1 appends the message to Bob’s queue, looks Bob up in the presence map and nudges server 2, which pushes it down Bob’s connection. Once Bob’s app acknowledges it, it leaves the queue.',
      ],
      setup: { scenario: SHARED, speed: 0.5 },
      highlight: ['servers', 'store'],
      until: { kind: 'time', ms: 15_000, hint: 'Watch for 15 simulated seconds.' },
    },
    {
      id: 'dies-again',
      title: 'The same crash',
      narration: [
        'Kill server 2 again. Its connections still die: no design keeps a connection alive when its machine dies, and the 40 apps again do not know it yet.',
      ],
      highlight: ['servers', 'store'],
      until: { kind: 'action', action: 'kill-server', hint: 'Press Kill on server 2.' },
      autoAction: { action: 'kill-server', server: 2 },
      claims: [
        {
          metric: 'chat.connections.halfOpen',
          min: 40,
          max: 40,
          says: 'the 40 apps again do not know it yet',
        },
      ],
    },
    {
      id: 'survivable',
      title: 'Survivable',
      narration: [
        'The apps notice and reconnect as before. Messages written to them meanwhile wait in their queues in Redis; a reconnecting app’s new server reads its queue and pushes what it missed. About 60 messages had to wait, and none is lost.',
      ],
      highlight: ['servers', 'store'],
      until: { kind: 'time', ms: 50_000, hint: 'Watch for 50 simulated seconds.' },
      claims: [
        { metric: 'chat.reconnects.total', min: 40, max: 40, says: 'reconnect as before' },
        { metric: 'chat.messages.everQueued', min: 48, max: 72, says: 'about 60 had to wait' },
        { metric: 'chat.messages.lost', min: 0, max: 0, says: 'none is lost' },
      ],
    },
    {
      id: 'check',
      title: 'Check yourself',
      narration: [
        'Stateful is not a mistake here: the connection ties each user to one machine, and keeping it open is what makes chat instant. The craft is to keep only the connection on that machine, and everything worth keeping somewhere shared.',
      ],
      until: { kind: 'continue' },
      check: {
        question:
          'You are asked to “make the chat service stateless”. Which part must stay on the chat servers?',
        choices: [
          {
            id: 'messages',
            text: 'The undelivered messages, so they can be pushed quickly.',
            correct: false,
            feedback:
              'Kept only on a chat server they die with it, as in the first design. A queue in a shared store keeps them until the app reconnects.',
          },
          {
            id: 'connections',
            text: 'The open WebSocket connections themselves.',
            correct: true,
            feedback:
              'Yes. A connection lives in one machine. Presence, unread counts and messages can move to shared stores and queues.',
          },
          {
            id: 'presence',
            text: 'The list of who is online, because only the servers know it.',
            correct: false,
            feedback:
              'Each server knows its own users, but others need to find them: that is what a shared presence map is for.',
          },
          {
            id: 'nothing',
            text: 'Nothing: with enough engineering a chat server can be fully stateless.',
            correct: false,
            feedback:
              'Brokers and gateways can move connections off your app servers, but some machine still holds each connection.',
          },
        ],
      },
    },
  ],
};
