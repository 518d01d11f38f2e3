/**
 * Compare mode (`?mode=compare`): the same users, traffic and faults run through two or three
 * architectures side by side, in panes kept in lock-step by one shared clock. Loaded lazily.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { PRESETS, presetScenario, type Architecture, type Scenario } from '../../sim/index.ts';
import { createSimClient } from '../../client/createSimClient.ts';
import type { ClientKind } from '../../client/SimClient.ts';
import { DEFAULT_COMPARE_PRESET, type UrlOptions } from '../urlOptions.ts';
import { CompareController, type CompareDeps } from '../../app/compareRun.ts';
import { compareQuery } from '../../app/compareSetup.ts';
import { DEFAULT_SPEED } from '../../protocol/speed.ts';
import { CompareControls } from './CompareControls.tsx';
import { CompareCharts } from './CompareCharts.tsx';
import { ComparePane } from './ComparePane.tsx';
import { CompareSetupBar, CopyLink, type CompareSetup } from './CompareSetupBar.tsx';
import { installCompareTestHook } from './compareTestHook.ts';
import { OutcomeTable } from './OutcomeTable.tsx';
import { CompareContext } from './useCompare.ts';
import { RunProvider } from '../RunContext.tsx';
import { providePageRun } from '../pageHost.ts';
import { SeedReset } from '../panels/controls/SeedReset.tsx';
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
  const extra: Record<string, string> = {};
  for (const [k, v] of url.searchParams) {
    if (!['mode', 'archs', 'preset', 'seed', 'lesson', 'step'].includes(k)) extra[k] = v;
  }
  url.search = compareQuery(setup, extra);
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
    const unprovide = providePageRun(c);
    return () => {
      unprovide();
      uninstall();
      c.dispose();
    };
  }, [archKey, engine, speed]);

  const base = useMemo(() => baseScenario(setup.preset, setup.seed), [setup.preset, setup.seed]);
  useEffect(() => {
    if (!controller) return;
    // Reset with a new seed already loaded this scenario (see below): do not load it twice.
    const loaded = controller.state.getState().scenario;
    if (loaded && JSON.stringify(loaded) === JSON.stringify(base)) return;
    void controller.load(base, { playing: true });
  }, [controller, base]);

  // Reset (the registry's command, from the shared SeedReset) reloads the run with a new
  // seed: keep the setup, and so the address bar, on it.
  useEffect(() => {
    if (!controller) return;
    return controller.state.subscribe((s, old) => {
      const seed = s.scenario?.seed;
      if (s.scenario === old.scenario || seed === undefined) return;
      setSetup((cur) => {
        const own = PRESETS[cur.preset]?.scenario.seed;
        const next = seed === own && cur.seed === null ? null : seed;
        return next === cur.seed ? cur : { ...cur, seed: next };
      });
    });
  }, [controller]);

  // Keep the address bar on this comparison, so reloading or copying it reproduces it.
  useEffect(() => {
    window.history.replaceState(window.history.state, '', compareUrl(setup));
  }, [setup]);
  const link = useCallback(() => {
    const url = compareUrl(setup);
    for (const k of ['engine', 'speed']) url.searchParams.delete(k);
    return url.toString();
  }, [setup]);

  const n = setup.archs.length;
  const top = (
    <div className="cmp-top">
      <div className="cmp-title">
        <h1 id="compare-title">Compare architectures</h1>
        <p className="hint">
          The same users, the same traffic and the same failures: only where state lives differs.
        </p>
        {!embed && !lock.includes('share') && <CopyLink link={link} />}
      </div>
      {!embed && (
        <CompareSetupBar
          setup={setup}
          onChange={setSetup}
          locked={lock}
          seed={controller ? <SeedReset compact /> : null}
        />
      )}
    </div>
  );
  return (
    <section className={`compare compare-${n}`} aria-labelledby="compare-title">
      {controller ? (
        <RunProvider run={controller} mode="compare">
          <CompareContext.Provider value={controller}>
            {top}
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
        </RunProvider>
      ) : (
        <>
          {top}
          <p className="loading">Starting the simulations…</p>
        </>
      )}
    </section>
  );
}
