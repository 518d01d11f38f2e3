/**
 * Invisible attachment points. In the row layout edges enter a box on its left and leave on
 * its right; in the column layout (phones) they also enter on top and leave at the bottom.
 * Edges name the handle they use (graph.ts), by the side it sits on.
 */
import { Handle, Position } from '@xyflow/react';

const SIDES = [
  ['left', Position.Left, 'target'],
  ['right', Position.Right, 'source'],
  ['top', Position.Top, 'target'],
  ['bottom', Position.Bottom, 'source'],
] as const;

export function Handles({ target = true, source = true }: { target?: boolean; source?: boolean }) {
  return (
    <>
      {SIDES.map(([id, position, type]) =>
        (type === 'target' ? target : source) ? (
          <Handle
            key={id}
            id={id}
            type={type}
            position={position}
            isConnectable={false}
            className="topo-handle"
          />
        ) : null,
      )}
    </>
  );
}
