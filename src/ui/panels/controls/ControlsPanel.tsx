/**
 * Every control of the running system, grouped. All of them act through commands. A course
 * page can hide groups with `?lock=` (see LOCKABLE in src/ui/urlOptions.ts).
 */
import { useSim } from '../../SimContext.tsx';
import { ArchitectureControls } from './ArchitectureControls.tsx';
import { LoadBalancerControls } from './LoadBalancerControls.tsx';
import { RunControls } from './RunControls.tsx';
import { SeedReset } from './SeedReset.tsx';
import { SpeedSlider } from './SpeedSlider.tsx';
import { TrafficControls } from './TrafficControls.tsx';
import { WorkloadControls } from './WorkloadControls.tsx';
import { ScenarioFile } from '../../share/ScenarioFile.tsx';
import { RealConfigButton } from '../../realConfig/RealConfigButton.tsx';

/** `withRun: false` leaves out Play / Pause / Step, for a layout that shows them elsewhere. */
export function ControlsPanel({ withRun = true }: { withRun?: boolean }) {
  const locked = useSim((s) => s.locked);
  const show = (group: string) => !locked.includes(group);
  return (
    <section className="panel controls-panel" aria-labelledby="controls-heading">
      <h2 id="controls-heading">Controls</h2>
      {withRun && show('run') && <RunControls />}
      {show('speed') && <SpeedSlider />}
      {show('seed') && <SeedReset />}
      {show('architecture') && <ArchitectureControls />}
      {show('load-balancer') && <LoadBalancerControls />}
      {show('traffic') && <WorkloadControls />}
      {show('traffic') && <TrafficControls />}
      {show('share') && <ScenarioFile />}
      <RealConfigButton />
      {locked.length > 0 && (
        <p className="muted">Some controls are hidden by the page that embeds this simulation.</p>
      )}
    </section>
  );
}
