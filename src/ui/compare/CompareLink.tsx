/**
 * "Compare architectures": opens Compare mode with the playground's current preset and seed.
 * Small on purpose: the playground imports it; Compare mode itself loads lazily.
 */
import { PRESET_NAMES } from '../../sim/index.ts';
import type { SimStoreState } from '../../store/simStore.ts';
import { useSim } from '../SimContext.tsx';
import './compareLink.css';

const selName = (s: SimStoreState) => s.scenario?.name ?? '';
const selSeed = (s: SimStoreState) => s.snapshot?.seed ?? s.scenario?.seed ?? null;

export function CompareLink() {
  const name = useSim(selName);
  const seed = useSim(selSeed);
  const q = new URLSearchParams({ mode: 'compare' });
  if (PRESET_NAMES.includes(name)) q.set('preset', name);
  if (seed !== null) q.set('seed', String(seed));
  return (
    <p className="panel compare-cta">
      <span>The same users and faults, other architectures, side by side:</span>
      <a className="compare-link" href={`?${q.toString()}`}>
        Compare architectures
      </a>
    </p>
  );
}
