/**
 * The sessions a server (or the session store) holds, as chips: one per session, coloured
 * and lettered for named users, grey for the crowd, then "+N more". Hovering, focusing or
 * tapping a chip shows its cart beside it (the followed user's stays up); clicking also
 * pins it in the caption. When a crash destroys the sessions, the chips die in place: they
 * flash, fall and stay greyed and crossed out for a few seconds under "N sessions lost" (with
 * reduced motion, the same marker without the movement). One tab stop per group; arrow keys
 * move between chips.
 */
import {
  memo,
  useEffect,
  useId,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import type { SessionChip } from '../../protocol/snapshot.ts';
import { NAMED_USERS } from '../../sim/index.ts';
import { useSim } from '../SimContext.tsx';
import type { SimStoreState } from '../../store/simStore.ts';
import { deadChips, LOSS_SHOWN_MS, lossText, type Loss } from './chipLoss.ts';
import { CartTip, type TipSide } from './CartTip.tsx';
import { visibleChips } from './graph.ts';
import { readableOn, userColour } from './palette.ts';
import { useTopologyUi } from './topologyUi.ts';
import { chipCaption, initial, userName } from './words.ts';

const selectVocab = (s: SimStoreState) => s.vocabulary;

interface Props {
  nodeId: string;
  /** What the group is called for screen readers, e.g. "Sessions in server 2's memory". */
  label: string;
  chips: SessionChip[];
  slots: number;
  total: number;
  highlight: number | null;
  inspected: number | null;
  /** A warning shown where the chips would be when there are none (e.g. "LB has not noticed"). */
  note?: string | null;
  /** The latest destruction of this box's sessions (a crash): a new one bursts the chips. */
  loss: Loss | null;
  /** Say nothing when empty (a dead server: its caption already says why). */
  quiet?: boolean;
  /** Server id the chips live on, 0 for the session store (for the cart's "lives on …"). */
  serverId: number;
  storeLabel?: string;
  /** Which side of the box a cart is shown on (towards open space). */
  tipSide: TipSide;
}

interface Dying {
  chips: readonly SessionChip[];
  /** Sessions destroyed (for "N sessions lost"). */
  before: number;
  serial: number;
}

function chipStyle(userIdx: number): CSSProperties {
  const c = userColour(userIdx);
  return { '--chip': c, '--chip-text': readableOn(c) } as CSSProperties;
}

export const SessionChips = memo(function SessionChips({
  nodeId,
  label,
  chips,
  slots,
  total,
  highlight,
  inspected,
  note = null,
  loss,
  quiet = false,
  serverId,
  storeLabel = '',
  tipSide,
}: Props) {
  const vocab = useSim(selectVocab);
  const tipId = useId();
  const [peek, setPeek] = useState<number | null>(null);
  const ui = useTopologyUi();
  const { shown, more } = visibleChips(chips, slots, total);

  // Remember what was shown before, so a crash can burst the chips it destroyed (state
  // adjusted during render: the chips may already be gone in the render that reports it).
  const [seen, setSeen] = useState({ chips, shown, serial: loss?.serial ?? 0 });
  const [dying, setDying] = useState<Dying | null>(null);
  const fresh = loss !== null && loss.serial !== seen.serial;
  if (seen.chips !== chips || fresh) {
    if (fresh) {
      const ghosts = seen.chips === chips ? shown : seen.shown;
      setDying({ chips: deadChips(ghosts, loss.count), before: loss.count, serial: loss.serial });
    }
    setSeen({ chips, shown, serial: loss?.serial ?? seen.serial });
  }
  useEffect(() => {
    if (!dying) return;
    const t = window.setTimeout(() => setDying(null), LOSS_SHOWN_MS);
    return () => window.clearTimeout(t);
  }, [dying]);

  const [active, setActive] = useState(0);
  const activeIdx = Math.min(active, Math.max(0, shown.length - 1));
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const target =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? activeIdx + 1
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? activeIdx - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? shown.length - 1
              : null;
    if (target === null) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(shown.length - 1, target));
    setActive(next);
    refs.current[next]?.focus();
  };

  // The cart beside the chip being looked at, else the followed user's.
  const tipChip =
    shown.find((c) => c.userIdx === peek) ?? shown.find((c) => c.userIdx === highlight);
  const tipText = tipChip
    ? chipCaption(tipChip.userIdx, tipChip.items, serverId, storeLabel, vocab, true)
    : null;

  return (
    <div className="topo-chips-wrap">
      <div
        className="topo-chips nodrag nopan"
        role="group"
        aria-label={label}
        onKeyDown={onKeyDown}
        onPointerLeave={() => setPeek(null)}
        onBlur={() => setPeek(null)}
      >
        {shown.map((c, i) => {
          const named = c.userIdx < NAMED_USERS.length;
          const name = userName(c.userIdx, vocab);
          return (
            <button
              key={`${c.userIdx}-${i}`}
              ref={(el) => {
                refs.current[i] = el;
              }}
              type="button"
              tabIndex={i === activeIdx ? 0 : -1}
              className={[
                'topo-chip',
                named ? 'is-named' : 'is-crowd',
                highlight === c.userIdx ? 'is-followed' : '',
                inspected === c.userIdx ? 'is-inspected' : '',
              ].join(' ')}
              style={named ? chipStyle(c.userIdx) : undefined}
              aria-label={`${name}'s ${vocab.session}`}
              aria-pressed={inspected === c.userIdx}
              aria-describedby={tipChip === c ? tipId : undefined}
              onFocus={() => {
                setActive(i);
                setPeek(c.userIdx);
              }}
              onPointerEnter={() => setPeek(c.userIdx)}
              onClick={() => {
                setPeek(c.userIdx);
                ui.toggleInspect({ nodeId, userIdx: c.userIdx });
              }}
            >
              {initial(c.userIdx)}
            </button>
          );
        })}
        {more > 0 && (
          <span className="topo-chip-more" title={`${total} ${vocab.sessions} in all`}>
            +{more} more
          </span>
        )}
        {shown.length === 0 && more === 0 && !dying && !note && !quiet && (
          <span className="topo-chips-empty">no {vocab.sessions}</span>
        )}
        {shown.length === 0 && note && !dying && (
          <span className="topo-chips-empty topo-warn-text">
            <span aria-hidden="true">⚠ </span>
            {note}
          </span>
        )}
      </div>
      {dying && (
        // The note first, then the dead chips after it, clipped to the chips' area.
        <div className="topo-chips topo-chips-ghosts" key={dying.serial}>
          <p className="topo-loss-note">
            <span aria-hidden="true">✕ </span>
            {lossText(dying.before, vocab)}
          </p>
          {dying.chips.map((c, i) => (
            <span
              key={`${c.userIdx}-${i}`}
              aria-hidden="true"
              className={[
                'topo-chip',
                c.userIdx < NAMED_USERS.length ? 'is-named' : 'is-crowd',
                'is-dying',
              ].join(' ')}
              style={c.userIdx < NAMED_USERS.length ? chipStyle(c.userIdx) : undefined}
            >
              {initial(c.userIdx)}
            </span>
          ))}
        </div>
      )}
      {tipChip && tipText && !dying && (
        <CartTip
          id={tipId}
          text={tipText}
          side={tipSide}
          colour={userColour(tipChip.userIdx)}
          anchor={() => refs.current[shown.indexOf(tipChip)]}
          pinned={tipChip.userIdx !== peek}
        />
      )}
    </div>
  );
});
