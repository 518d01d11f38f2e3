/**
 * The users: the named ones as lettered, coloured avatars (click to follow one), the crowd
 * as a count. Hovering or focusing an avatar shows that user's cart and where their session
 * lives under the box; the followed user's stays up without a click. When the picture is zoomed out so far that an avatar would be a target smaller
 * than 24 × 24 CSS px (WCAG 2.5.8), avatars are shown but not clickable; the playground's
 * "Follow a user" list does the same job at full size.
 */
import {
  memo,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type RefObject,
} from 'react';
import { useStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import { useSim } from '../SimContext.tsx';
import { useRun } from '../RunContext.tsx';
import type { SimStoreState } from '../../store/simStore.ts';
import type { AvatarState, UsersNodeT } from './graph.ts';
import { Handles } from './Handles.tsx';
import { SPOTLIT, useSpotlit } from './spotlight.ts';
import { readableOn, userColour } from './palette.ts';
import { cap, followCaption } from './words.ts';
import { CartTip } from './CartTip.tsx';
import { extraWords } from '../../store/vocabulary.ts';

const selectVocab = (s: SimStoreState) => s.vocabulary;
const selectZoom = (s: ReactFlowState) => s.transform[2];

/** Smallest pointer target, in CSS px on screen (WCAG 2.2 target size, minimum). */
const MIN_TARGET_PX = 24;

/** Whether the avatars, at the view's zoom, are big enough to be buttons. */
function useAvatarsClickable(): [RefObject<HTMLDivElement | null>, boolean] {
  const zoom = useStore(selectZoom);
  const ref = useRef<HTMLDivElement>(null);
  const [clickable, setClickable] = useState(true);
  useLayoutEffect(() => {
    const first = ref.current?.firstElementChild as HTMLElement | null;
    if (!first) return;
    // offsetWidth/Height are layout sizes, before React Flow's zoom transform.
    const px = Math.min(first.offsetWidth, first.offsetHeight) * zoom;
    setClickable(px >= MIN_TARGET_PX);
  }, [zoom]);
  return [ref, clickable];
}

/** "44K" rather than "44,290": the box is narrow. */
const COUNT = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

const STATE_WORDS: Record<AvatarState, string> = {
  in: 'logged in',
  out: 'not logged in',
  lost: 'session lost',
};

export const UsersNode = memo(function UsersNode({ data }: NodeProps<UsersNodeT>) {
  const run = useRun();
  const vocab = useSim(selectVocab);
  const [avatarsRef, clickable] = useAvatarsClickable();
  const spotlit = useSpotlit('users');
  const tipId = useId();
  const faces = useRef(new Map<number, HTMLElement | null>());
  const [peek, setPeek] = useState<number | null>(null);
  // The followed user's cart stays up here when no chip shows it (a token, or no session).
  const followed = data.avatars.find((a) => a.idx === data.follow);
  const pinned =
    followed && (followed.home === 'token' || followed.home === 'none') ? followed : undefined;
  const tipUser = data.avatars.find((a) => a.idx === peek) ?? pinned;
  const tipText = tipUser ? followCaption(tipUser, data.storeLabel, vocab, true) : null;
  return (
    <div
      className={`topo-node topo-users${spotlit ? SPOTLIT : ''}`}
      role="group"
      aria-label={cap(vocab.users)}
    >
      <div className="topo-head">
        <span className="topo-title">{cap(vocab.users)}</span>
        <span className="topo-sub">
          {COUNT.format(data.loggedIn)} {extraWords(vocab).loggedIn}
        </span>
      </div>
      <div
        className="topo-avatars"
        ref={avatarsRef}
        onPointerLeave={() => setPeek(null)}
        onBlur={() => setPeek(null)}
      >
        {data.avatars.map((a) => {
          const colour = userColour(a.idx);
          const followed = data.follow === a.idx;
          const className = `topo-avatar nodrag nopan is-${a.state}${followed ? ' is-followed' : ''}`;
          const style = { '--chip': colour, '--chip-text': readableOn(colour) } as CSSProperties;
          const title = `${a.name}: ${STATE_WORDS[a.state]}${followed ? ' (following)' : ''}`;
          const described = tipUser === a ? tipId : undefined;
          // The initial and the "lost" badge are drawn by CSS, so the visible text is just
          // the name, which the button's accessible name ("Follow Alice") contains.
          const face = (
            <>
              <span
                className="topo-avatar-dot"
                aria-hidden="true"
                data-initial={a.name.charAt(0)}
              />
              <span className="topo-avatar-name">{a.name}</span>
            </>
          );
          return clickable ? (
            <button
              key={a.idx}
              type="button"
              className={className}
              style={style}
              aria-label={`Follow ${a.name}`}
              aria-pressed={followed}
              aria-describedby={described}
              ref={(el) => void faces.current.set(a.idx, el)}
              onFocus={() => setPeek(a.idx)}
              onPointerEnter={() => setPeek(a.idx)}
              onClick={() => run.follow(followed ? null : a.idx)}
            >
              {face}
            </button>
          ) : (
            <span
              key={a.idx}
              className={className}
              style={style}
              title={title}
              ref={(el) => void faces.current.set(a.idx, el)}
              onPointerEnter={() => setPeek(a.idx)}
            >
              {face}
            </span>
          );
        })}
      </div>
      <p className="topo-crowd">
        {data.avatars.length > 0 ? '+ ' : ''}
        {data.crowd.toLocaleString('en')} {data.avatars.length > 0 ? 'others' : vocab.users}
      </p>
      {tipUser && tipText && (
        <CartTip
          id={tipId}
          text={tipText}
          side="below"
          colour={userColour(tipUser.idx)}
          anchor={() => faces.current.get(tipUser.idx)}
          pinned={tipUser.idx !== peek}
        />
      )}
      <Handles target={false} />
    </div>
  );
});
