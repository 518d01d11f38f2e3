/** Play, pause and single-step the run (every pane of a comparison at once). */
import { CommandButton } from '../../CommandButton.tsx';
import { useRun, useRunState } from '../../RunContext.tsx';

export function RunControls({ className }: { className?: string }) {
  const run = useRun();
  const playing = useRunState((s) => s.playing);
  return (
    <div
      className={className ? `button-row ${className}` : 'button-row'}
      role="group"
      aria-label={run.kind === 'compare' ? 'Run every pane' : 'Run'}
    >
      <CommandButton id="play" pressed={playing} />
      <CommandButton id="pause" pressed={!playing} />
      <CommandButton id="step" title={run.stepHint} />
    </div>
  );
}
