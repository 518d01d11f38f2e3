/**
 * Words the view uses for the parts of the system. Lessons swap them for an analogy (phone
 * agents and an order board, ATMs and a bank) while the simulation stays the same.
 */
export interface Vocabulary {
  id: string;
  server: string;
  servers: string;
  loadBalancer: string;
  store: string;
  database: string;
  session: string;
  sessions: string;
  cart: string;
  user: string;
  users: string;
  items: readonly string[];
}

export const SHOP_VOCABULARY: Vocabulary = {
  id: 'shop',
  server: 'server',
  servers: 'servers',
  loadBalancer: 'load balancer',
  store: 'session store',
  database: 'database',
  session: 'session',
  sessions: 'sessions',
  cart: 'cart',
  user: 'user',
  users: 'users',
  items: [
    'iPhone',
    'AirPods',
    'MacBook',
    'iPad',
    'Watch',
    'Charger',
    'Case',
    'Headphones',
    'Keyboard',
    'Monitor',
  ],
};
