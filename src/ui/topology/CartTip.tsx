/**
 * A cart shown beside its chip or avatar: whose it is, how many items, which ones, and where
 * the session lives. Shown while a chip is hovered or focused (or tapped), and kept up for
 * the followed user so their cart is read without a click. Referenced by the chip's
 * aria-describedby, so screen readers hear it too.
 */
import type { CSSProperties } from 'react';

export type TipSide = 'right' | 'left' | 'below';

interface Props {
  id: string;
  text: string;
  side: TipSide;
  /** The colour of the user whose cart this is (a stripe on the tip's edge). */
  colour: string;
  /** Distance from the top of the positioned parent, in px (the chip's row). */
  top?: number;
}

export function CartTip({ id, text, side, colour, top = 0 }: Props) {
  return (
    <span
      id={id}
      role="tooltip"
      className={`topo-cart-tip side-${side}`}
      style={{ '--chip': colour, ...(side === 'below' ? {} : { top }) } as CSSProperties}
    >
      {text}
    </span>
  );
}
