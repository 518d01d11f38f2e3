/**
 * Reads the page's query string into safe options. Unknown or malformed values fall back to
 * defaults and are listed in `problems`, so the page can say what it ignored.
 */
import { PRESET_NAMES, LIMITS } from '../sim/index.ts';
import type { ClientKind } from '../client/SimClient.ts';

export interface UrlOptions {
  preset: string;
  seed: number | null;
  engine: ClientKind | undefined;
  problems: string[];
}

export const DEFAULT_PRESET = 'playground';

export function readUrlOptions(search: string): UrlOptions {
  const q = new URLSearchParams(search.length > 4096 ? '' : search);
  const problems: string[] = [];
  if (search.length > 4096) problems.push('The link was too long and was ignored.');
  let preset = DEFAULT_PRESET;
  const p = q.get('preset');
  if (p !== null) {
    if (PRESET_NAMES.includes(p)) preset = p;
    else problems.push(`Unknown preset "${p.slice(0, 40)}"; showing the default.`);
  }
  let seed: number | null = null;
  const s = q.get('seed');
  if (s !== null) {
    const n = Number(s);
    if (Number.isInteger(n) && n >= 0 && n <= LIMITS.seed) seed = n;
    else problems.push("The seed must be a whole number; using the preset's seed.");
  }
  const e = q.get('engine');
  const engine = e === 'worker' || e === 'in-thread' ? e : undefined;
  return { preset, seed, engine, problems };
}
