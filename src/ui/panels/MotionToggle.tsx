/**
 * The "Reduce motion" switch: on, request dots stop travelling and the picture shows
 * per-edge request rates instead (the event log and counters tell the same story). Starts
 * from the system's prefers-reduced-motion; the learner's choice is remembered.
 */
import { toggleReducedMotion } from '../topology/motionPreference.ts';
import { useReducedMotion } from '../topology/useReducedMotion.ts';

export function MotionToggle() {
  const reduced = useReducedMotion();
  return (
    <button
      type="button"
      role="switch"
      aria-checked={reduced}
      aria-keyshortcuts="M"
      className="switch motion-toggle"
      onClick={toggleReducedMotion}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span className="switch-text">Reduce motion</span>
    </button>
  );
}
