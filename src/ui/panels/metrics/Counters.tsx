/**
 * The run's outcome as numbers: what the learner should look at after breaking something.
 * Losses carry a ✖ mark and a label (CounterList), so they do not depend on colour.
 */
import type { Outcome } from '../../../sim/index.ts';
import type { SimStoreState } from '../../../store/simStore.ts';
import { useSim } from '../../SimContext.tsx';
import { FAIL_REASON_LABELS, formatCount, formatRate } from '../format.ts';
import { CounterList } from './CounterList.tsx';

const selOutcome = (s: SimStoreState) => s.snapshot?.outcome ?? null;

function failureDetail(o: Outcome): string {
  const parts = Object.entries(o.failedByReason)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${FAIL_REASON_LABELS[reason] ?? reason} ${formatCount(n)}`);
  return parts.join(' · ');
}

export function Counters() {
  const o = useSim(selOutcome);
  if (!o) return <p className="hint">Waiting for the simulation…</p>;
  const reasons = failureDetail(o);
  return (
    <>
      <CounterList
        items={[
          { label: 'Requests ok', value: o.requests.ok, testId: 'counter-requests-ok' },
          {
            label: 'Requests failed',
            value: o.requests.failed,
            testId: 'counter-requests-failed',
            bad: true,
          },
          {
            label: 'Sessions created',
            value: o.sessions.created,
            testId: 'counter-sessions-created',
          },
          {
            label: 'Sessions lost',
            value: o.sessions.lost,
            testId: 'counter-sessions-lost',
            bad: true,
          },
          {
            label: 'Cart items lost',
            value: o.cart.itemsLost,
            testId: 'counter-items-lost',
            bad: true,
          },
          { label: 'Stale reads', value: o.staleReads, testId: 'counter-stale-reads', bad: true },
          {
            label: 'Checkouts completed',
            value: o.checkouts.completed,
            testId: 'counter-checkouts',
          },
          {
            label: 'Checkouts failed',
            value: o.checkouts.failed,
            testId: 'counter-checkouts-failed',
            bad: true,
          },
        ]}
      />
      {reasons && (
        <p className="hint" data-testid="failed-by-reason">
          Failed requests by reason: {reasons}.
        </p>
      )}
      <p className="hint" data-testid="bytes-per-request">
        {formatRate(o.bytesPerRequest.mean)} bytes per request on average, of which the credential
        is {o.bytesPerRequest.credential} bytes (
        {o.architecture === 'jwt' ? 'a signed token' : 'a session id in a cookie'}).
      </p>
    </>
  );
}
