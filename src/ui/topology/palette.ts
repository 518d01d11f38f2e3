/**
 * Colours for the named users: the Okabe–Ito palette (distinguishable with the common forms
 * of colour blindness), with a wine red instead of black so it shows on dark themes too.
 * Colour is never the only cue: every chip and avatar also carries the user's initial.
 */

export const USER_COLOURS = [
  '#E69F00', // Alice: orange
  '#56B4E9', // Bob: sky blue
  '#009E73', // Carol: bluish green
  '#F0E442', // Dave: yellow
  '#0072B2', // Eve: blue
  '#D55E00', // Frank: vermillion
  '#CC79A7', // Grace: reddish purple
  '#882255', // Heidi: wine
] as const;

/** Crowd users (not named): a neutral grey-blue that reads on light and dark panels. */
export const CROWD_COLOUR = '#8491A8';

export function userColour(userIdx: number): string {
  return USER_COLOURS[userIdx] ?? CROWD_COLOUR;
}

/** Relative luminance of an sRGB hex colour (#rrggbb), as WCAG defines it. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Black or white, whichever reads better on `background`. */
export function readableOn(background: string): '#000000' | '#FFFFFF' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#FFFFFF')
    ? '#000000'
    : '#FFFFFF';
}
