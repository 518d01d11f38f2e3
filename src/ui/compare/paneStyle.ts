/**
 * How a pane is told apart in charts and headers: a colour (a theme variable from
 * compare.css) and a dash pattern, so colour is never the only cue.
 */
import type { Architecture } from '../../sim/index.ts';

export const PANE_STYLE: Record<Architecture, { color: string; dash: string | undefined }> = {
  'in-memory': { color: 'var(--pane-memory)', dash: undefined },
  'session-store': { color: 'var(--pane-store)', dash: '7 3' },
  jwt: { color: 'var(--pane-jwt)', dash: '2 3' },
};
