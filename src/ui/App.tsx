/**
 * The application shell: header, notices and the current mode (playground or lessons), in
 * full or embedded chrome. Applies the URL's options once at start: theme, locked controls,
 * a shared run in the `#run=` fragment, and the embed bridge to a parent course page.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { presetScenario } from '../sim/index.ts';
import type { SimSession } from '../store/simStore.ts';
import type { RunController } from '../app/runController.ts';
import { SimProvider } from './SimContext.tsx';
import { RunProvider } from './RunContext.tsx';
import { providePageRun } from './pageHost.ts';
import { EngineAbout } from './EngineStatus.tsx';
import { Notices } from './Notices.tsx';
import { ReplayProgress } from './ReplayProgress.tsx';
import { PartBoundary } from './update/PartBoundary.tsx';
import { UpdateNotice } from './update/UpdateNotice.tsx';
import { Playground } from './playground/Playground.tsx';
import { EmbedPlayground } from './embed/EmbedPlayground.tsx';
import { AppHeader } from './AppHeader.tsx';
import { KeyboardShortcuts } from './help/KeyboardShortcuts.tsx';
import { MotionToggle } from './panels/MotionToggle.tsx';
import './embed/embed.css';
import { decodeRun } from './share/shareLink.ts';
import { startEmbedBridge } from './embed/embedBridge.ts';
import { hostHandler } from './embed/hostHandlers.ts';
import { DEFAULT_PRESET, type UrlOptions } from './urlOptions.ts';

// Lessons load on demand: the playground does not pay for their text and code.
const LessonsMode = lazy(() =>
  import('./lessons/LessonsMode.tsx').then((m) => ({ default: m.LessonsMode })),
);
// Compare mode too: it runs its own sessions, one per pane.
const CompareMode = lazy(() =>
  import('./compare/CompareMode.tsx').then((m) => ({ default: m.CompareMode })),
);

async function startPlayground(session: SimSession, options: UrlOptions): Promise<string | null> {
  const s = session.store.getState();
  if (window.location.hash.startsWith('#run=')) {
    const decoded = await decodeRun(window.location.hash);
    if (decoded.ok) {
      const { run } = decoded;
      s.load(run.scenario, {
        commands: run.commands,
        atMs: run.atMs,
        playing: false,
        speed: run.speed,
      });
      return decoded.notice ?? null;
    }
    // Fall through to the defaults, and say why.
    const scenario = presetScenario(options.preset) ?? presetScenario(DEFAULT_PRESET)!;
    s.load(scenario, { playing: true });
    return `${decoded.error} Showing the default playground instead.`;
  }
  const scenario = presetScenario(options.preset) ?? presetScenario(DEFAULT_PRESET)!;
  if (options.seed !== null) scenario.seed = options.seed;
  s.load(scenario, { playing: true, ...(options.speed !== null ? { speed: options.speed } : {}) });
  return null;
}

/** The same view without the embed chrome, for the "open in a new tab" link. */
function fullAppUrl(): string {
  const url = new URL(window.location.href);
  for (const k of ['embed', 'lock', 'parentOrigin']) url.searchParams.delete(k);
  return url.toString();
}

export function App({
  session,
  run,
  options,
}: {
  session: SimSession;
  run: RunController;
  options: UrlOptions;
}) {
  const [problems, setProblems] = useState(options.problems);

  useEffect(() => providePageRun(run), [run]);

  useEffect(() => {
    session.store.getState().setLocked(options.lock);
    if (options.mode !== 'playground') return;
    let cancelled = false;
    void startPlayground(session, options).then((problem) => {
      if (problem && !cancelled) setProblems((p) => [...p, problem]);
    });
    return () => {
      cancelled = true;
    };
  }, [session, options]);

  useEffect(() => {
    if (!options.embed) return;
    // The embed layout keeps the frame's first height (the size the author chose), so a host
    // that resizes the frame to the reported height does not feed its own resize back.
    document.documentElement.style.setProperty(
      '--embed-h',
      `${Math.max(240, window.innerHeight)}px`,
    );
    return startEmbedBridge(options.parentOrigin, hostHandler(session, options));
  }, [session, options]);

  const playground = options.mode === 'playground';
  const main =
    options.mode === 'lessons' ? (
      <PartBoundary name="the lessons" kind="mode" playground={false}>
        <Suspense fallback={<p className="loading">Loading lessons…</p>}>
          <LessonsMode lessonId={options.lesson} step={options.step} />
        </Suspense>
      </PartBoundary>
    ) : options.mode === 'compare' ? (
      <PartBoundary name="compare mode" kind="mode" playground={false}>
        <Suspense fallback={<p className="loading">Loading the comparison…</p>}>
          <CompareMode options={options} />
        </Suspense>
      </PartBoundary>
    ) : (
      <PartBoundary name="the playground" kind="mode" playground>
        {/* Embedded: one screen (picture, play controls, counters) with the panels in tabs. */}
        {options.embed ? <EmbedPlayground /> : <Playground />}
      </PartBoundary>
    );

  return (
    <SimProvider session={session}>
      <RunProvider run={run} mode={options.mode}>
        <div className={options.embed ? 'app app-embed' : 'app'}>
          {!options.embed && <AppHeader options={options} />}
          <UpdateNotice playground={playground} />
          <Notices problems={problems} />
          <ReplayProgress />
          <main className="app-main" id="main">
            {main}
          </main>
          {options.embed && (
            <footer className="embed-bar">
              {/* In a course package the learner stays in the LMS, where the lesson is recorded. */}
              {!options.scorm && (
                <a href={fullAppUrl()} target="_blank" rel="noreferrer">
                  Open in Statecraft ↗
                </a>
              )}
              <KeyboardShortcuts mode={options.mode} />
              <MotionToggle />
              {options.mode !== 'compare' && <EngineAbout />}
            </footer>
          )}
        </div>
      </RunProvider>
    </SimProvider>
  );
}
