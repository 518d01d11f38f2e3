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
import { applyTheme } from './ui/panels/theme.ts';
import './ui/styles/app.css';

const options = readUrlOptions(window.location.search);
if (options.theme !== 'system') applyTheme(options.theme, false);

let session: SimSession | null = null;
const client = createSimClient({
  prefer: options.engine,
  onFallback: (fallback, reason) => session?.replaceClient(fallback, reason),
});
session = createSimSession(client, () => performance.now());
const run = createSingleRun(session);
installTestHook(run);
registerServiceWorker();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App session={session} run={run} options={options} />
    </StrictMode>,
  );
}
