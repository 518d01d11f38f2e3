/**
 * Compare mode (`?mode=compare`): the same users, traffic and faults run through two or three
 * architectures side by side, in panes kept in lock-step by one shared clock. Loaded lazily.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { presetScenario, type Architecture, type Scenario } from '../../sim/index.ts';
import { createSimClient } from '../../client/createSimClient.ts';
import type { ClientKind } from '../../client/SimClient.ts';
import { PARENT_COMMAND_EVENT, type ParentCommand } from '../embed/embedBridge.ts';
import { DEFAULT_COMPARE_PRESET, type UrlOptions } from '../urlOptions.ts';
import { CompareController, type CompareDeps } from './compareController.ts';
import { DEFAULT_SPEED } from '../../protocol/speed.ts';
import { CompareControls } from './CompareControls.tsx';
import { CompareCharts } from './CompareCharts.tsx';
import { ComparePane } from './ComparePane.tsx';
import { CompareSetupBar, CopyLink, type CompareSetup } from './CompareSetupBar.tsx';
import { installCompareTestHook } from './compareTestHook.ts';
import { OutcomeTable } from './OutcomeTable.tsx';
import { CompareContext } from './useCompare.ts';
import '../panels/panels.css';
import './compare.css';

function browserDeps(engine: ClientKind | undefined): CompareDeps {
  return {
    createClient: (onFallback) => createSimClient({ prefer: engine, onFallback }),
    now: () => performance.now(),
    requestFrame: (cb) => requestAnimationFrame(cb),
    cancelFrame: (id) => cancelAnimationFrame(id),
  };
}

function baseScenario(preset: string, seed: number | null): Scenario {
  const s = presetScenario(preset) ?? presetScenario(DEFAULT_COMPARE_PRESET)!;
  if (seed !== null) s.seed = seed;
  return s;
}

/** The page's URL with the comparison's settings (other parameters, e.g. theme, kept). */
function compareUrl(setup: CompareSetup): URL {
  const url = new URL(window.location.href);
  url.hash = '';
  url.searchParams.set('mode', 'compare');
  url.searchParams.set('archs', setup.archs.join(','));
  url.searchParams.set('preset', setup.preset);
  if (setup.seed !== null) url.searchParams.set('seed', String(setup.seed));
  else url.searchParams.delete('seed');
  for (const k of ['lesson', 'step']) url.searchParams.delete(k);
  return url;
}

export function CompareMode({ options }: { options: UrlOptions }) {
  const [setup, setSetup] = useState<CompareSetup>(() => ({
    archs: options.archs,
    preset: options.preset,
    seed: options.seed,
  }));
  const [controller, setController] = useState<CompareController | null>(null);
  const archKey = setup.archs.join(',');
  const { engine, speed, embed, lock } = options;

  // One controller (and one worker per pane) per set of architectures.
  useEffect(() => {
    const c = new CompareController(
      archKey.split(',') as Architecture[],
      browserDeps(engine),
      speed ?? DEFAULT_SPEED,
    );
    setController(c);
    const uninstall = installCompareTestHook(c);
    return () => {
      uninstall();
      c.dispose();
    };
  }, [archKey, engine, speed]);

  const base = useMemo(() => baseScenario(setup.preset, setup.seed), [setup.preset, setup.seed]);
  useEffect(() => {
    if (controller) void controller.load(base, { playing: true });
  }, [controller, base]);

  // Keep the address bar on this comparison, so reloading or copying it reproduces it.
  useEffect(() => {
    window.history.replaceState(window.history.state, '', compareUrl(setup));
  }, [setup]);
  const link = useCallback(() => {
    const url = compareUrl(setup);
    for (const k of ['engine', 'speed']) url.searchParams.delete(k);
    return url.toString();
  }, [setup]);

  // A course page embedding the comparison can play and pause it.
  useEffect(() => {
    if (!controller) return;
    const onCommand = (e: Event) => {
      const cmd = (e as CustomEvent<ParentCommand>).detail;
      if (cmd.type === 'play') controller.play();
      else if (cmd.type === 'pause') controller.pause();
    };
    window.addEventListener(PARENT_COMMAND_EVENT, onCommand);
    return () => window.removeEventListener(PARENT_COMMAND_EVENT, onCommand);
  }, [controller]);

  const n = setup.archs.length;
  return (
    <section className={`compare compare-${n}`} aria-labelledby="compare-title">
      <div className="cmp-top">
        <div className="cmp-title">
          <h1 id="compare-title">Compare architectures</h1>
          <p className="hint">
            The same users, the same traffic and the same failures: only where state lives differs.
          </p>
          {!embed && !lock.includes('share') && <CopyLink link={link} />}
        </div>
        {!embed && <CompareSetupBar setup={setup} onChange={setSetup} locked={lock} />}
      </div>
      {controller ? (
        <CompareContext.Provider value={controller}>
          <CompareControls locked={lock} />
          <div className="cmp-panes">
            {controller.panes.map((p) => (
              <ComparePane key={p.arch} pane={p} />
            ))}
          </div>
          <div className="cmp-results">
            <OutcomeTable />
            <CompareCharts />
          </div>
        </CompareContext.Provider>
      ) : (
        <p className="loading">Starting the simulations…</p>
      )}
    </section>
  );
}
