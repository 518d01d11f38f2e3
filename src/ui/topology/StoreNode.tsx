/** The shared session store: which product, whether it is up, replicas, and its sessions. */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useSim } from '../SimContext.tsx';
import type { SimStoreState } from '../../store/simStore.ts';
import type { StoreNodeT } from './graph.ts';
import { Handles } from './Handles.tsx';
import { SessionChips } from './SessionChips.tsx';
import { SPOTLIT, useSpotlit } from './spotlight.ts';
import { cap, chatStoreWords } from './words.ts';
import { extraWords } from '../../store/vocabulary.ts';

const selectVocab = (s: SimStoreState) => s.vocabulary;

export const StoreNode = memo(function StoreNode({ id: nodeId, data }: NodeProps<StoreNodeT>) {
  const vocab = useSim(selectVocab);
  const spotlit = useSpotlit('store');
  const words = extraWords(vocab);
  const status = data.failingOver ? 'failover' : data.up ? 'up' : 'down';
  const st =
    status === 'up'
      ? { icon: '✓', label: 'Up' }
      : status === 'down'
        ? { icon: '✕', label: 'Down' }
        : { icon: '↻', label: 'Failing over' };
  // A chat run: presence entries and queued messages (or pub/sub only) instead of sessions.
  const chat = data.chat ? chatStoreWords({ ...data, chat: data.chat }, vocab) : null;
  return (
    <div
      className={`topo-node topo-store is-${status}${data.highlight !== null ? ' has-followed' : ''}${
        spotlit ? SPOTLIT : ''
      }`}
      role="group"
      aria-label={`${cap(vocab.store)}${words.techNames ? ` (${data.label})` : ''}: ${st.label.toLowerCase()}${
        chat ? `, ${chat.figures.toLowerCase()}` : ''
      }${data.videos ? `, ${data.videos.toLowerCase()}` : ''}`}
    >
      <div className="topo-head">
        <span className="topo-title">{cap(vocab.store)}</span>
        <span className={`topo-status st-${status === 'failover' ? 'booting' : status}`}>
          <span className="topo-status-icon" aria-hidden="true">
            {st.icon}
          </span>
          {st.label}
        </span>
      </div>
      <p className="topo-line topo-small topo-stats">
        {words.techNames && <span className="topo-strong">{data.label}</span>}
        <span>
          {data.replicas} {data.replicas === 1 ? words.storeCopy : words.storeCopies}
        </span>
        {!chat && (
          <span>
            {words.techNames
              ? `${data.keys} ${data.keys === 1 ? 'key' : 'keys'}`
              : `${data.keys} ${data.keys === 1 ? vocab.session : vocab.sessions}`}
          </span>
        )}
      </p>
      {data.videos && (
        <p
          className={`topo-line topo-strong${data.full ? ' topo-warn-text' : ''}`}
          data-testid="store-videos"
        >
          {data.videos}
        </p>
      )}
      {chat && (
        <>
          <p className="topo-line topo-strong" data-testid="store-chat-figures">
            {chat.figures}
          </p>
          <p className="topo-line topo-small topo-muted">{chat.line}</p>
        </>
      )}
      {!chat && (
        <SessionChips
          nodeId={nodeId}
          label={`${cap(vocab.sessions)} in the ${vocab.store}`}
          chips={data.chips}
          slots={data.chipSlots}
          total={data.keys}
          highlight={data.highlight}
          inspected={data.inspected}
          loss={data.loss}
          serverId={0}
          storeLabel={data.label}
          tipSide="left"
        />
      )}
      {status === 'down' && (
        <span className="topo-dead-mark" aria-hidden="true">
          ✕
        </span>
      )}
      <Handles source={false} />
    </div>
  );
});
