/** The load balancer: how it picks a server and whether it keeps users on one. */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useSim } from '../SimContext.tsx';
import type { SimStoreState } from '../../store/simStore.ts';
import type { LbNodeT } from './graph.ts';
import { Handles } from './Handles.tsx';
import { SPOTLIT, useSpotlit } from './spotlight.ts';
import { algorithmWords, cap, lbStickyCaption } from './words.ts';

const selectVocab = (s: SimStoreState) => s.vocabulary;

export const LbNode = memo(function LbNode({ data }: NodeProps<LbNodeT>) {
  const vocab = useSim(selectVocab);
  const none = data.healthy === 0;
  const spotlit = useSpotlit('lb');
  return (
    <div
      className={`topo-node topo-lb${spotlit ? SPOTLIT : ''}`}
      role="group"
      aria-label={cap(vocab.loadBalancer)}
    >
      <div className="topo-head">
        <span className="topo-icon" aria-hidden="true">
          ⇄
        </span>
        <span className="topo-title">{cap(vocab.loadBalancer)}</span>
      </div>
      <p className="topo-line">{algorithmWords(data.algorithm)}</p>
      <p className={`topo-line${data.sticky === 'none' ? ' topo-muted' : ''}`}>
        {lbStickyCaption(data.architecture, data.sticky)}
      </p>
      <p className={`topo-line topo-small${none ? ' topo-bad' : ''}`}>
        {none && <span aria-hidden="true">✕ </span>}
        {data.healthy}/{data.total} {vocab.servers} in rotation
      </p>
      <Handles />
    </div>
  );
});
