/**
 * A list of counters, as the metrics panel shows them: a label, a number and an optional
 * detail each. Losses carry a ✖ mark when above zero, so they do not depend on colour. The
 * shop's counters and the chat's use the same list.
 */
import { formatCount } from '../format.ts';

export interface CounterItem {
  label: string;
  value: number;
  testId: string;
  /** A loss: marked when above zero. */
  bad?: boolean;
  detail?: string;
}

export function CounterList({ items }: { items: readonly CounterItem[] }) {
  return (
    <dl className="counters">
      {items.map(({ label, value, testId, bad, detail }) => {
        const alarming = bad && value > 0;
        return (
          <div key={testId} className={alarming ? 'counter counter-bad' : 'counter'}>
            <dt>{label}</dt>
            <dd data-testid={testId}>
              {alarming && <span aria-hidden="true">✖ </span>}
              {formatCount(value)}
              {detail && <span className="counter-detail"> {detail}</span>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
