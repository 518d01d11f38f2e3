/**
 * Simulation speed on a log scale (simulated ms per real ms), for the run in context: one
 * slider for the playground, lessons and every pane of a comparison.
 */
import { sliderToSpeed, speedToSlider } from '../../../protocol/speed.ts';
import { useRun, useRunState } from '../../RunContext.tsx';
import { formatSpeed } from '../format.ts';
import { useDraft } from '../hooks/useDraft.ts';

const STEPS = 1000;

/** `compact`: one row, no hint (the comparison's shared controls). */
export function SpeedSlider({ compact = false }: { compact?: boolean }) {
  const run = useRun();
  const speed = useRunState((s) => s.speed);
  const [pos, setPos, release] = useDraft(Math.round(speedToSlider(speed) * STEPS));
  const shown = sliderToSpeed(pos / STEPS);
  const id = compact ? 'cmp-speed' : 'speed-slider';
  return (
    <div className={compact ? 'cmp-speed' : 'field slider-field'}>
      <label htmlFor={id}>Speed</label>
      <input
        id={id}
        type="range"
        min={0}
        max={STEPS}
        step={1}
        value={pos}
        aria-valuetext={`${formatSpeed(shown)} real time`}
        aria-describedby={compact ? undefined : 'speed-hint'}
        onChange={(e) => {
          const v = Number(e.target.value);
          setPos(v);
          void run.setSpeed(sliderToSpeed(v / STEPS));
        }}
        onPointerUp={release}
        onKeyUp={release}
        onBlur={release}
      />
      <output htmlFor={id} className="slider-value">
        {formatSpeed(shown)}
      </output>
      {!compact && (
        <p id="speed-hint" className="hint">
          1× is real time. Every hop is drawn for at least a third of a second, so even the 0.5 ms
          hop from the load balancer to a server can be watched; slow down to follow one.
        </p>
      )}
    </div>
  );
}
