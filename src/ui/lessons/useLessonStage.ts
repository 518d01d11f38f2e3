/**
 * What a lesson sets on the picture around it: the skin's words, the nodes the open step
 * highlights, and the actions held back while the step's prediction is open. All cleared
 * when the lesson closes.
 */
import { useEffect } from 'react';
import { SKINS } from '../../lessons/skins.ts';
import type { Lesson, LessonStep } from '../../lessons/types.ts';
import { SHOP_VOCABULARY } from '../../store/vocabulary.ts';
import { useSimSession } from '../SimContext.tsx';

export function useLessonStage(lesson: Lesson, step: LessonStep, predictionOpen: boolean): void {
  const session = useSimSession();
  useEffect(() => {
    const st = session.store.getState();
    st.setActionsHeld(predictionOpen ? 'Lock in your prediction first' : null);
    st.setSpotlight(step.highlight ?? []);
  }, [session, predictionOpen, step]);
  useEffect(
    () => () => {
      const st = session.store.getState();
      st.setActionsHeld(null);
      st.setSpotlight([]);
    },
    [session],
  );
  useEffect(() => {
    session.store.getState().setVocabulary(SKINS[lesson.skin]);
    return () => session.store.getState().setVocabulary(SHOP_VOCABULARY);
  }, [session, lesson.skin]);
}
