/**
 * The run's outcome as numbers: what the learner should look at after breaking something.
 * Losses carry a ✖ mark and a label, so they do not depend on colour.
 */
import type { Outcome } from '../../../sim/index.ts';
import type { SimStoreState } from '../../../store/simStore.ts';
import { useSim } from '../../SimContext.tsx';
import { FAIL_REASON_LABELS, formatCount, formatRate } from '../format.ts';

const selOutcome = (s: SimStoreState) => s.snapshot?.outcome ?? null;

interface CounterProps {
  label: string;
  value: number;
  testId: string;
  /** A loss: marked when above zero. */
  bad?: boolean;
  detail?: string;
}

function Counter({ label, value, testId, bad, detail }: CounterProps) {
  const alarming = bad && value > 0;
  return (
    <div className={alarming ? 'counter counter-bad' : 'counter'}>
      <dt>{label}</dt>
      <dd data-testid={testId}>
        {alarming && <span aria-hidden="true">✖ </span>}
        {formatCount(value)}
        {detail && <span className="counter-detail"> {detail}</span>}
      </dd>
    </div>
  );
}

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
      <dl className="counters">
        <Counter label="Requests ok" value={o.requests.ok} testId="counter-requests-ok" />
        <Counter
          label="Requests failed"
          value={o.requests.failed}
          testId="counter-requests-failed"
          bad
        />
        <Counter
          label="Sessions created"
          value={o.sessions.created}
          testId="counter-sessions-created"
        />
        <Counter label="Sessions lost" value={o.sessions.lost} testId="counter-sessions-lost" bad />
        <Counter label="Cart items lost" value={o.cart.itemsLost} testId="counter-items-lost" bad />
        <Counter label="Stale reads" value={o.staleReads} testId="counter-stale-reads" bad />
        <Counter
          label="Checkouts completed"
          value={o.checkouts.completed}
          testId="counter-checkouts"
        />
        <Counter
          label="Checkouts failed"
          value={o.checkouts.failed}
          testId="counter-checkouts-failed"
          bad
        />
      </dl>
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
