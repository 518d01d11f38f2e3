/**
 * The words each lesson skin puts on the same simulation: a web shop, a pizza shop's phone
 * line, a bank's ATMs and a chat service. Item names follow the simulation's item ids 0–9; Alice's scripted
 * journey adds item 0, then item 1, so those two carry each skin's story.
 */
import { SHOP_VOCABULARY, type Vocabulary } from '../store/vocabulary.ts';
import type { SkinId } from './types.ts';

const PIZZA_VOCABULARY: Vocabulary = {
  id: 'pizza',
  server: 'agent',
  servers: 'agents',
  loadBalancer: 'switchboard',
  store: 'order board',
  database: "kitchen's order book",
  session: 'order note',
  sessions: 'order notes',
  cart: 'order',
  user: 'caller',
  users: 'callers',
  techNames: false,
  storeCopy: 'copy of the board',
  storeCopies: 'copies of the board',
  cartItems: 'ordered items',
  databaseCaption: 'Paid orders and the menu',
  items: [
    'large pepperoni',
    'extra mushrooms',
    'garlic bread',
    'cola',
    'margherita',
    'extra cheese',
    'chicken wings',
    'side salad',
    'hawaiian',
    'tiramisu',
  ],
};

const ATM_VOCABULARY: Vocabulary = {
  id: 'atm',
  server: 'ATM',
  servers: 'ATMs',
  loadBalancer: 'bank network',
  store: 'central bank database',
  database: 'statement archive',
  session: 'account record',
  sessions: 'account records',
  cart: 'balance',
  user: 'customer',
  users: 'customers',
  techNames: false,
  storeCopy: 'backup',
  storeCopies: 'backups',
  cartItems: 'transactions',
  databaseCaption: 'Past statements',
  items: [
    'deposit $20',
    'deposit $50',
    'withdraw $40',
    'deposit $100',
    'withdraw $20',
    'withdraw $60',
    'deposit $10',
    'withdraw $100',
    'deposit $200',
    'withdraw $80',
  ],
};

/**
 * A chat service is not an analogy but another domain: the apps hold connections to chat
 * servers and exchange messages in rooms, and its real parts (WebSocket, Redis) keep their
 * names. A chat app's "session" is its open connection; what it keeps is its rooms.
 */
const CHAT_VOCABULARY: Vocabulary = {
  id: 'chat',
  // "Chat server" would wrap the box titles; the lesson's narration says "chat server".
  server: 'server',
  servers: 'servers',
  loadBalancer: 'load balancer',
  store: 'shared store',
  database: 'message history',
  session: 'connection',
  sessions: 'connections',
  cart: 'rooms',
  user: 'app',
  users: 'apps',
  cartItems: 'messages',
  databaseCaption: 'Rooms and past messages',
  loggedIn: 'connected',
  items: [
    '#general',
    '#random',
    '#team',
    '#support',
    '#design',
    '#releases',
    '#family',
    '#weekend',
    '#news',
    '#music',
  ],
};

export const SKINS: Record<SkinId, Vocabulary> = {
  shop: SHOP_VOCABULARY,
  pizza: PIZZA_VOCABULARY,
  atm: ATM_VOCABULARY,
  chat: CHAT_VOCABULARY,
};
