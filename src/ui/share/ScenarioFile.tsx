/**
 * Export the current scenario as a JSON file (version 1 of the scenario format) and import
 * one. An import is validated and size-limited; a bad file gets a message naming the problem
 * and the current run stays as it is.
 */
import { useRef, useState } from 'react';
import { MAX_SCENARIO_BYTES, parseScenarioJson } from '../../sim/index.ts';
import { useSim } from '../SimContext.tsx';
import { downloadScenario } from './scenarioExport.ts';

export function ScenarioFile() {
  const scenario = useSim((s) => s.scenario);
  const commands = useSim((s) => s.snapshot?.liveCommands);
  const load = useSim((s) => s.load);
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const exportFile = () => {
    if (!scenario) return;
    const name = downloadScenario(scenario, commands ?? []);
    setMessage({ ok: true, text: `Saved ${name}.` });
  };

  const importFile = async (file: File) => {
    if (file.size > MAX_SCENARIO_BYTES) {
      setMessage({
        ok: false,
        text: `${file.name}: is larger than ${MAX_SCENARIO_BYTES / 1024} KB. The current run is unchanged.`,
      });
      return;
    }
    const result = parseScenarioJson(await file.text());
    if (!result.ok) {
      setMessage({
        ok: false,
        text: `${file.name} was not loaded: ${result.errors.join('; ')}. The current run is unchanged.`,
      });
      return;
    }
    load(result.scenario, { playing: true });
    // The name comes from the file: React renders it as text, never as markup.
    const name = result.scenario.name ? `“${result.scenario.name}” from ` : '';
    setMessage({ ok: true, text: `Loaded ${name}${file.name}.` });
  };

  return (
    <fieldset className="panel-group scenario-file">
      <legend>Scenario file</legend>
      <div className="button-row">
        <button type="button" onClick={exportFile} disabled={!scenario}>
          Export scenario
        </button>
        <button type="button" onClick={() => input.current?.click()}>
          Import scenario
        </button>
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label="Scenario file to import"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      {message && (
        <p
          className={message.ok ? 'muted' : 'notice notice-error'}
          role={message.ok ? 'status' : 'alert'}
        >
          {message.text}
        </p>
      )}
    </fieldset>
  );
}
