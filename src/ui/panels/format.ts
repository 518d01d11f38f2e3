/** Number and time formats shared by the panels. All times are simulated time. */

/** Speed as "0.1×", "0.0005×", "2×", "20×" (simulated ms per wall ms). */
export function formatSpeed(speed: number): string {
  if (!Number.isFinite(speed) || speed <= 0) return '0×';
  const digits = speed >= 10 ? 2 : speed >= 1 ? 2 : 1;
  return `${Number(speed.toPrecision(digits))}×`;
}

/** Simulated time in seconds with one decimal: "12.3 s". */
export function formatSimTime(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}

const intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/** A count with thousands separators: "12,345". */
export function formatCount(n: number): string {
  return intFmt.format(n);
}

/** A rate or a small figure with at most one decimal ("3.5", "120"). */
export function formatRate(n: number): string {
  if (!Number.isFinite(n)) return '–';
  return n >= 100 ? intFmt.format(n) : String(Math.round(n * 10) / 10);
}

/** Milliseconds with sensible precision: "0.004 ms", "1.6 ms", "84 ms". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 0.1) return `${Number(ms.toPrecision(1))} ms`;
  if (ms < 10) return `${Math.round(ms * 10) / 10} ms`;
  return `${intFmt.format(ms)} ms`;
}

/** Human wording for the simulation's failure reasons. */
export const FAIL_REASON_LABELS: Record<string, string> = {
  'session-lost': 'session lost',
  'no-healthy-server': 'no healthy server',
  'server-down': 'server down',
  'store-unavailable': 'store unavailable',
  overloaded: 'overloaded (queue full)',
};
