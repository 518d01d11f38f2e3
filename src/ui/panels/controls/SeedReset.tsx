/**
 * Seed field and Reset: start the same setup again from 0 s with the chosen seed (in every
 * pane of a comparison). Reset is the registry's `reset` command on the run in context.
 */
import { useState, type FormEvent } from 'react';
import { parseSeed } from '../../../app/scenarioEdits.ts';
import { useCommand, useRunState } from '../../RunContext.tsx';
import { Icon } from '../Icon.tsx';

/** `compact`: one row, no hint (the comparison's setup bar). */
export function SeedReset({ compact = false }: { compact?: boolean }) {
  const hasScenario = useRunState((s) => s.scenario !== null);
  const seed = useRunState((s) => s.scenario?.seed ?? 1);
  // The text being typed; null = show the running seed.
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? String(seed);
  const parsed = parseSeed(shown);
  const reset = useCommand('reset', { seed: parsed ?? 0 });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!hasScenario || parsed === null) return;
    reset.perform();
    setText(null);
  };

  return (
    <form className={compact ? 'seed-row cmp-seed' : 'seed-row'} onSubmit={submit}>
      <label className={compact ? 'field-inline' : 'field field-inline'}>
        <span>Seed</span>
        <input
          type="text"
          inputMode="numeric"
          size={8}
          value={shown}
          aria-invalid={parsed === null}
          aria-describedby={compact ? undefined : 'seed-hint'}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="submit" className="btn" disabled={!hasScenario || parsed === null}>
        <Icon name="reset" /> {reset.label}
      </button>
      {!compact && (
        <p id="seed-hint" className="hint">
          {parsed === null ? 'The seed must be a whole number.' : `${reset.description}.`}
        </p>
      )}
    </form>
  );
}
