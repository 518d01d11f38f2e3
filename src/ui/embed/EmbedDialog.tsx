/**
 * The Embed dialog: pick what to show (a lesson, or the playground with a preset), which
 * controls to hide, the theme and the size, and copy the `<iframe>` snippet.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { LESSONS } from '../../lessons/catalog.ts';
import { PRESET_NAMES } from '../../sim/index.ts';
import { useSim } from '../SimContext.tsx';
import { LOCKABLE, type Lockable, type Theme } from '../urlOptions.ts';
import { embedSnippet, embedUrl, type EmbedChoice } from './embedSnippet.ts';
import { checkTypedOrigin } from './parentOrigin.ts';

export function EmbedDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const scenario = useSim((s) => s.scenario);
  const initialLesson = new URLSearchParams(window.location.search).get('lesson');
  const [lesson, setLesson] = useState<string>(
    initialLesson && LESSONS.some((l) => l.id === initialLesson) ? initialLesson : '',
  );
  const [preset, setPreset] = useState(
    scenario?.name && PRESET_NAMES.includes(scenario.name) ? scenario.name : 'playground',
  );
  const [lock, setLock] = useState<Lockable[]>([]);
  const [theme, setTheme] = useState<Theme>('system');
  const [parentOrigin, setParentOrigin] = useState('');
  const [size, setSize] = useState({ width: 800, height: 600 });
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const choice: EmbedChoice = {
    lesson: lesson || null,
    lessonTitle: LESSONS.find((l) => l.id === lesson)?.title ?? null,
    preset,
    seed: scenario?.seed ?? null,
    lock,
    theme,
    parentOrigin,
    ...size,
  };
  const originCheck = checkTypedOrigin(parentOrigin);
  const base = window.location.href;
  const snippet = embedSnippet(base, choice);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <dialog ref={ref} className="embed-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>Embed in a course page</h2>
      <div className="embed-grid">
        <label>
          Show
          <select value={lesson} onChange={(e) => setLesson(e.target.value)}>
            <option value="">The playground</option>
            {LESSONS.map((l) => (
              <option key={l.id} value={l.id}>
                Lesson: {l.title}
              </option>
            ))}
          </select>
        </label>
        {!lesson && (
          <label>
            Preset
            <select value={preset} onChange={(e) => setPreset(e.target.value)}>
              {PRESET_NAMES.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
        )}
        <label>
          Theme
          <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
            <option value="system">Follow the reader's system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        <label>
          Width
          <input
            type="number"
            min={320}
            max={1920}
            value={size.width}
            onChange={(e) => setSize({ ...size, width: Number(e.target.value) || 800 })}
          />
        </label>
        <label>
          Height
          <input
            type="number"
            min={240}
            max={1440}
            value={size.height}
            onChange={(e) => setSize({ ...size, height: Number(e.target.value) || 600 })}
          />
        </label>
        <label className="embed-wide">
          Your page's origin (optional: only it may send commands)
          <input
            type="url"
            placeholder="https://lms.example.edu"
            value={parentOrigin}
            aria-invalid={!originCheck.ok}
            aria-describedby={originCheck.message ? `${id}-origin` : undefined}
            onChange={(e) => setParentOrigin(e.target.value)}
          />
          {originCheck.message && (
            <span
              id={`${id}-origin`}
              className={originCheck.ok ? 'muted' : 'field-error'}
              role={originCheck.ok ? undefined : 'alert'}
            >
              {originCheck.message}
            </span>
          )}
        </label>
      </div>
      {!lesson && (
        <fieldset className="embed-locks">
          <legend>Hide these controls</legend>
          {LOCKABLE.map((name) => (
            <label key={name}>
              <input
                type="checkbox"
                checked={lock.includes(name)}
                onChange={(e) =>
                  setLock(e.target.checked ? [...lock, name] : lock.filter((x) => x !== name))
                }
              />{' '}
              {name}
            </label>
          ))}
        </fieldset>
      )}
      <label className="embed-wide">
        Snippet
        <textarea readOnly rows={4} value={snippet} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <p className="muted">
        Preview:{' '}
        <a href={embedUrl(base, choice)} target="_blank" rel="noreferrer">
          open the embedded view in a new tab
        </a>
        . Events and commands: see docs/embedding.md.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={!originCheck.ok}
          onClick={() => void copy()}
        >
          Copy snippet
        </button>
        <button type="button" onClick={() => ref.current?.close()}>
          Close
        </button>
        <span role="status" className="muted">
          {!originCheck.ok ? 'Fix the origin to copy the snippet.' : copied ? 'Copied.' : ''}
        </span>
      </div>
    </dialog>
  );
}
