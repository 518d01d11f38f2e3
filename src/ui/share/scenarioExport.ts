/**
 * The scenario file of the run on screen: the scenario with the learner's commands folded into
 * its timeline, so importing the file replays them. Used by "Export scenario" and by Share when
 * a run is too long for a link.
 */
import type { Scenario } from '../../sim/index.ts';

/** The scenario with the learner's commands folded into its timeline, so the file replays them. */
export function scenarioForExport(
  scenario: Scenario,
  commands: readonly { atMs: number; action: string }[],
): Scenario {
  const learner = commands.map(({ atMs, ...rest }) => {
    const { live: _live, ...action } = rest as Record<string, unknown>;
    return { atS: atMs / 1000, ...action };
  });
  const timeline = [...(scenario.timeline ?? []), ...learner].sort((a, b) => a.atS - b.atS);
  return { ...scenario, timeline: timeline as NonNullable<Scenario['timeline']> };
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The file's text: readable JSON, with each timeline entry on one line so that a run with
 * the most timed actions allowed (LIMITS.timelineEntries) still fits in MAX_SCENARIO_BYTES.
 */
export function scenarioFileText(scenario: Scenario): string {
  const { timeline, ...rest } = scenario;
  const head = JSON.stringify(rest, null, 2);
  if (!timeline || timeline.length === 0) return `${head}\n`;
  const lines = timeline.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
  const body = head === '{}' ? '{\n' : `${head.slice(0, -2)},\n`;
  return `${body}  "timeline": [\n${lines}\n  ]\n}\n`;
}

/** Downloads the run as a scenario file and returns the file name. */
export function downloadScenario(
  scenario: Scenario,
  commands: readonly { atMs: number; action: string }[],
): string {
  const out = scenarioForExport(scenario, commands);
  const name = `${(out.name ?? 'scenario').replace(/[^a-z0-9-]+/gi, '-').slice(0, 40)}.json`;
  download(name, scenarioFileText(out));
  return name;
}
