/** Play, pause and single-step the simulation. */
import type { SimStoreState } from '../../../store/simStore.ts';
import { useSim } from '../../SimContext.tsx';
import { Icon } from '../Icon.tsx';

const selPlaying = (s: SimStoreState) => s.playing;
const selPlay = (s: SimStoreState) => s.play;
const selPause = (s: SimStoreState) => s.pause;
const selStep = (s: SimStoreState) => s.step;

export function RunControls() {
  const playing = useSim(selPlaying);
  const play = useSim(selPlay);
  const pause = useSim(selPause);
  const step = useSim(selStep);
  return (
    <div className="button-row" role="group" aria-label="Run">
      <button type="button" className="btn" aria-pressed={playing} onClick={play}>
        <Icon name="play" /> Play
      </button>
      <button type="button" className="btn" aria-pressed={!playing} onClick={pause}>
        <Icon name="pause" /> Pause
      </button>
      <button
        type="button"
        className="btn"
        onClick={step}
        title="Pause and process exactly one simulation event"
      >
        <Icon name="step" /> Step
      </button>
    </div>
  );
}
