// Layout checks for the lesson card: nothing inside it may stick out sideways (a question or
// an answer cut off at the card's edge is unreadable, and on a phone it is off-screen).
import { expect, type Page } from '@playwright/test';

export interface Overflow {
  what: string;
  right: number;
  cardRight: number;
}

/** Elements in the lesson card whose right edge passes the card's, plus the card's own scroll. */
export async function cardOverflow(page: Page): Promise<Overflow[]> {
  return page.evaluate(() => {
    const card = document.querySelector<HTMLElement>('.lesson-card');
    if (!card) return [{ what: 'no .lesson-card', right: 0, cardRight: 0 }];
    const box = card.getBoundingClientRect();
    const out: { what: string; right: number; cardRight: number }[] = [];
    if (card.scrollWidth > card.clientWidth + 1) {
      out.push({
        what: 'card scrolls sideways',
        right: card.scrollWidth,
        cardRight: card.clientWidth,
      });
    }
    if (box.right > document.documentElement.clientWidth + 1) {
      out.push({
        what: 'card passes the viewport',
        right: box.right,
        cardRight: document.documentElement.clientWidth,
      });
    }
    for (const el of card.querySelectorAll<HTMLElement>('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > box.right + 1 || r.left < box.left - 1) {
        const label = `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 40)}`;
        out.push({ what: label, right: Math.round(r.right), cardRight: Math.round(box.right) });
      }
    }
    return out;
  });
}

export async function expectCardFits(page: Page, where: string): Promise<void> {
  expect(await cardOverflow(page), `lesson card overflows sideways at ${where}`).toEqual([]);
}
