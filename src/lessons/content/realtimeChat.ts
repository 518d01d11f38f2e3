/**
 * Lesson: when stateful is right, real-time chat. The simulation has no WebSocket model, so
 * this lesson uses the closest faithful mapping and says so in the narration:
 *
 * - a session held in a server's memory, pinned by cookie stickiness, stands for an open
 *   connection and what the server knows about it (who is online, unread counts);
 * - killing a server stands for a chat server dying: its connections drop, and a lost session
 *   followed by a new login stands for the client reconnecting to another server;
 * - the session store stands for the shared presence map and message store.
 *
 * Claims are only on what the model computes (sessions, requests, servers). Seed 7.
 */
import type { Scenario } from '../../sim/index.ts';
import type { Lesson } from '../types.ts';

/** Connection state only in each chat server's memory; users pinned to their server. */
const IN_MEMORY: Scenario = {
  version: 1,
  name: 'lesson-chat-in-memory',
  seed: 7,
  durationS: 600,
  architecture: 'in-memory',
  // Messages travel on a connection already open to one server: when that server dies the
  // proxy cannot resend them elsewhere, so refused sends are not retried here.
  loadBalancer: { algorithm: 'round-robin', sticky: 'cookie', retries: 0 },
  servers: { count: 3 },
  users: { count: 120, thinkTimeS: 3 },
};

/** Still pinned to a server, but what the servers know is kept in a shared store too. */
const SHARED: Scenario = {
  ...IN_MEMORY,
  name: 'lesson-chat-shared-store',
  architecture: 'session-store',
  store: { kind: 'redis', replicas: 1 },
};

