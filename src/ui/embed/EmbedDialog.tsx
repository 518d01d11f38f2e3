/**
 * The Embed dialog: writes the `<iframe>` snippet for what is on screen — the playground's
 * run as it is now, the comparison's setup, or the lesson at its step — or for any lesson or
 * preset; with the locks that kind of embed has controls for, the theme, a size preset and a
 * live preview of the embedded view.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { LESSONS } from '../../lessons/catalog.ts';
import { PRESET_NAMES } from '../../sim/index.ts';
import { useSimSession } from '../SimContext.tsx';
import { currentRun, runLink } from '../share/runLink.ts';
import { type Lockable, type Theme } from '../urlOptions.ts';
import {
  SIZE_PRESETS,
  embedSnippet,
  embedUrl,
  locksFor,
  type EmbedChoice,
  type EmbedTarget,
} from './embedSnippet.ts';
import { checkTypedOrigin } from './parentOrigin.ts';
import { pageHost } from '../pageHost.ts';
import { faultsParam } from '../../app/compareLink.ts';

/** What the page shows now, read from its address (every mode keeps it up to date). */
function screenTarget(): EmbedTarget | 'run' | null {
  const q = new URLSearchParams(window.location.search);
  const lesson = LESSONS.find((l) => l.id === q.get('lesson'));
  if (lesson) {
    const step = Number(q.get('step'));
    return {
      kind: 'lesson',
      lesson: lesson.id,
      title: lesson.title,
      step: Number.isInteger(step) && step >= 1 ? step : null,
    };
  }
  if (q.get('mode') === 'compare') {
    const keep = new URLSearchParams();
    for (const k of ['mode', 'archs', 'preset', 'seed']) {
      const v = q.get(k);
      if (v !== null) keep.set(k, v);
    }
    // The faults given so far, as Compare mode's own link writes them.
    const run = pageHost()?.run;
    const faults = faultsParam(run?.kind === 'compare' ? run.state.getState().liveCommands : []);
    if (faults.ok && faults.value !== null) keep.set('faults', faults.value);
    return {
      kind: 'compare',
      query: keep.toString(),
      title: `${q.get('archs') ?? 'all architectures'}, ${q.get('preset') ?? 'default preset'}`,
      ...(faults.ok ? {} : { note: `${faults.reason} The snippet opens it without them.` }),
    };
  }
  if (q.get('mode') === 'lessons') return null;
  return 'run';
}

