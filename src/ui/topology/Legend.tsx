/** What the marks on the topology mean: dots, rings and bursts (or rates, in reduced motion). */
import { useReducedMotion } from './useReducedMotion.ts';

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
            requests per second
          </li>
          <li>
            <span className="lg-rate is-bad" aria-hidden="true">
              ✕
            </span>
            failures per second
          </li>
          <li>
            <span className="lg-mark" aria-hidden="true">
              A
            </span>
            a user&apos;s latest link (faint: earlier)
          </li>
        </>
      ) : (
        <>
          <li>
            <span className="lg-dot" aria-hidden="true" />
            request (colour = user)
          </li>
          <li>
            <span className="lg-ring" aria-hidden="true" />
            failed response
          </li>
        </>
      )}
    </ul>
  );
}
