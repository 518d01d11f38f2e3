/** Simulation speed on a log scale (simulated ms per real ms). */
import type { SimStoreState } from '../../../store/simStore.ts';
import { sliderToSpeed, speedToSlider } from '../../../protocol/speed.ts';
import { useSim } from '../../SimContext.tsx';
import { formatSpeed } from '../format.ts';
import { useDraft } from '../hooks/useDraft.ts';

const STEPS = 1000;
const selSpeed = (s: SimStoreState) => s.speed;
const selSetSpeed = (s: SimStoreState) => s.setSpeed;

export function SpeedSlider() {
  const speed = useSim(selSpeed);
  const setSpeed = useSim(selSetSpeed);
  const [pos, setPos, release] = useDraft(Math.round(speedToSlider(speed) * STEPS));
  const shown = sliderToSpeed(pos / STEPS);
  return (
    <div className="field slider-field">
      <label htmlFor="speed-slider">Speed</label>
      <input
        id="speed-slider"
        type="range"
        min={0}
        max={STEPS}
        step={1}
        value={pos}
        aria-valuetext={`${formatSpeed(shown)} real time`}
        aria-describedby="speed-hint"
        onChange={(e) => {
          const v = Number(e.target.value);
          setPos(v);
          setSpeed(sliderToSpeed(v / STEPS));
        }}
        onPointerUp={release}
        onKeyUp={release}
        onBlur={release}
      />
      <output htmlFor="speed-slider" className="slider-value">
        {formatSpeed(shown)}
      </output>
      <p id="speed-hint" className="hint">
        1× is real time. Every hop is drawn for at least a third of a second, so even the 0.5 ms hop
        from the load balancer to a server can be watched; slow down to follow one.
      </p>
    </div>
  );
}