export function EmbedDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const session = useSimSession();
  const [screen] = useState(screenTarget);
  const [run, setRun] = useState<{ fragment: string; name: string } | { reason: string } | null>(
    null,
  );
  const [pick, setPick] = useState<string>(screen ? 'screen' : `lesson:${LESSONS[0]!.id}`);
  const [lock, setLock] = useState<Lockable[]>([]);
  const [theme, setTheme] = useState<Theme>('system');
  const [parentOrigin, setParentOrigin] = useState('');
  const [sizeId, setSizeId] = useState<string>('4:3');
  const [size, setSize] = useState({ width: 800, height: 600, fullWidth: false });
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  useEffect(() => {
    // The playground's run as a share link carries it: setup, seed, commands and time.
    if (screen !== 'run') return;
    const state = session.store.getState();
    const r = currentRun(state);
    if (!r) return;
    let live = true;
    void runLink(r, window.location.href).then((link) => {
      if (!live) return;
      setRun(
        link.ok
          ? { fragment: new URL(link.url).hash, name: state.scenario?.name ?? 'this run' }
          : { reason: link.reason },
      );
    });
    return () => {
      live = false;
    };
  }, [screen, session]);

  const runTarget: EmbedTarget | null =
    run && 'fragment' in run ? { kind: 'run', fragment: run.fragment, name: run.name } : null;
  const fallbackPreset = PRESET_NAMES.includes(session.store.getState().scenario?.name ?? '')
    ? session.store.getState().scenario!.name!
    : 'playground';
  let target: EmbedTarget;
  if (pick === 'screen' && screen === 'run') {
    target = runTarget ?? { kind: 'preset', preset: fallbackPreset, seed: null };
  } else if (pick === 'screen' && screen && screen !== 'run') {
    target = screen;
  } else if (pick === 'screen-start' && screen && screen !== 'run' && screen.kind === 'lesson') {
    target = { ...screen, step: null };
  } else if (pick.startsWith('preset:')) {
    target = { kind: 'preset', preset: pick.slice('preset:'.length), seed: null };
  } else {
    const l = LESSONS.find((x) => x.id === pick.slice('lesson:'.length)) ?? LESSONS[0]!;
    target = { kind: 'lesson', lesson: l.id, title: l.title, step: null };
  }
  const applicableLocks = locksFor(target.kind);

  const choice: EmbedChoice = {
    target,
    lock: lock.filter((l) => applicableLocks.includes(l)),
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
        <label className="embed-wide">
          Show
          <select value={pick} onChange={(e) => setPick(e.target.value)}>
            {screen === 'run' && (
              <option value="screen">This run, as it is now (setup, faults and time)</option>
            )}
            {screen && screen !== 'run' && screen.kind === 'compare' && (
              <option value="screen">This comparison ({screen.title})</option>
            )}
            {screen && screen !== 'run' && screen.kind === 'lesson' && (
              <>
                <option value="screen">
                  This lesson at step {screen.step ?? 1}: {screen.title}
                </option>
                <option value="screen-start">This lesson from the start</option>
              </>
            )}
            {LESSONS.map((l) => (
              <option key={l.id} value={`lesson:${l.id}`}>
                Lesson: {l.title}
              </option>
            ))}
            {PRESET_NAMES.map((p) => (
              <option key={p} value={`preset:${p}`}>
                Playground preset: {p}
              </option>
            ))}
          </select>
          {pick === 'screen' && screen && screen !== 'run' && 'note' in screen && screen.note && (
            <span className="field-error" role="alert">
              {screen.note}
            </span>
          )}
          {pick === 'screen' && screen === 'run' && run && 'reason' in run && (
            <span className="field-error" role="alert">
              {run.reason} The snippet shows the preset instead.
            </span>
          )}
        </label>
        <label>
          Theme
          <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
            <option value="system">Follow the reader's system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        <label>
          Size
          <select
            value={sizeId}
            onChange={(e) => {
              setSizeId(e.target.value);
              const p = SIZE_PRESETS.find((x) => x.id === e.target.value);
              if (p) setSize({ width: p.width, height: p.height, fullWidth: p.fullWidth });
            }}
          >
            {SIZE_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
            <option value="custom">Custom</option>
          </select>
        </label>
        {sizeId === 'custom' && (
          <>
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
          </>
        )}
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
      {applicableLocks.length > 0 && (
        <fieldset className="embed-locks">
          <legend>Hide these controls</legend>
          {applicableLocks.map((name) => (
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
      <EmbedPreview url={embedUrl(base, choice)} width={size.width} height={size.height} />
      <p className="muted">
        <a href={embedUrl(base, choice)} target="_blank" rel="noreferrer">
          Open the embedded view in a new tab
        </a>
        . Events, commands and SCORM packages:{' '}
        <a href="./docs/embedding.md" target="_blank" rel="noreferrer">
          the embedding guide
        </a>
        .
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

/** The embedded view at the chosen size, scaled down to fit the dialog. */
function EmbedPreview({ url, width, height }: { url: string; width: number; height: number }) {
  const w = Math.min(1920, Math.max(320, width));
  const h = Math.min(1440, Math.max(240, height));
  const scale = Math.min(1, 440 / w);
  return (
    // A picture of the embed, not a second app to operate: inert keeps it out of the tab order
    // and the accessibility tree (the real thing opens in a new tab from the link below).
    <div className="embed-preview" inert style={{ width: w * scale, height: h * scale }}>
      <iframe
        title="Preview of the embedded view"
        src={url}
        width={w}
        height={h}
        style={{ transform: `scale(${scale})` }}
      />
    </div>
  );
}
