/**
 * The "Reduce motion" switch: on, request dots stop travelling and the picture shows
 * per-edge request rates instead (the event log and counters tell the same story). Starts
 * from the system's prefers-reduced-motion; the learner's choice is remembered.
 */
import { toggleReducedMotion } from '../topology/motionPreference.ts';
import { useReducedMotion } from '../topology/useReducedMotion.ts';
import { Switch } from './Switch.tsx';

export function MotionToggle() {
  return (
    <Switch
      label="Reduce motion"
      checked={useReducedMotion()}
      onToggle={toggleReducedMotion}
      className="motion-toggle"
      shortcut="M"
    />
  );
}
