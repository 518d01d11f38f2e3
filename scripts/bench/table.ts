/**
 * Figures, their statistics and the printed table. Every figure is the median of several
 * runs with the spread (min – max) beside it; the raw samples go to bench-results/latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type Section = 'core' | 'worker' | 'animation' | 'page';

export interface Figure {
  section: Section;
  figure: string;
  /** Unit of the samples (for the JSON file). */
  unit: string;
  /** One value per run; empty when the figure could not be measured. */
  samples: number[];
  median: number | null;
  min: number | null;
  max: number | null;
  /** Digits shown in the table. */
  digits: number;
  note: string;
  /** A target from docs/performance.md, reported (not asserted) as met or missed. */
  budget?: { text: string; met: boolean | null };
  /** Extra measurements kept in the JSON only. */
  detail?: Record<string, unknown>;
}

export interface Stats {
  median: number;
  min: number;
  max: number;
}

export function stats(xs: readonly number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), min: s[0]!, max: s[s.length - 1]! };
}

/** Quantile of an ascending array (nearest rank, interpolated). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function figure(
  section: Section,
  name: string,
  samples: readonly number[],
  opts: {
    unit: string;
    digits?: number;
    note?: string;
    /** Met when the median is at most (`max`) or at least (`min`) this. */
    budget?: { max?: number; min?: number; text: string };
    detail?: Record<string, unknown>;
  },
): Figure {
  const clean = samples.filter((x) => Number.isFinite(x));
  const st = clean.length > 0 ? stats(clean) : null;
  let budget: Figure['budget'];
  if (opts.budget) {
    const { max, min, text } = opts.budget;
    const met =
      st === null
        ? null
        : (max === undefined || st.median <= max) && (min === undefined || st.median >= min);
    budget = { text, met };
  }
  return {
    section,
    figure: name,
    unit: opts.unit,
    samples: clean,
    median: st?.median ?? null,
    min: st?.min ?? null,
    max: st?.max ?? null,
    digits: opts.digits ?? 0,
    note: opts.note ?? '',
    ...(budget ? { budget } : {}),
    ...(opts.detail ? { detail: opts.detail } : {}),
  };
}

/** A figure that could not be measured here, with the reason. */
export function unmeasured(section: Section, name: string, reason: string): Figure {
  return figure(section, name, [], { unit: '', note: reason });
}

export const fmt = (x: number, digits = 0): string =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function cells(f: Figure): string[] {
  if (f.median === null) return [f.figure, '—', '', f.note];
  const spread = f.samples.length > 1 ? `${fmt(f.min!, f.digits)} – ${fmt(f.max!, f.digits)}` : '';
  const mark = f.budget ? ` ${f.budget.met === null ? '?' : f.budget.met ? '✓' : '✗'}` : '';
  const target = f.budget ? `${f.budget.text}${mark}` : '';
  return [f.figure, fmt(f.median, f.digits), spread, [target, f.note].filter(Boolean).join('; ')];
}

export function printTable(title: string, figures: readonly Figure[]): void {
  const header = ['figure', 'median', 'spread (min – max)', 'target; note'];
  const rows = figures.map(cells);
  const widths = header.map((h, i) =>
    Math.min(i === 3 ? 200 : 60, Math.max(h.length, ...rows.map((r) => r[i]!.length))),
  );
  const line = (c: string[]): string =>
    c
      .map((x, i) => x.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  console.log(title);
  let section: Section | null = null;
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  figures.forEach((f, i) => {
    if (f.section !== section) {
      section = f.section;
      console.log(`[${section}]`);
    }
    console.log(line(rows[i]!));
  });
}

export function writeJson(path: string, payload: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(payload, null, 2)}\n`);
}
