/**
 * Lesson: tokens versus session ids. A session cookie is tiny and costs one store lookup per
 * request; a signed token (JWT) is carried on every request, checked by computation alone and
 * needs no lookup, but cannot be taken back before it expires without a deny-list, which is
 * shared state again. The model does not simulate revocation, so that part is told, not run.
 *
 * Every number in the narration has a claim, checked by the lesson test with seed 7; the
 * cookie and token sizes and the signature-check time are the model's own figures.
 */
import type { Scenario } from '../../sim/index.ts';
import type { Lesson } from '../types.ts';

const SESSION_IDS: Scenario = {
  version: 1,
  name: 'lesson-tokens-session-store',
  seed: 7,
  durationS: 300,
  architecture: 'session-store',
  store: { kind: 'redis', replicas: 1 },
  loadBalancer: { algorithm: 'round-robin', sticky: 'none' },
  servers: { count: 3 },
  users: { count: 120, thinkTimeS: 3 },
};

const TOKENS: Scenario = {
  ...SESSION_IDS,
  name: 'lesson-tokens-jwt',
  architecture: 'jwt',
};

export const TOKENS_LESSON: Lesson = {
  id: 'tokens',
  title: 'Tokens vs session ids',
  minutes: 9,
  skin: 'shop',
  summary:
    'Two ways for a stateless server to know who you are: a tiny session id it looks up in a store, or a signed token you carry on every request. Compare their costs, and find out why taking a token back brings state right back.',
  goals: [
    'Compare what a session cookie and a JWT cost per request: bytes, lookups, computation.',
    'Explain why any server can check a token without asking anyone.',
    'Explain why revoking a token before it expires needs a deny-list, which is shared state.',
  ],
  steps: [
    {
      id: 'two-ways',
      title: 'Who are you, again?',
      narration: [
        'A stateless server remembers nothing between requests, yet every request must say who sent it. There are two common answers.',
        'A session id is like a cloakroom ticket: a short random number that means nothing by itself; the server looks it up in a session store to find out who you are. A signed token is like a letter of introduction with a seal: it says who you are, and anyone who knows the seal can check it without asking anybody. Here is the ticket first.',
      ],
      setup: { scenario: SESSION_IDS, playing: false, speed: 0.5 },
      highlight: ['users', 'servers', 'store'],
      until: { kind: 'continue' },
    },
    {
      id: 'session-id',
      title: 'A ticket and a lookup',
      narration: [
        'Each request carries a 12-byte cookie holding the session id. Whichever server gets it reads the session from the Redis store, a round trip of 1–2 ms, and an add-to-cart writes it back.',
        'So the request is tiny, and the price is a lookup on every request plus a store that must stay up. A request takes about 106 ms from click to answer here.',
      ],
      highlight: ['servers', 'store'],
      until: { kind: 'time', ms: 10_000, hint: 'Watch for 10 simulated seconds.' },
      claims: [
        { metric: 'bytesPerRequest.credential', min: 12, max: 12, says: 'a 12-byte cookie' },
        { metric: 'latencyMs.mean', min: 104, max: 108, says: 'about 106 ms' },
      ],
    },
    {
      id: 'token',
      title: 'A token on every request',
      narration: [
        'Now the same shop hands out a signed token (a JSON Web Token) at login instead of a session id. The browser attaches it to every request, and every server checks the signature itself. There is no session store any more.',
      ],
      setup: { scenario: TOKENS, speed: 0.5 },
      highlight: ['users', 'servers', 'db'],
      predict: {
        question: 'Compared with the session cookie, what does each request cost now?',
        choices: [
          {
            id: 'same',
            text: 'The same: a credential is a credential.',
            correct: false,
            feedback:
              'The token carries the user’s identity and a signature, not just a number pointing somewhere else, so it is much bigger.',
          },
          {
            id: 'bigger-no-lookup',
            text: 'More bytes on the wire, a little computation, and no store lookup.',
            correct: true,
            feedback:
              'Right: the token trades bytes and computation for lookups. The server needs nothing but the key to check the seal.',
          },
          {
            id: 'smaller',
            text: 'Fewer bytes, because no session id is needed.',
            correct: false,
            feedback: 'The token replaces the session id, and it is far longer than one.',
          },
        ],
        explanation:
          'Each request after login carries the 232-byte token, about 20 times the cookie; averaged over the requests so far, logins included, about 170 bytes, because early on many requests are logins (in the long run more, as only about one request in six or seven is a login). Checking it costs 0.1 ms of computing and no round trip. The cart is not in the token, because a token cannot be changed once issued, only replaced: it lives in the database, so cart steps still make a database trip. A request takes about 105 ms here, practically the same as with the cookie, because the trip across the internet dwarfs both costs.',
      },
      until: { kind: 'time', ms: 10_000, hint: 'Watch for 10 simulated seconds.' },
      claims: [
        {
          metric: 'bytesPerRequest.credential',
          min: 232,
          max: 232,
          says: 'the 232-byte token, about 20 times the cookie',
        },
        { metric: 'bytesPerRequest.mean', min: 160, max: 180, says: 'about 170 bytes' },
        { metric: 'latencyMs.mean', min: 103, max: 107, says: 'about 105 ms here' },
      ],
    },
    {
      id: 'any-server',
      title: 'Any server, no store',
      narration: [
        'Kill a server. Its requests in progress fail and are retried elsewhere, and nobody is logged out: the other servers check the same tokens with the same key. With no session store, there is also no store whose crash could log everyone out.',
      ],
      highlight: ['servers'],
      until: { kind: 'action', action: 'kill-server', hint: 'Press Kill on any server.' },
      autoAction: { action: 'kill-server', server: 3 },
      claims: [{ metric: 'sessions.lost', min: 0, max: 0, says: 'nobody is logged out' }],
    },
    {
      id: 'revoke',
      title: 'Taking a token back',
      narration: [
        'Alice’s laptop is stolen, and she presses “log out everywhere”. With session ids that is one delete in the store: the thief’s next request finds no session. A token is different: it was signed and handed out, and every server will accept it until it expires.',
        'To refuse it earlier, every server must check each token against a shared deny-list of revoked tokens: a lookup on every request, in a store that must stay up. That is state again. Real systems limit the damage with short-lived tokens, minutes rather than days, plus a refresh step that does consult a store. (This part is not simulated: the model has no revocation.)',
      ],
      until: { kind: 'continue' },
      check: {
        question:
          'A user’s token is stolen and must stop working now, an hour before it expires. What works?',
        choices: [
          {
            id: 'delete',
            text: 'Delete the token from the server’s memory.',
            correct: false,
            feedback:
              'No server holds the token; the client carries it. There is nothing to delete.',
          },
          {
            id: 'deny-list',
            text: 'Add it to a deny-list that every server checks on each request.',
            correct: true,
            feedback:
              'Yes, and notice the price: a shared store and a lookup per request, the very things the token was meant to avoid.',
          },
          {
            id: 'wait',
            text: 'Nothing is needed: stolen tokens stop working once the user logs out.',
            correct: false,
            feedback:
              'Logging out removes the token from the user’s browser, not from the thief’s. The signature stays valid until expiry.',
          },
          {
            id: 'new-key',
            text: 'Change the signing key, which logs out this user only.',
            correct: false,
            feedback:
              'A new key does invalidate the stolen token, but also every other user’s token at once.',
          },
        ],
      },
    },
    {
      id: 'check',
      title: 'Check yourself',
      narration: [
        'Neither answer is free. A session id keeps requests tiny and revocation instant, at the cost of a lookup and a store. A token removes the lookup and the store from the request path, at the cost of bigger requests and a hard time taking it back.',
        'Course notes sometimes sell the cookie as saving almost all the bandwidth a token costs. That is true of the credential alone; a real request also carries other headers and often a body, so the saving on the whole request is much smaller.',
      ],
      until: { kind: 'continue' },
      check: {
        question: 'Which statement about a JWT-based design is accurate?',
        choices: [
          {
            id: 'no-state',
            text: 'It is fully stateless: nothing anywhere needs to be stored.',
            correct: false,
            feedback:
              'The cart and the orders still live in a database, and early revocation needs a shared deny-list.',
          },
          {
            id: 'trade',
            text: 'Servers check identity without a lookup, but revoking a token early needs shared state.',
            correct: true,
            feedback:
              'Exactly: the token moves identity to the client; revocation pulls a piece of it back to the server side.',
          },
          {
            id: 'smaller',
            text: 'Requests are smaller than with a session cookie.',
            correct: false,
            feedback: 'They are bigger: the token travels in full with every request.',
          },
        ],
      },
    },
  ],
};
