/**
 * Captions under the graph: where the followed user's cart lives, and the cart behind a
 * clicked session chip. Plain sentences, e.g. "Alice's cart: iPhone, AirPods — lives on
 * server 2".
 */
import type { CSSProperties } from 'react';
import { STORE_PROFILES } from '../../sim/index.ts';
import type { Snapshot } from '../../protocol/snapshot.ts';
import type { Vocabulary } from '../../store/vocabulary.ts';
import { useRun } from '../RunContext.tsx';
import type { Inspected } from './graph.ts';
import { readableOn, userColour } from './palette.ts';
import { chipCaption, followCaption, initial, userName } from './words.ts';

interface Props {
  snapshot: Snapshot;
  follow: number | null;
  inspected: Inspected | null;
  vocab: Vocabulary;
  onCloseInspect(): void;
}

function Swatch({ userIdx }: { userIdx: number }) {
  const c = userColour(userIdx);
  return (
    <span
      className="topo-swatch"
      aria-hidden="true"
      style={{ '--chip': c, '--chip-text': readableOn(c) } as CSSProperties}
    >
      {initial(userIdx)}
    </span>
  );
}

/** The cart behind an inspected chip, from the current snapshot (it may have moved on). */
function inspectedText(snapshot: Snapshot, inspected: Inspected, vocab: Vocabulary): string {
  const label = STORE_PROFILES[snapshot.store.kind].label;
  const serverId = inspected.nodeId.startsWith('server-')
    ? Number(inspected.nodeId.slice('server-'.length))
    : 0;
  const chips =
    serverId > 0 ? snapshot.servers.find((s) => s.id === serverId)?.chips : snapshot.store.chips;
  const chip = chips?.find((c) => c.userIdx === inspected.userIdx);
  if (!chip) {
    const where = serverId > 0 ? `${vocab.server} ${serverId}` : `the ${vocab.store}`;
    return `${userName(inspected.userIdx, vocab)}'s ${vocab.session} is no longer on ${where}`;
  }
  return chipCaption(chip.userIdx, chip.items, serverId, label, vocab);
}

export function CaptionBar({ snapshot, follow, inspected, vocab, onCloseInspect }: Props) {
  const run = useRun();
  const user = follow !== null ? snapshot.users.named[follow] : undefined;
  const label = STORE_PROFILES[snapshot.store.kind].label;
  const followText = user ? followCaption(user, label, vocab) : null;
  const inspectText = inspected ? inspectedText(snapshot, inspected, vocab) : null;
  return (
    <div className="topo-captions">
      {user && (
        <p className="topo-caption is-follow">
          <Swatch userIdx={user.idx} />
          <span className="topo-caption-text">{followText}</span>
          <button
            type="button"
            className="topo-caption-close"
            aria-label={`Stop following ${user.name}`}
            onClick={() => run.follow(null)}
          >
            <span aria-hidden="true">✕</span>
          </button>
        </p>
      )}
      <div aria-live="polite" className="topo-caption-live">
        {inspected && inspectText !== followText && (
          <p className="topo-caption is-inspect">
            <Swatch userIdx={inspected.userIdx} />
            <span className="topo-caption-text">{inspectedText(snapshot, inspected, vocab)}</span>
            <button
              type="button"
              className="topo-caption-close"
              aria-label="Close cart"
              onClick={onCloseInspect}
            >
              <span aria-hidden="true">✕</span>
            </button>
          </p>
        )}
      </div>
    </div>
  );
}
