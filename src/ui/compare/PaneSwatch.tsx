/** A short line in the pane's colour and dash pattern, matching its lines in the charts. */
import type { Architecture } from '../../sim/index.ts';
import { PANE_STYLE } from './paneStyle.ts';

export function PaneSwatch({ arch }: { arch: Architecture }) {
  const { color, dash } = PANE_STYLE[arch];
  return (
    <svg className="cmp-swatch" width="26" height="10" aria-hidden="true">
      <line x1="1" x2="25" y1="5" y2="5" stroke={color} strokeWidth="3" strokeDasharray={dash} />
    </svg>
  );
}
