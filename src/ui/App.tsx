/** The application shell: header, notices, and the current mode. */
import { useEffect } from 'react';
import { presetScenario } from '../sim/index.ts';
import type { SimSession } from '../store/simStore.ts';
import { SimProvider } from './SimContext.tsx';
import { EngineStatus } from './EngineStatus.tsx';
import { Notices } from './Notices.tsx';
import { Playground } from './playground/Playground.tsx';
import { DEFAULT_PRESET, type UrlOptions } from './urlOptions.ts';

export function App({ session, options }: { session: SimSession; options: UrlOptions }) {
  useEffect(() => {
    const scenario = presetScenario(options.preset) ?? presetScenario(DEFAULT_PRESET)!;
    if (options.seed !== null) scenario.seed = options.seed;
    session.store.getState().load(scenario, { playing: true });
  }, [session, options]);

  return (
    <SimProvider session={session}>
      <div className="app">
        <header className="app-header">
          <a className="brand" href="./">
            <img src="./favicon.svg" alt="" width="24" height="24" />
            <span>Statecraft</span>
          </a>
          <p className="tagline">See where state lives — and what happens when it dies.</p>
          <EngineStatus />
        </header>
        <Notices problems={options.problems} />
        <main className="app-main" id="main">
          <Playground />
        </main>
      </div>
    </SimProvider>
  );
}
