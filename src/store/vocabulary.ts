/**
 * Words the view uses for the parts of the system. Lessons swap them for an analogy (phone
 * agents and an order board, ATMs and a bank) or another domain (a chat service's
 * connections and messages) while the simulation stays the same.
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
  /**
   * Whether the picture names real products and mechanisms (Redis, JWT). Analogies leave them
   * out and speak their own words; a lesson step maps them back in its narration. Default true.
   */
  techNames?: boolean;
  /** A copy of the store that can take over (default "replica" / "replicas"). */
  storeCopy?: string;
  storeCopies?: string;
  /** What a lost cart loses (default "cart items"). */
  cartItems?: string;
  /** What the database holds (default "Logins and orders"). */
  databaseCaption?: string;
  /** Users who hold a session right now (default "logged in"). */
  loggedIn?: string;
}

/** The optional words of a vocabulary, with the shop's defaults filled in. */
export function extraWords(
  v: Vocabulary,
): Required<
  Pick<
    Vocabulary,
    'techNames' | 'storeCopy' | 'storeCopies' | 'cartItems' | 'databaseCaption' | 'loggedIn'
  >
> {
  return {
    techNames: v.techNames ?? true,
    storeCopy: v.storeCopy ?? 'replica',
    storeCopies: v.storeCopies ?? 'replicas',
    cartItems: v.cartItems ?? `${v.cart} items`,
    databaseCaption: v.databaseCaption ?? 'Logins and orders',
    loggedIn: v.loggedIn ?? 'logged in',
  };
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
