/**
 * The one set of controls that drives every pane: play, pause, step, speed, the timeline,
 * and faults that happen in every pane at the same simulated moment.
 */
import { useState } from 'react';
import type { CompareState } from '../../app/compareRun.ts';
import { CommandButton } from '../CommandButton.tsx';
import { RunControls } from '../panels/controls/RunControls.tsx';
import { SpeedSlider } from '../panels/controls/SpeedSlider.tsx';
import { Timeline } from '../panels/timeline/Timeline.tsx';
import { useRunSnapshots } from '../RunContext.tsx';
import { useCompare, useController } from './useCompare.ts';

const selAnnouncement = (s: CompareState) => s.announcement;
const selError = (s: CompareState) => s.error;

function Faults() {
  const snaps = useRunSnapshots();
  const announcement = useCompare(selAnnouncement);
  // Server ids across panes (autoscaling can make the sets differ), with their states.
  const ids = [...new Set(snaps.flatMap((s) => s?.servers.map((x) => x.id) ?? []))].sort(
    (a, b) => a - b,
  );
  // Until the learner picks one, offer the first server that is still running somewhere.
  const [picked, setPicked] = useState<number | null>(null);
  const running = ids.find((id) =>
    snaps.some((s) => s?.servers.some((x) => x.id === id && x.status !== 'down')),
  );
  const server = picked !== null && ids.includes(picked) ? picked : (running ?? ids[0] ?? 1);
  const stores = snaps.filter((s) => s?.store.present);
  const storeUp = stores.some((s) => s!.store.up);
  return (
    <div className="cmp-faults" role="group" aria-labelledby="cmp-faults-title">
      <span id="cmp-faults-title" className="cmp-group-title">
        Faults in every pane
      </span>
      <label className="field-inline">
        <span>Server</span>
        <select value={server} onChange={(e) => setPicked(Number(e.target.value))}>
          {ids.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <CommandButton id="kill-server" args={[{ server }]} className="btn btn-danger" />
      <CommandButton id="restart-server" args={[{ server }]} />
      <CommandButton id="add-server" />
      {stores.length > 0 &&
        (storeUp ? (
          <CommandButton id="kill-store" className="btn btn-danger" />
        ) : (
          <CommandButton id="restart-store" />
        ))}
      <p className="cmp-announce" role="status" aria-live="polite" data-testid="compare-announce">
        {announcement}
      </p>
    </div>
  );
}

export function CompareControls({ locked }: { locked: readonly string[] }) {
  const c = useController();
  const error = useCompare(selError);
  return (
    <section className="panel cmp-controls" aria-label="Shared controls">
      <div className="cmp-controls-row">
        {!locked.includes('run') && <RunControls className="cmp-run" />}
        {!locked.includes('speed') && <SpeedSlider compact />}
        {!locked.includes('timeline') && <Timeline compact />}
      </div>
      <Faults />
      <p className="hint cmp-controls-hint">
        One clock drives every pane. A fault happens in every pane at the same simulated moment,
        also when you press Kill on a server inside a pane.
      </p>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}{' '}
          <button type="button" onClick={() => c.dismissError()}>
            Dismiss
          </button>
        </p>
      )}
    </section>
  );
}
