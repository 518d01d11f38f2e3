/** The database: accounts and orders always; with JWT, carts live here too. */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useSim } from '../SimContext.tsx';
import type { SimStoreState } from '../../store/simStore.ts';
import type { DbNodeT } from './graph.ts';
import { Handles } from './Handles.tsx';
import { SPOTLIT, useSpotlit } from './spotlight.ts';
import { cap } from './words.ts';
import { extraWords } from '../../store/vocabulary.ts';

const selectVocab = (s: SimStoreState) => s.vocabulary;

export const DbNode = memo(function DbNode({ data }: NodeProps<DbNodeT>) {
  const vocab = useSim(selectVocab);
  const jwt = data.architecture === 'jwt' && !data.chat;
  const spotlit = useSpotlit('db');
  const words = extraWords(vocab);
  return (
    <div
      className={`topo-node topo-db${data.highlight ? ' is-followed' : ''}${spotlit ? SPOTLIT : ''}`}
      role="group"
      aria-label={cap(vocab.database)}
    >
      <div className="topo-head">
        <span className="topo-icon" aria-hidden="true">
          ⛁
        </span>
        <span className="topo-title">{cap(vocab.database)}</span>
      </div>
      <p className="topo-line topo-small">{words.databaseCaption}</p>
      {data.objectStorage && (
        <p className="topo-line topo-strong" data-testid="object-storage">
          {data.objectStorage}
        </p>
      )}
      {jwt && (
        <p className="topo-line topo-strong">
          {cap(vocab.cart)}s live here{words.techNames ? ' (JWT)' : ''}
        </p>
      )}
      <Handles source={false} />
    </div>
  );
});
