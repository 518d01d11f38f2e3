/** Every lesson, in the order the lesson list shows them. */
import { ATM } from './content/atm.ts';
import { BLACK_FRIDAY } from './content/blackFriday.ts';
import { CHOOSING } from './content/choosing.ts';
import { DEPLOYING } from './content/deploying.ts';
import { HYBRID } from './content/hybrid.ts';
import { PIZZA } from './content/pizza.ts';
import { SHOPPING_CART } from './content/shoppingCart.ts';
import { SCALING_OUT } from './content/scalingOut.ts';
import { REALTIME_CHAT } from './content/realtimeChat.ts';
import { STICKY_PRICE } from './content/stickyPrice.ts';
import { TOKENS_LESSON } from './content/tokens.ts';
import type { Lesson } from './types.ts';

export const LESSONS: Lesson[] = [
  PIZZA,
  ATM,
  SHOPPING_CART,
  STICKY_PRICE,
  SCALING_OUT,
  HYBRID,
  TOKENS_LESSON,
  BLACK_FRIDAY,
  DEPLOYING,
  REALTIME_CHAT,
  CHOOSING,
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