export const REALTIME_CHAT: Lesson = {
  id: 'realtime-chat',
  title: 'When stateful is right: real-time chat',
  minutes: 9,
  skin: 'shop',
  summary:
    'A chat server holds open connections, so it is stateful by nature. See what happens when one dies, and how a shared presence map and message store make the servers replaceable even though the connections are not.',
  goals: [
    'Explain why a server holding WebSocket connections is stateful by nature.',
    'Describe how users on different servers reach each other: a presence map and a message queue.',
    'Predict what happens to connected users when their server dies.',
    'Separate the state that must stay on the server from the state that can move out.',
  ],
  steps: [
    {
      id: 'connections',
      title: 'A connection lives somewhere',
      narration: [
        'A chat app like Slack or WhatsApp keeps a long-lived connection open between each device and one chat server (in a browser, a WebSocket), so the server can push a message the instant it arrives. That connection is a live thing inside one machine: it cannot be stored in a database or handed to another server. A chat server is stateful by nature, and that is the right design.',
        'This simulation has no WebSocket model, so this lesson borrows the shop’s picture and says what stands for what. A session chip on a server stands for a user connected to it, and the cookie that pins a user to one server stands for the connection itself. The requests you see are short; a real connection stays open.',
      ],
      setup: { scenario: IN_MEMORY, playing: false, speed: 0.5 },
      highlight: ['users', 'servers'],
      until: { kind: 'continue' },
    },
    {
      id: 'online',
      title: 'Everyone online',
      narration: [
        'Let users connect. Each server now keeps, in its own memory, who is connected to it, along with small things like unread counts and who is typing. Read the cart items in the counters as that kind of memory-only state.',
        'After 10 seconds between 35 and 40 users are connected to each server.',
      ],
      highlight: ['servers'],
      until: { kind: 'time', ms: 10_000, hint: 'Watch for 10 simulated seconds.' },
      claims: [
        {
          metric: 'servers.0.sessions',
          min: 35,
          max: 40,
          says: 'between 35 and 40 users (server 1)',
        },
        {
          metric: 'servers.1.sessions',
          min: 35,
          max: 40,
          says: 'between 35 and 40 users (server 2)',
        },
        {
          metric: 'servers.2.sessions',
          min: 35,
          max: 40,
          says: 'between 35 and 40 users (server 3)',
        },
      ],
    },
    {
      id: 'server-dies',
      title: 'A chat server dies',
      narration: ['Server 2 is about to crash. Predict first, then kill it.'],
      highlight: ['servers'],
      predict: {
        question: 'What happens to the users connected to server 2?',
        choices: [
          {
            id: 'moved',
            text: 'The load balancer moves their connections to another server.',
            correct: false,
            feedback:
              'A connection is a conversation between two machines. When one of them dies, the conversation is over; nothing can carry it elsewhere.',
          },
          {
            id: 'dropped',
            text: 'Their connections drop, and whatever server 2 kept only in memory is gone; their apps reconnect elsewhere.',
            correct: true,
            feedback:
              'Right. The apps notice the broken connection and open a new one to a surviving server.',
          },
          {
            id: 'nothing',
            text: 'Nothing: chat servers are stateless.',
            correct: false,
            feedback:
              'A server that holds open connections is stateful by nature; the question is only what else it keeps.',
          },
        ],
        explanation:
          'About 40 connections dropped at once, and what server 2 kept about them, here about 40 pieces of memory-only state, went with it. In this picture nothing was stored anywhere else.',
      },
      until: { kind: 'action', action: 'kill-server', hint: 'Press Kill on server 2.' },
      autoAction: { action: 'kill-server', server: 2 },
      claims: [
        { metric: 'sessions.lost', min: 32, max: 46, says: 'about 40 connections dropped' },
        { metric: 'cart.itemsLost', min: 32, max: 46, says: 'about 40 pieces of state' },
      ],
    },
    {
      id: 'reconnect',
      title: 'Reconnecting',
      narration: [
        'Each app finds out on its next message: the send fails, the app reconnects, and the user is let in again on another server. About 40 users go through that within 10 seconds. A real app notices the closed connection at once; in the picture, a reconnect looks like a failed request followed by a new login.',
        'The connections had to drop, but the rest did not have to be lost. A real chat service stores each message the moment it arrives, outside the chat server, so a reconnecting app can fetch what it missed.',
      ],
      highlight: ['servers'],
      until: { kind: 'time', ms: 10_000, hint: 'Watch for 10 simulated seconds.' },
      claims: [
        {
          metric: 'failedByReason.session-lost',
          min: 34,
          max: 44,
          says: 'about 40 users go through that',
        },
      ],
    },
    {
      id: 'shared',
      title: 'A presence map and a message store',
      narration: [
        'Second design. Users are still pinned to one chat server each, because their connection is. But the servers now also write what they know to a shared store: who is online and on which server (a presence map), unread counts, and the messages themselves.',
        'When Alice on server 1 writes to Bob on server 2, server 1 looks Bob up in the presence map and hands the message to a message queue that server 2 reads, and server 2 pushes it down Bob’s connection. The simulation draws none of these hops: the session store in the picture stands for the presence map and message store together, and the chips have moved there.',
      ],
      setup: { scenario: SHARED, speed: 0.5 },
      highlight: ['servers', 'store'],
      until: { kind: 'time', ms: 15_000, hint: 'Watch for 15 simulated seconds.' },
    },
    {
      id: 'dies-again',
      title: 'The same crash, survivable',
      narration: [
        'Kill server 2 again. Its connections still drop: no design keeps a connection alive when its machine dies. About 30 messages were on their way to it before the load balancer noticed (it waits for three failed health checks in a row); they fail and are sent again.',
        'But the apps reconnect to another server, which finds the user’s presence, unread counts and messages in the shared store. Nothing is lost except a moment of connection.',
      ],
      highlight: ['servers', 'store'],
      until: { kind: 'action', action: 'kill-server', hint: 'Press Kill on server 2.' },
      autoAction: { action: 'kill-server', server: 2 },
      claims: [
        { metric: 'failedByReason.server-down', min: 22, max: 40, says: 'about 30 messages' },
        { metric: 'sessions.lost', min: 0, max: 0, says: 'nothing is lost' },
        { metric: 'cart.itemsLost', min: 0, max: 0, says: 'nothing is lost (state)' },
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
            text: 'The message history, so it can be shown quickly.',
            correct: false,
            feedback:
              'History belongs in a durable store; kept only on a chat server it dies with the server.',
          },
          {
            id: 'connections',
            text: 'The open WebSocket connections themselves.',
            correct: true,
            feedback:
              'Yes. A connection lives in one machine. Presence, unread counts and messages can move to shared stores and a queue.',
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
