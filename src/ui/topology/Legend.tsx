/** What the marks on the topology mean: dots, rings and bursts (or rates, in reduced motion). */
import { useReducedMotion } from './useReducedMotion.ts';

/** A legend entry's words: in full, or short on a narrow picture (CSS picks one). */
function Words({ long, short }: { long: string; short: string }) {
  return (
    <>
      <span className="lg-long">{long}</span>
      <span className="lg-short">{short}</span>
    </>
  );
}

export function Legend() {
  const reduced = useReducedMotion();
  return (
    <ul className="topo-legend" aria-label="Legend">
      {reduced ? (
        <>
          <li>
            <span className="lg-rate" aria-hidden="true">
              12/s
            </span>
            <Words long="requests per second" short="req/s" />
          </li>
          <li>
            <span className="lg-rate is-bad" aria-hidden="true">
              ✕
            </span>
            <Words long="failures per second" short="fails/s" />
          </li>
          <li>
            <span className="lg-mark" aria-hidden="true">
              A
            </span>
            <Words long="a user’s latest link (faint: earlier)" short="latest link" />
          </li>
        </>
      ) : (
        <>
          <li>
            <span className="lg-dot" aria-hidden="true" />
            <Words long="request (colour = user)" short="a user’s request" />
          </li>
          <li>
            <span className="lg-ring" aria-hidden="true" />
            <Words long="failed response" short="failed" />
          </li>
        </>
      )}
    </ul>
  );
}
