/** Invisible attachment points: edges enter a box on its left and leave on its right. */
import { Handle, Position } from '@xyflow/react';

export function Handles({ target = true, source = true }: { target?: boolean; source?: boolean }) {
  return (
    <>
      {target && (
        <Handle
          type="target"
          position={Position.Left}
          isConnectable={false}
          className="topo-handle"
        />
      )}
      {source && (
        <Handle
          type="source"
          position={Position.Right}
          isConnectable={false}
          className="topo-handle"
        />
      )}
    </>
  );
}
