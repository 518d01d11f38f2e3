/**
 * What is being compared: the scenario (a preset: users, servers and its timeline of faults),
 * the seed, and which architectures get a pane. Changing any of them starts again from 0 s.
 * CopyLink copies a link that replays the same comparison, with the learner's faults.
 */
import { useState, type ReactNode } from 'react';
import { PRESETS, PRESET_NAMES, type Architecture } from '../../sim/index.ts';
import { COMPARE_ARCHS, MIN_PANES, paneTitle } from '../../app/compareSetup.ts';
import type { FaultsParam } from '../../app/compareLink.ts';

export interface CompareSetup {
  archs: Architecture[];
  preset: string;
  /** null = the preset's own seed. */
  seed: number | null;
}

interface Props {
  setup: CompareSetup;
  onChange(next: CompareSetup): void;
  locked: readonly string[];
  /** The seed field (the shared SeedReset, bound to the comparison's run). */
  seed?: ReactNode;
}

/** A link to this comparison, and whether it carries the faults the learner gave. */
export interface CompareLinkText {
  url: string;
  faults: FaultsParam;
}

/** What opening the link does, in words. */
function linkWords(faults: FaultsParam): string {
  if (!faults.ok) return `it opens this comparison from 0 s without your faults. ${faults.reason}`;
  const n = faults.value === null ? 0 : faults.value.split(',').length;
  if (n === 0) return 'it opens this comparison from 0 s.';
  return `it replays this comparison from 0 s, with the ${n === 1 ? 'fault' : `${n} faults`} you gave at the same moments.`;
}

/** `link` returns the link to this comparison (the page's URL, kept in step with the run). */
export function CopyLink({ link }: { link: () => CompareLinkText }) {
  const [status, setStatus] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const copy = async () => {
    const { url, faults } = link();
    setShown(url);
    const words = linkWords(faults);
    try {
      await navigator.clipboard.writeText(url);
      setStatus(`Link copied: ${words}`);
    } catch {
      setStatus(`Copy the link below: ${words}`);
    }
  };
  return (
    <div className="cmp-copy">
      <button type="button" className="btn" onClick={() => void copy()}>
        Copy link<span className="sr-only"> to this comparison</span>
      </button>
      {(status || shown) && (
        <div className="cmp-copy-pop">
          {status && (
            <p className="cmp-copy-status" role="status">
              {status}
            </p>
          )}
          {shown && (
            <input
              className="cmp-link"
              aria-label="Link to this comparison"
              readOnly
              value={shown}
              onFocus={(e) => e.currentTarget.select()}
            />
          )}
        </div>
      )}
    </div>
  );
}

export function CompareSetupBar({ setup, onChange, locked, seed }: Props) {
  const toggle = (arch: Architecture, on: boolean) => {
    const next = COMPARE_ARCHS.filter((a) => (a === arch ? on : setup.archs.includes(a)));
    if (next.length >= MIN_PANES) onChange({ ...setup, archs: next });
  };

  return (
    <div className="cmp-setup">
      {!locked.includes('architecture') && (
        <>
          <label className="field-inline cmp-preset">
            <span>Scenario</span>
            <select
              value={setup.preset}
              onChange={(e) => onChange({ ...setup, preset: e.target.value, seed: null })}
            >
              {PRESET_NAMES.map((name) => (
                <option key={name} value={name}>
                  {PRESETS[name]!.title}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="cmp-archs">
            <legend>Architectures</legend>
            {COMPARE_ARCHS.map((arch) => {
              const on = setup.archs.includes(arch);
              const last = on && setup.archs.length <= MIN_PANES;
              return (
                <label
                  key={arch}
                  className="check"
                  title={last ? 'Compare at least two' : undefined}
                >
                  <input
                    type="checkbox"
                    checked={on}
                    aria-disabled={last}
                    onChange={(e) => {
                      if (!last) toggle(arch, e.target.checked);
                    }}
                  />
                  {paneTitle(arch, 'cookie')}
                </label>
              );
            })}
          </fieldset>
        </>
      )}
      {!locked.includes('seed') && seed}
    </div>
  );
}
