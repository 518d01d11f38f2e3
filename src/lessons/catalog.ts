/** Every lesson, in the order the lesson list shows them. */
import { ATM } from './content/atm.ts';
import { PIZZA } from './content/pizza.ts';
import { SHOPPING_CART } from './content/shoppingCart.ts';
import type { Lesson } from './types.ts';

export const LESSONS: Lesson[] = [PIZZA, ATM, SHOPPING_CART];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
