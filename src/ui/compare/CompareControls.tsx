/**
 * The one set of controls that drives every pane: play, pause, step, speed, the timeline,
 * and faults that happen in every pane at the same simulated moment.
 *
 * On a phone the setup, the speed and the faults fold under one button (a disclosure: it
 * says whether it is open, and what is running while folded), so the panes' tab strip and
 * picture start in the first screen; play, pause, step and the timeline stay out. The folded
 * controls stay mounted, so a picked server or a half-typed seed survives folding.
 */
import { useId, useState, type ReactNode } from 'react';
import type { CompareState } from '../../app/compareRun.ts';
import { CommandButton } from '../CommandButton.tsx';
import { RunControls } from '../panels/controls/RunControls.tsx';
import { SpeedSlider } from '../panels/controls/SpeedSlider.tsx';
import { Timeline } from '../panels/timeline/Timeline.tsx';
import { useRunSnapshots } from '../RunContext.tsx';
import { foldLabel } from './setupSummary.ts';
import { useCompare, useController } from './useCompare.ts';

const selAnnouncement = (s: CompareState) => s.announcement;
const selError = (s: CompareState) => s.error;

/** What the last fault did, "Server 1 killed in every pane at 24.0 s.", for everyone. */
function Announcement() {
  const announcement = useCompare(selAnnouncement);
  return (
    <p className="cmp-announce" role="status" aria-live="polite" data-testid="compare-announce">
      {announcement}
    </p>
  );
}

/** `announce`: the announcement sits at the end of the group (where it shows on wide screens). */
function Faults({ announce }: { announce: boolean }) {
  const snaps = useRunSnapshots();
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
      {announce && <Announcement />}
    </div>
  );
}

/** The phone's fold: the setup bar put inside it, and the line it shows while folded. */
export interface CompareFold {
  setup: ReactNode;
  /** Whether the setup bar holds any control (the locks can leave it empty). */
  hasSetup: boolean;
  summary: string;
}

interface Props {
  locked: readonly string[];
  /** Null on wider screens: everything shown, the setup bar above the panel, as always. */
  fold: CompareFold | null;
}

export function CompareControls({ locked, fold }: Props) {
  const c = useController();
  const error = useCompare(selError);
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const speed = !locked.includes('speed') && <SpeedSlider compact />;
  const label = foldLabel({ setup: !!fold?.hasSetup, speed: !!speed });
  return (
    <section
      className={fold ? 'panel cmp-controls is-folding' : 'panel cmp-controls'}
      aria-label="Shared controls"
    >
      <div className="cmp-controls-row">
        {!locked.includes('run') && <RunControls className="cmp-run" />}
        {!fold && speed}
        {!locked.includes('timeline') && <Timeline compact />}
      </div>
      {fold && (
        <button
          type="button"
          className="cmp-fold-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((x) => !x)}
        >
          <span className="cmp-fold-label">
            <span aria-hidden="true">{open ? '▾' : '▸'}</span> {label}
          </span>
          {!open && <span className="cmp-fold-summary">{fold.summary}</span>}
        </button>
      )}
      {/* On wider screens a box that lays out as if absent (see compare.css). */}
      <div className="cmp-fold" id={bodyId} hidden={!!fold && !open}>
        {fold?.setup}
        {fold && speed}
        <Faults announce={!fold} />
      </div>
      {fold && <Announcement />}
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
