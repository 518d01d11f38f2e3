/**
 * An app server: status (with an icon and a word, not colour alone), load, queue, and in the
 * in-memory architecture the sessions living in its memory. Kill and restart it from here.
 * A dead server is greyed and crossed out, and its chips burst as its memory is wiped.
 */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useSim } from '../SimContext.tsx';
import { useCommandHost } from '../RunContext.tsx';
import { perform } from '../../app/commands.ts';
import type { SimStoreState } from '../../store/simStore.ts';
import type { ServerNodeT } from './graph.ts';
import { Handles } from './Handles.tsx';
import { SessionChips } from './SessionChips.tsx';
import { SPOTLIT, useSpotlit } from './spotlight.ts';
import { cap, statusWords } from './words.ts';
import { lossText } from './chipLoss.ts';
import { useLossShown } from './useLossShown.ts';

const selectVocab = (s: SimStoreState) => s.vocabulary;
const selectHeld = (s: SimStoreState) => s.actionsHeld;

function loadLevel(pct: number): 'low' | 'mid' | 'high' {
  return pct >= 90 ? 'high' : pct >= 70 ? 'mid' : 'low';
}

export const ServerNode = memo(function ServerNode({ id: nodeId, data }: NodeProps<ServerNodeT>) {
  const host = useCommandHost();
  const vocab = useSim(selectVocab);
  const { id, status } = data;
  const spotlit = useSpotlit('servers', `server:${id}`);
  // A lesson may hold actions back (a prediction comes first); the card says why.
  const held = useSim(selectHeld);
  const name = `${cap(vocab.server)} ${id}`;
  const retired = status === 'down' && data.stopCause === 'retired';
  const st = retired ? { icon: '⏻', label: 'Retired' } : statusWords(status);
  const down = status === 'down';
  // Compact boxes have no chips to kill: the loss is a marker on the box instead.
  const chipless = data.holdsSessions && data.chipSlots === 0;
  const compactLoss = useLossShown(chipless ? data.loss : null);
  const act = (command: 'kill-server' | 'restart-server'): void =>
    void perform(command, host, { server: id });

  // Narrow boxes (phones, compare panes, many servers) have one line for each note: the short
  // words there, the whole sentence on hover. The dying chips and "✕ N lost" under them say
  // that the memory went.
  const narrow = data.shape === 'phone' || data.shape === 'compact';
  let note: string | null = null;
  let noteTitle: string | undefined;
  if (down && data.lbHealthy) {
    noteTitle = `${cap(vocab.loadBalancer)} has not noticed yet: it still sends requests here`;
    note = narrow ? 'Still in rotation' : `${cap(vocab.loadBalancer)} has not noticed yet`;
  } else if (!down && status !== 'booting' && !data.lbHealthy) note = 'Not yet in rotation';
  const wiped = data.holdsSessions && !narrow ? ': memory wiped' : '';

  const inlineLoad = data.shape === 'wide' || data.shape === 'strip';
  // A dead server has no load worth showing; only the load balancer's lag is news.
  const showStats = (data.shape === 'tall' || data.shape === 'wide') && (!down || note !== null);
  const requests = data.chat ? null : (
    <span className="topo-count" title="Requests this server has been sent since the start">
      {data.requests.toLocaleString('en-US')} req
    </span>
  );
  const load = down ? (
    <span className={retired ? 'topo-retired-line' : 'topo-dead-line'}>
      {retired
        ? 'Drained, then stopped'
        : data.stopCause === 'crashed'
          ? `Crashed${wiped}`
          : `Not running${wiped}`}
    </span>
  ) : data.chat ? (
    // A chat server's news is its open connections: on the stats line where there is one,
    // here in the small shapes (phone, strip) that have none.
    showStats ? null : (
      <span className="topo-load topo-chat-count">
        {data.sessionCount} {data.sessionCount === 1 ? vocab.session : vocab.sessions}
      </span>
    )
  ) : (
    <span className="topo-load" title="Busy share, averaged over the last few seconds">
      <span className={`topo-bar lvl-${loadLevel(data.loadPct)}`} aria-hidden="true">
        <span className="topo-bar-fill" style={{ width: `${data.loadPct}%` }} />
        {data.queue > 0 && (
          <span
            className="topo-bar-queue"
            style={{ width: `${Math.min(100, (data.queue / Math.max(1, data.workers)) * 25)}%` }}
          />
        )}
      </span>
      <span className="topo-load-text">
        {data.loadPct}%{!showStats && data.queue > 0 ? ` · q ${data.queue}` : ''}
      </span>
      {requests}
    </span>
  );
  const button = down ? (
    <button
      type="button"
      className="topo-btn topo-btn-restart nodrag nopan"
      aria-label={`Restart ${vocab.server} ${id}`}
      disabled={held !== null}
      title={held ?? undefined}
      onClick={() => act('restart-server')}
    >
      <span aria-hidden="true">↻ </span>
      <span className="topo-btn-word">Restart</span>
    </button>
  ) : (
    <button
      type="button"
      className="topo-btn topo-btn-kill nodrag nopan"
      aria-label={`Kill ${vocab.server} ${id}`}
      disabled={held !== null}
      title={held ?? undefined}
      onClick={() => act('kill-server')}
    >
      <span aria-hidden="true">✕ </span>
      <span className="topo-btn-word">Kill</span>
    </button>
  );

  return (
    <div
      className={`topo-node topo-server is-${status}${retired ? ' is-retired' : ''} shape-${data.shape}${
        data.highlight !== null ? ' has-followed' : ''
      }${spotlit ? SPOTLIT : ''}`}
      role="group"
      aria-label={`${name}: ${st.label.toLowerCase()}`}
    >
      <div className="topo-head">
        <span className="topo-title">{name}</span>
        <span className={`topo-status st-${status}`}>
          <span className="topo-status-icon" aria-hidden="true">
            {st.icon}
          </span>
          <span className="topo-status-word">{st.label}</span>
        </span>
        {inlineLoad ? load : <span className="topo-spacer" />}
        {button}
      </div>
      {/* A narrow stateless box has room for one line: the load balancer's lag is the news
          (the struck-out title and ✕ already say it crashed). */}
      {!inlineLoad && !(narrow && down && note && !data.holdsSessions) && load}
      {(showStats || (note && !data.holdsSessions)) && (
        <p className="topo-line topo-small topo-stats">
          {note ? (
            <span className="topo-warn-text" title={noteTitle}>
              <span aria-hidden="true">⚠ </span>
              {note}
            </span>
          ) : (
            <>
              {!data.chat && (
                <>
                  <span>
                    {data.busy}/{data.workers} busy
                  </span>
                  <span>queue {data.queue}</span>
                </>
              )}
              {data.holdsSessions && (
                <span>
                  {data.sessionCount} {data.sessionCount === 1 ? vocab.session : vocab.sessions}
                </span>
              )}
              {!data.holdsSessions && !data.holdsVideos && (
                <span className="topo-muted">stateless</span>
              )}
            </>
          )}
        </p>
      )}
      {data.videos && (
        <p className="topo-line topo-small topo-strong" data-testid="server-videos">
          {data.videos}
        </p>
      )}
      {data.holdsSessions && data.chipSlots > 0 && (
        <SessionChips
          nodeId={nodeId}
          label={`${cap(vocab.sessions)} in ${vocab.server} ${id}'s memory`}
          chips={data.chips}
          slots={data.chipSlots}
          total={data.sessionCount}
          highlight={data.highlight}
          inspected={data.inspected}
          note={showStats ? null : note}
          loss={data.loss}
          quiet={down}
          serverId={id}
          tipSide={data.shape === 'phone' ? 'below' : 'right'}
        />
      )}
      {compactLoss && (
        <p className="topo-loss-note is-compact">
          <span aria-hidden="true">✕ </span>
          {lossText(compactLoss.count, vocab)}
        </p>
      )}
      {down && !retired && (
        <span className="topo-dead-mark" aria-hidden="true">
          ✕
        </span>
      )}
      <Handles />
    </div>
  );
});
