/**
 * A check question: the learner picks an answer and checks it; from then on every choice
 * shows its own feedback (why it is right or wrong), with the learner's pick marked. The
 * choices are a native radio group, so arrow keys move between them and Enter on the button
 * checks the answer. The first checked answer is the one the score counts.
 */
import { useId, useState } from 'react';
import type { Choice } from '../../lessons/types.ts';

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
  const name = useId();
  const [choice, setChoice] = useState<string | undefined>(answer);
  const locked = answer !== undefined;
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
              <label className="choice">
                <input
                  type="radio"
                  name={name}
                  value={c.id}
                  checked={(locked ? answer : choice) === c.id}
                  disabled={locked}
                  onChange={() => setChoice(c.id)}
                />
                <span>{c.text}</span>
              </label>
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
      {!locked && (
        <button
          type="button"
          className="primary"
          disabled={choice === undefined}
          onClick={() => choice !== undefined && onAnswer(choice)}
        >
          Check my answer
        </button>
      )}
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
