/**
 * Compare mode (`?mode=compare`): the same users, traffic and faults run through two or three
 * architectures side by side, in panes kept in lock-step by one shared clock. Loaded lazily.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PRESETS, presetScenario, type Architecture, type Scenario } from '../../sim/index.ts';
import { createSimClient } from '../../client/createSimClient.ts';
import type { ClientKind } from '../../client/SimClient.ts';
import { DEFAULT_COMPARE_PRESET, type UrlOptions } from '../urlOptions.ts';
import { CompareController, type CompareDeps } from '../../app/compareRun.ts';
import { compareQuery } from '../../app/compareSetup.ts';
import { faultsParam, readCompareFaults, type FaultsParam } from '../../app/compareLink.ts';
import { DEFAULT_SPEED } from '../../protocol/speed.ts';
import { CompareControls } from './CompareControls.tsx';
import { CompareCharts } from './CompareCharts.tsx';
import { ComparePane } from './ComparePane.tsx';
import {
  CompareSetupBar,
  CopyLink,
  type CompareLinkText,
  type CompareSetup,
} from './CompareSetupBar.tsx';
import { installCompareTestHook } from './compareTestHook.ts';
import { OutcomeTable } from './OutcomeTable.tsx';
import { PaneTabs, usePaneTabs } from './PaneTabs.tsx';
import { setupSummary } from './setupSummary.ts';
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

/**
 * The page's URL with the comparison's settings and the learner's faults (null: none, or too
 * many for a link); other parameters, e.g. theme, kept.
 */
function compareUrl(setup: CompareSetup, faults: string | null): URL {
  const url = new URL(window.location.href);
  url.hash = '';
  const extra: Record<string, string> = {};
  for (const [k, v] of url.searchParams) {
    if (!['mode', 'archs', 'preset', 'seed', 'faults', 'lesson', 'step'].includes(k)) {
      extra[k] = v;
    }
  }
  url.search = compareQuery({ ...setup, faults }, extra);
  return url;
}

const setupKey = (s: CompareSetup): string => `${s.archs.join(',')}|${s.preset}|${s.seed}`;
const sameFaults = (a: FaultsParam, b: FaultsParam): boolean =>
  a.ok === b.ok && (a.ok ? a.value === (b as typeof a).value : a.reason === (b as typeof a).reason);

export function CompareMode({ options }: { options: UrlOptions }) {
  const [setup, setSetup] = useState<CompareSetup>(() => ({
    archs: options.archs,
    preset: options.preset,
    seed: options.seed,
  }));
  const [controller, setController] = useState<CompareController | null>(null);
  // The link's faults belong to the link's setup: replayed when it loads, and dropped for good
  // as soon as the learner sets up another comparison (which starts from 0 s, fault-free).
  const [linkFaults] = useState(() => readCompareFaults(window.location.search));
  const pendingFaults = useRef({ key: setupKey(setup), commands: linkFaults.commands });
  const [faults, setFaults] = useState<FaultsParam>(() => faultsParam(linkFaults.commands));
  const archKey = setup.archs.join(',');
  const { engine, speed, embed, lock } = options;
  // On a phone one pane at a time, chosen with tabs (the first until the learner picks).
  const tabbed = usePaneTabs();
  const [tab, setTab] = useState<Architecture | null>(null);

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

  const key = setupKey(setup);
  const base = useMemo(() => baseScenario(setup.preset, setup.seed), [setup.preset, setup.seed]);
  useEffect(() => {
    if (!controller) return;
    // Reset with a new seed already loaded this scenario (see below): do not load it twice.
    const loaded = controller.state.getState().scenario;
    if (loaded && JSON.stringify(loaded) === JSON.stringify(base)) return;
    if (pendingFaults.current.key !== key) pendingFaults.current = { key: '', commands: [] };
    void controller.load(base, { playing: true, commands: pendingFaults.current.commands });
  }, [controller, base, key]);

  // The faults given so far (in every pane alike), as the link writes them.
  useEffect(() => {
    if (!controller) return;
    return controller.state.subscribe((s, old) => {
      if (!s.loaded || s.liveCommands === old.liveCommands) return;
      const next = faultsParam(s.liveCommands);
      setFaults((cur) => (sameFaults(cur, next) ? cur : next));
    });
  }, [controller]);

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
  const faultsValue = faults.ok ? faults.value : null;
  useEffect(() => {
    window.history.replaceState(window.history.state, '', compareUrl(setup, faultsValue));
  }, [setup, faultsValue]);
  const link = useCallback((): CompareLinkText => {
    const url = compareUrl(setup, faultsValue);
    for (const k of ['engine', 'speed']) url.searchParams.delete(k);
    return { url: url.toString(), faults };
  }, [setup, faultsValue, faults]);

  const n = setup.archs.length;
  const shownArch = tab && setup.archs.includes(tab) ? tab : setup.archs[0]!;
  const setupBar = !embed && (
    <CompareSetupBar
      setup={setup}
      onChange={setSetup}
      locked={lock}
      seed={controller ? <SeedReset compact /> : null}
    />
  );
  const hasSetup = !embed && !(lock.includes('architecture') && lock.includes('seed'));
  // On a phone the setup bar folds into the shared controls with the faults.
  const fold = tabbed
    ? { setup: setupBar, hasSetup, summary: setupSummary(base, setup.archs) }
    : null;
  const top = (
    <div className="cmp-top">
      <div className="cmp-title">
        <h1 id="compare-title">Compare architectures</h1>
        <p className="hint">
          The same users, the same traffic and the same failures: only where state lives differs.
        </p>
        {!embed && !lock.includes('share') && <CopyLink link={link} />}
        {linkFaults.problem && (
          <p className="notice notice-warn" role="status">
            {linkFaults.problem}
          </p>
        )}
      </div>
      {!fold && setupBar}
    </div>
  );
  return (
    <section className={`compare compare-${n}`} aria-labelledby="compare-title">
      {controller ? (
        <RunProvider run={controller} mode="compare">
          <CompareContext.Provider value={controller}>
            {top}
            <CompareControls locked={lock} fold={fold} />
            {tabbed && <PaneTabs panes={controller.panes} selected={shownArch} onSelect={setTab} />}
            <div className={tabbed ? 'cmp-panes is-tabbed' : 'cmp-panes'}>
              {controller.panes.map((p) => (
                <ComparePane
                  key={p.arch}
                  pane={p}
                  shown={tabbed ? p.arch === shownArch : undefined}
                />
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
