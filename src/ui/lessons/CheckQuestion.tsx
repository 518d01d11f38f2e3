/**
 * A check question: the learner picks an answer and checks it; from then on every choice
 * shows its own feedback (why it is right or wrong), with the learner's pick marked. The
 * choices are a native radio group, so arrow keys move between them and Enter on the button
 * checks the answer. The first checked answer is the one the score counts.
 */
import type { Choice } from '../../lessons/types.ts';
import { ChoiceRadio, CommitChoice, useChoicePick } from './ChoicePick.tsx';

export function CheckQuestion({
  question,
  choices,
  answer,
  onAnswer,
}: {
  question: string;
  choices: Choice[];
  answer: string | undefined;
  onAnswer: (choiceId: string) => void;
}) {
  const pick = useChoicePick(answer);
  const locked = pick.locked;
  const picked = choices.find((c) => c.id === answer);
  return (
    <fieldset className="lesson-question lesson-check">
      <legend>Check: {question}</legend>
      <ul className="choice-list">
        {choices.map((c) => {
          const mine = answer === c.id;
          return (
            <li
              key={c.id}
              className={`choice-item${locked ? (c.correct ? ' is-right' : ' is-wrong') : ''}${
                mine ? ' is-mine' : ''
              }`}
            >
              <ChoiceRadio choice={c} pick={pick} />
              {locked && (
                <p className="choice-feedback">
                  <strong>
                    {c.correct ? '✓ Right answer' : '✗ Not this one'}
                    {mine ? ' (your answer)' : ''}:
                  </strong>{' '}
                  {c.feedback}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <CommitChoice pick={pick} label="Check my answer" onAnswer={onAnswer} />
      {picked && (
        <p
          className={`feedback ${picked.correct ? 'feedback-good' : 'feedback-bad'}`}
          role="status"
        >
          <strong>{picked.correct ? '✓ Correct.' : '✗ Not quite.'}</strong>{' '}
          {picked.correct
            ? 'Each answer above says why it is right or wrong.'
            : 'The right answer is marked ✓ above, and each answer says why.'}
        </p>
      )}
    </fieldset>
  );
}
