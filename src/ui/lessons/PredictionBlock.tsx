/** Ask first, then show what happened next to the learner's answer. */
import { useId, useState } from 'react';
import type { Prediction } from '../../lessons/types.ts';

export function PredictionBlock({
  prediction,
  answer,
  revealed,
  onAnswer,
}: {
  prediction: Prediction;
  answer: string | undefined;
  revealed: boolean;
  onAnswer: (choiceId: string) => void;
}) {
  const name = useId();
  const [choice, setChoice] = useState<string | undefined>(answer);
  const locked = answer !== undefined;
  const picked = prediction.choices.find((c) => c.id === answer);
  return (
    <fieldset className="lesson-question prediction">
      <legend>Predict: {prediction.question}</legend>
      {prediction.choices.map((c) => (
        <label key={c.id} className="choice">
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
      ))}
      {!locked && (
        <button
          type="button"
          className="primary"
          disabled={choice === undefined}
          onClick={() => choice !== undefined && onAnswer(choice)}
        >
          Lock in my prediction
        </button>
      )}
      {locked && !revealed && (
        <p className="muted" role="status">
          Prediction recorded. Watch what happens…
        </p>
      )}
      {locked && revealed && picked && (
        <div
          className={`feedback ${picked.correct ? 'feedback-good' : 'feedback-bad'}`}
          role="status"
        >
          <p>
            <strong>{picked.correct ? '✓ You predicted it.' : '✗ Not quite.'}</strong> You said: “
            {picked.text}”. {picked.feedback}
          </p>
          <p>{prediction.explanation}</p>
        </div>
      )}
    </fieldset>
  );
}
