/** The app's screens. Commands say in which of them they are offered. */
export const MODES = ['playground', 'lessons', 'compare'] as const;
export type Mode = (typeof MODES)[number];
