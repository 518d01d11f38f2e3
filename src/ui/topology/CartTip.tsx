/**
 * A cart shown beside its chip or avatar: whose it is, how many items, which ones, and where
 * the session lives. Shown while a chip is hovered or focused (or tapped), and kept up for
 * the followed user so their cart is read without a click. Referenced by the chip's
 * aria-describedby, so screen readers hear it too. Drawn in a layer over the whole picture
 * (not inside the node, which clips), placed next to the node towards open space.
 */
import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { useStore, type ReactFlowState } from '@xyflow/react';
import { tipPosition, type TipSide } from './labelLayout.ts';
import { useTopologyUi } from './topologyUi.ts';

export type { TipSide };

const selectTransform = (s: ReactFlowState) => s.transform.join(',');

interface Props {
  id: string;
  text: string;
  side: TipSide;
  /** The colour of the user whose cart this is (a stripe on the tip's edge). */
  colour: string;
  /** The chip or avatar the cart belongs to (read after each render). */
  anchor: () => HTMLElement | null | undefined;
  /** Shown because the user is followed, not because it is looked at. */
  pinned: boolean;
}

export function CartTip({ id, text, side, colour, anchor, pinned }: Props) {
  const { tipLayer } = useTopologyUi();
  // Re-placed when the picture is panned or zoomed.
  const transform = useStore(selectTransform);
  const ref = useRef<HTMLSpanElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    const a = anchor();
    if (!el || !tipLayer || !a) return;
    const layer = tipLayer.getBoundingClientRect();
    const rel = (r: DOMRect) => ({
      x: r.left - layer.left,
      y: r.top - layer.top,
      w: r.width,
      h: r.height,
    });
    const node = a.closest('.react-flow__node') ?? a;
    const next = tipPosition(
      side,
      rel(node.getBoundingClientRect()),
      rel(a.getBoundingClientRect()),
      { w: el.offsetWidth, h: el.offsetHeight },
      { w: layer.width, h: layer.height },
    );
    setPos((cur) => (cur && cur.left === next.left && cur.top === next.top ? cur : next));
  }, [anchor, tipLayer, side, text, transform]);
  if (!tipLayer) return null;
  return createPortal(
    <span
      id={id}
      ref={ref}
      role="tooltip"
      className={`topo-cart-tip${pinned ? ' is-pinned' : ''}`}
      style={
        {
          '--chip': colour,
          left: pos?.left ?? 0,
          top: pos?.top ?? 0,
          visibility: pos ? 'visible' : 'hidden',
        } as CSSProperties
      }
    >
      {text}
    </span>,
    tipLayer,
  );
}
