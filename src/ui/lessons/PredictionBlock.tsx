/** Ask first, then show what happened next to the learner's answer. */
import type { Prediction } from '../../lessons/types.ts';
import { ChoiceRadio, CommitChoice, useChoicePick } from './ChoicePick.tsx';

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
  const pick = useChoicePick(answer);
  const locked = pick.locked;
  const picked = prediction.choices.find((c) => c.id === answer);
  return (
    <fieldset className="lesson-question prediction">
      <legend>Predict: {prediction.question}</legend>
      {prediction.choices.map((c) => (
        <ChoiceRadio key={c.id} choice={c} pick={pick} />
      ))}
      <CommitChoice pick={pick} label="Lock in my prediction" onAnswer={onAnswer} />
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
