/**
 * Follow one named user: pick them here (or click them in the picture) and see their cart
 * and where their session lives right now.
 */
import type { SimStoreState } from '../../../store/simStore.ts';
import { useSim } from '../../SimContext.tsx';
import { useRun } from '../../RunContext.tsx';
import { describeUser } from './describeUser.ts';

const selNamed = (s: SimStoreState) => s.snapshot?.users.named;
const selFollow = (s: SimStoreState) => s.followUser;
const selVocabulary = (s: SimStoreState) => s.vocabulary;

export function FollowCard() {
  const named = useSim(selNamed) ?? [];
  const follow = useSim(selFollow);
  const run = useRun();
  const V = useSim(selVocabulary);
  const user = follow === null ? undefined : named.find((u) => u.idx === follow);

  return (
    <section className="panel follow-panel">
      <label className="field field-inline">
        <span>Follow a user</span>
        <select
          value={follow ?? ''}
          onChange={(e) => run.follow(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">nobody</option>
          {named.map((u) => (
            <option key={u.idx} value={u.idx}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      {user ? (
        <p
          className={
            user.home === 'none' && user.sessionLost ? 'follow-card follow-lost' : 'follow-card'
          }
          data-testid="follow-card"
        >
          <strong>{describeUser(user, V)}</strong>
          <span className="hint">
            {' '}
            Now: {user.step}
            {user.inFlight ? ' (request in flight)' : ''} · journeys done: {user.journeys}
          </span>
        </p>
      ) : (
        follow !== null && <p className="hint">That user has not arrived yet.</p>
      )}
    </section>
  );
}
