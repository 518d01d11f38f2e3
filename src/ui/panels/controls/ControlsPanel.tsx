/** Every control of the running system, grouped. All of them act through commands. */
import { ArchitectureControls } from './ArchitectureControls.tsx';
import { LoadBalancerControls } from './LoadBalancerControls.tsx';
import { RunControls } from './RunControls.tsx';
import { SeedReset } from './SeedReset.tsx';
import { SpeedSlider } from './SpeedSlider.tsx';
import { TrafficControls } from './TrafficControls.tsx';

export function ControlsPanel() {
  return (
    <section className="panel controls-panel" aria-labelledby="controls-heading">
      <h2 id="controls-heading">Controls</h2>
      <RunControls />
      <SpeedSlider />
      <SeedReset />
      <ArchitectureControls />
      <LoadBalancerControls />
      <TrafficControls />
    </section>
  );
}
