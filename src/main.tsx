/** Entry point: starts the simulation client and mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createSimClient } from './client/createSimClient.ts';
import { createSimSession, type SimSession } from './store/simStore.ts';
import { createSingleRun } from './app/singleRun.ts';
import { App } from './ui/App.tsx';
import { installTestHook } from './ui/testHook.ts';
import { registerServiceWorker } from './ui/registerServiceWorker.ts';
import { readUrlOptions } from './ui/urlOptions.ts';
import { launchSearch } from './ui/embed/launchParams.ts';
import { applyTheme } from './ui/panels/theme.ts';
import { setTextSize } from './ui/textSize/textSize.ts';
import './ui/styles/app.css';
import './ui/styles/largeText.css';

const options = readUrlOptions(launchSearch(document, window.location.search));
if (options.theme !== 'system') applyTheme(options.theme, false);
if (options.text) setTextSize(options.text, false);

let session: SimSession | null = null;
const client = createSimClient({
  prefer: options.engine,
  onFallback: (fallback, reason) => session?.replaceClient(fallback, reason),
});
session = createSimSession(client, () => performance.now());
const run = createSingleRun(session);
installTestHook(run);
// A course package is served by the LMS, which versions its files itself: no offline cache.
if (!options.scorm) registerServiceWorker();

/** In a course package, connect to the LMS first so the lesson opens where the learner left. */
async function connectToLms(): Promise<void> {
  if (!options.scorm || !options.lesson) return;
  try {
    const { connectScorm } = await import('./ui/embed/scormReporter.ts');
    connectScorm(options.lesson);
  } catch (e) {
    // The LMS's API misbehaved: the lesson still works, it just is not recorded.
    options.problems.push(
      `The course platform could not be reached (${e instanceof Error ? e.message : String(e)}); progress is kept in this browser only.`,
    );
  }
}

const root = document.getElementById('root');
void connectToLms().then(() => {
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App session={session} run={run} options={options} />
    </StrictMode>,
  );
});
