/**
 * Where the lesson card looks: a new step (or the end card) opens at its title with focus on
 * it (never on first load: an embedded lesson must not steal focus from the course page), and
 * a completed step brings its result into view. Only the card scrolls, never the page around
 * it, so an embedded frame does not move its host.
 */
import { useEffect, useRef, type RefObject } from 'react';

export function useCardScroll(
  cardRef: RefObject<HTMLElement | null>,
  headingRef: RefObject<HTMLHeadingElement | null>,
  /** The open step, and whether the end card (finished or unfinished) shows instead. */
  index: number,
  completed: boolean,
  unfinished: readonly number[] | null,
  done: boolean,
): void {
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) {
      moved.current = true;
      return;
    }
    headingRef.current?.focus({ preventScroll: true });
  }, [headingRef, index, completed, unfinished]);

  useEffect(() => {
    const card = cardRef.current;
    const heading = headingRef.current;
    if (!card || !heading) return;
    const top = heading.getBoundingClientRect().top - card.getBoundingClientRect().top;
    card.scrollTop = Math.max(0, card.scrollTop + top - 8);
  }, [cardRef, headingRef, index, completed, unfinished]);

  useEffect(() => {
    if (!done) return;
    const card = cardRef.current;
    const el = card?.querySelector<HTMLElement>('.prediction .feedback, .run-figures');
    if (!card || !el) return;
    const top = el.getBoundingClientRect().top - card.getBoundingClientRect().top;
    if (top > card.clientHeight * 0.6) card.scrollTop += top - 16;
  }, [cardRef, done]);
}
