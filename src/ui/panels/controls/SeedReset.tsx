/** Seed field and Reset: start the same setup again from 0 s with the chosen seed. */
import { useState, type FormEvent } from 'react';
import type { SimStoreState } from '../../../store/simStore.ts';
import { useSim } from '../../SimContext.tsx';
import { parseSeed, withSeed } from '../../playground/reconfigure.ts';
import { Icon } from '../Icon.tsx';

const selScenario = (s: SimStoreState) => s.scenario;
const selSeed = (s: SimStoreState) => s.snapshot?.seed ?? s.scenario?.seed ?? 1;
const selLoad = (s: SimStoreState) => s.load;
const selPlaying = (s: SimStoreState) => s.playing;

export function SeedReset() {
  const scenario = useSim(selScenario);
  const seed = useSim(selSeed);
  const load = useSim(selLoad);
  const playing = useSim(selPlaying);
  // The text being typed; null = show the running seed.
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? String(seed);
  const parsed = parseSeed(shown);

  const reset = (e: FormEvent) => {
    e.preventDefault();
    if (!scenario || parsed === null) return;
    load(withSeed(scenario, parsed), { playing });
    setText(null);
  };

  return (
    <form className="seed-row" onSubmit={reset}>
      <label className="field field-inline">
        <span>Seed</span>
        <input
          type="text"
          inputMode="numeric"
          size={8}
          value={shown}
          aria-invalid={parsed === null}
          aria-describedby="seed-hint"
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="submit" className="btn" disabled={!scenario || parsed === null}>
        <Icon name="reset" /> Reset
      </button>
      <p id="seed-hint" className="hint">
        {parsed === null
          ? 'The seed must be a whole number.'
          : 'Reset starts again from 0 s with this seed; the same seed replays the same traffic.'}
      </p>
    </form>
  );
}
