/**
 * Puts the simulation where a lesson step expects it. Opening step n directly (a deep link,
 * or Back) replays from the nearest earlier step that loads a scenario, applying the setup
 * actions and the learner actions the steps in between expect.
 */
import { setupMessages } from '../../lessons/setup.ts';
import type { Lesson } from '../../lessons/types.ts';
import type { ToSim } from '../../protocol/messages.ts';

export function messagesToOpenStep(lesson: Lesson, index: number, fromScratch: boolean): ToSim[] {
  const step = lesson.steps[index];
  if (!step) return [];
  if (!fromScratch) return setupMessages(step.setup);
  let base = index;
  while (base > 0 && !lesson.steps[base]!.setup?.scenario) base--;
  const msgs: ToSim[] = [];
  if (!lesson.steps[base]!.setup?.scenario) {
    // The opening steps only talk: show the system of the first step that has one, paused.
    const first = lesson.steps.find((s) => s.setup?.scenario);
    if (first) msgs.push(...setupMessages({ scenario: first.setup!.scenario! }));
  }
  for (let i = base; i <= index; i++) {
    const s = lesson.steps[i]!;
    const { scenario: _scenario, ...keep } = s.setup ?? {};
    msgs.push(...setupMessages(i === base ? s.setup : keep));
    if (i < index && s.until.kind === 'action' && s.autoAction) {
      msgs.push({ type: 'act', action: s.autoAction });
    }
    if (i < index && s.until.kind === 'time') msgs.push({ type: 'advance', ms: s.until.ms });
  }
  return msgs;
}
