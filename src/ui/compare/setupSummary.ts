/**
 * On a phone the comparison's setup and fault controls fold under one button (see
 * CompareControls.tsx). Folded, the button still says what is running: the scenario (whose
 * title names its scripted faults) and the architectures compared, as the panes name them.
 */
import { PRESETS, type Architecture, type Scenario } from '../../sim/index.ts';
import { paneScenario, paneTitle } from '../../app/compareSetup.ts';

/** "Sticky sessions in memory, then server 1 crashes at 30 s · In memory + sticky vs JWT". */
export function setupSummary(base: Scenario, archs: readonly Architecture[]): string {
  const scenario = PRESETS[base.name ?? '']?.title ?? base.name ?? 'A scenario of your own';
  const panes = archs.map((arch) =>
    paneTitle(arch, paneScenario(base, arch).loadBalancer?.sticky ?? 'cookie'),
  );
  return `${scenario} · ${panes.join(' vs ')}`;
}

/** The fold's label: what is inside it ("Setup, speed and faults"), as the locks leave it. */
export function foldLabel(parts: { setup: boolean; speed: boolean }): string {
  const words = [...(parts.setup ? ['setup'] : []), ...(parts.speed ? ['speed'] : []), 'faults'];
  const text = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and faults`;
  return text[0]!.toUpperCase() + text.slice(1);
}
