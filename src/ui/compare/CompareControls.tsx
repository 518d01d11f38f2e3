/**
 * The one set of controls that drives every pane: play, pause, step, speed, the timeline,
 * and faults that happen in every pane at the same simulated moment.
 */
import { useState } from 'react';
import type { Action } from '../../sim/index.ts';
import { sliderToSpeed, speedToSlider } from '../../protocol/speed.ts';
import { SimProvider } from '../SimContext.tsx';
import { Icon } from '../panels/Icon.tsx';
import { formatSimTime, formatSpeed } from '../panels/format.ts';
import { useDraft } from '../panels/hooks/useDraft.ts';
import { CompareTimelineMarks } from './CompareTimelineMarks.tsx';
import type { CompareState } from './compareController.ts';
import { STEP_SIM_MS } from './compareController.ts';
import { useCompare, useController, usePaneSnapshots } from './useCompare.ts';

const SPEED_STEPS = 1000;
const TIME_STEP_MS = 100;

const selPlaying = (s: CompareState) => s.playing;
const selSpeed = (s: CompareState) => s.speed;
const selT = (s: CompareState) => s.tMs;
const selEnd = (s: CompareState) => s.endMs;
const selLoaded = (s: CompareState) => s.loaded;
const selAnnouncement = (s: CompareState) => s.announcement;
const selError = (s: CompareState) => s.error;

function RunButtons() {
  const c = useController();
  const playing = useCompare(selPlaying);
  const loaded = useCompare(selLoaded);
  return (
    <div className="button-row cmp-run" role="group" aria-label="Run every pane">
      <button
        type="button"
        className="btn"
        aria-pressed={playing}
        disabled={!loaded}
        onClick={() => c.play()}
      >
        <Icon name="play" /> Play
      </button>
      <button
        type="button"
        className="btn"
        aria-pressed={!playing}
        disabled={!loaded}
        onClick={() => c.pause()}
      >
        <Icon name="pause" /> Pause
      </button>
      <button
        type="button"
        className="btn"
        disabled={!loaded}
        onClick={() => void c.step()}
        title={`Pause and move every pane ${STEP_SIM_MS} ms of simulated time forward`}
      >
        <Icon name="step" /> Step
      </button>
    </div>
  );
}

function Speed() {
  const c = useController();
  const speed = useCompare(selSpeed);
  const [pos, setPos, release] = useDraft(Math.round(speedToSlider(speed) * SPEED_STEPS));
  const shown = sliderToSpeed(pos / SPEED_STEPS);
  return (
    <div className="cmp-speed">
      <label htmlFor="cmp-speed">Speed</label>
      <input
        id="cmp-speed"
        type="range"
        min={0}
        max={SPEED_STEPS}
        step={1}
        value={pos}
        aria-valuetext={`${formatSpeed(shown)} real time`}
        onChange={(e) => {
          const v = Number(e.target.value);
          setPos(v);
          c.setSpeed(sliderToSpeed(v / SPEED_STEPS));
        }}
        onPointerUp={release}
        onKeyUp={release}
        onBlur={release}
      />
      <output htmlFor="cmp-speed" className="slider-value">
        {formatSpeed(shown)}
      </output>
    </div>
  );
}

function SharedTimeline() {
  const c = useController();
  const tMs = useCompare(selT);
  const endMs = useCompare(selEnd);
  const [value, setValue, release] = useDraft(Math.round(tMs / TIME_STEP_MS) * TIME_STEP_MS);
  const max = Math.max(endMs, TIME_STEP_MS);
  const first = c.panes[0];
  return (
    <div className="cmp-timeline" title="Drag to move every pane through simulated time together.">
      <div className="timeline-head">
        <label htmlFor="cmp-timeline">Timeline</label>
        <span className="timeline-time" aria-hidden="true" data-testid="compare-time">
          {formatSimTime(value)} / {formatSimTime(endMs)}
        </span>
      </div>
      <div className="timeline-track">
        <input
          id="cmp-timeline"
          type="range"
          min={0}
          max={max}
          step={TIME_STEP_MS}
          value={Math.min(value, max)}
          aria-valuetext={`${formatSimTime(value)} of ${formatSimTime(endMs)}`}
          onChange={(e) => {
            const v = Number(e.target.value);
            setValue(v);
            void c.seek(v);
          }}
          onPointerUp={release}
          onKeyUp={release}
          onBlur={release}
        />
        {/* Every pane has the same checkpoints: show the first pane's. */}
        {first && (
          <SimProvider session={first.session}>
            <CompareTimelineMarks endMs={max} />
          </SimProvider>
        )}
      </div>
    </div>
  );
}

function Faults() {
  const c = useController();
  const snaps = usePaneSnapshots();
  const loaded = useCompare(selLoaded);
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
  const states = snaps.map((s) => s?.servers.find((x) => x.id === server)?.status);
  const anyUp = states.some((st) => st !== undefined && st !== 'down');
  const anyDown = states.some((st) => st === 'down');
  const stores = snaps.filter((s) => s?.store.present);
  const storeUp = stores.some((s) => s!.store.up);
  const act = (a: Action) => void c.act(a);
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
      <button
        type="button"
        className="btn btn-danger"
        disabled={!loaded || !anyUp}
        onClick={() => act({ action: 'kill-server', server })}
      >
        <Icon name="kill" /> Kill server {server}
        <span className="sr-only"> in every pane</span>
      </button>
      <button
        type="button"
        className="btn"
        disabled={!loaded || !anyDown}
        onClick={() => act({ action: 'restart-server', server })}
      >
        <Icon name="reset" /> Restart server {server}
        <span className="sr-only"> in every pane</span>
      </button>
      <button
        type="button"
        className="btn"
        disabled={!loaded}
        onClick={() => act({ action: 'add-server', count: 1 })}
      >
        <Icon name="plus" /> Add a server
        <span className="sr-only"> in every pane</span>
      </button>
      {stores.length > 0 &&
        (storeUp ? (
          <button
            type="button"
            className="btn btn-danger"
            disabled={!loaded}
            onClick={() => act({ action: 'kill-store' })}
          >
            <Icon name="kill" /> Kill the store
            <span className="sr-only"> in every pane</span>
          </button>
        ) : (
          <button
            type="button"
            className="btn"
            disabled={!loaded}
            onClick={() => act({ action: 'restart-store' })}
          >
            <Icon name="reset" /> Restart the store
            <span className="sr-only"> in every pane</span>
          </button>
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
        {!locked.includes('run') && <RunButtons />}
        {!locked.includes('speed') && <Speed />}
        {!locked.includes('timeline') && <SharedTimeline />}
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
