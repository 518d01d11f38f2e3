/**
 * The users: the named ones as lettered, coloured avatars (click to follow one), the crowd
 * as a count.
 */
import { memo, type CSSProperties } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useSim, useSimSession } from '../SimContext.tsx';
import type { SimStoreState } from '../../store/simStore.ts';
import type { AvatarState, UsersNodeT } from './graph.ts';
import { Handles } from './Handles.tsx';
import { readableOn, userColour } from './palette.ts';
import { cap } from './words.ts';

const selectVocab = (s: SimStoreState) => s.vocabulary;

/** "44K" rather than "44,290": the box is narrow. */
const COUNT = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

const STATE_WORDS: Record<AvatarState, string> = {
  in: 'logged in',
  out: 'not logged in',
  lost: 'session lost',
};

export const UsersNode = memo(function UsersNode({ data }: NodeProps<UsersNodeT>) {
  const session = useSimSession();
  const vocab = useSim(selectVocab);
  return (
    <div className="topo-node topo-users" role="group" aria-label={cap(vocab.users)}>
      <div className="topo-head">
        <span className="topo-title">{cap(vocab.users)}</span>
        <span className="topo-sub">{COUNT.format(data.loggedIn)} logged in</span>
      </div>
      <div className="topo-avatars">
        {data.avatars.map((a) => {
          const colour = userColour(a.idx);
          const followed = data.follow === a.idx;
          return (
            <button
              key={a.idx}
              type="button"
              className={`topo-avatar nodrag nopan is-${a.state}${followed ? ' is-followed' : ''}`}
              style={{ '--chip': colour, '--chip-text': readableOn(colour) } as CSSProperties}
              aria-label={`Follow ${a.name}`}
              aria-pressed={followed}
              title={`${a.name}: ${STATE_WORDS[a.state]}${followed ? ' (following)' : ''}`}
              onClick={() => session.store.getState().setFollowUser(followed ? null : a.idx)}
            >
              {/* The initial and the "lost" badge are drawn by CSS, so the button's visible
                  text is just the name, which its accessible name ("Follow Alice") contains. */}
              <span
                className="topo-avatar-dot"
                aria-hidden="true"
                data-initial={a.name.charAt(0)}
              />
              <span className="topo-avatar-name">{a.name}</span>
            </button>
          );
        })}
      </div>
      <p className="topo-crowd">
        {data.avatars.length > 0 ? '+ ' : ''}
        {data.crowd.toLocaleString('en')} {data.avatars.length > 0 ? 'others' : vocab.users}
      </p>
      <Handles target={false} />
    </div>
  );
});
