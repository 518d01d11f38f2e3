/** Load-balancing algorithm and stickiness, changed live by commands. */
import { useState } from 'react';
import { ALGORITHMS, type Algorithm, type StickyMethod } from '../../../sim/index.ts';
import type { SimStoreState } from '../../../store/simStore.ts';
import { perform } from '../../../app/commands.ts';
import { useCommandHost } from '../../RunContext.tsx';
import { useSim } from '../../SimContext.tsx';
import { StickySwitch } from './StickySwitch.tsx';

type Method = Exclude<StickyMethod, 'none'>;
const METHODS: { value: Method; label: string }[] = [
  { value: 'cookie', label: 'cookie' },
  { value: 'ip-hash', label: 'ip-hash' },
  { value: 'hash-mod-n', label: 'hash-mod-n (session id mod N)' },
  { value: 'consistent-hash', label: 'consistent-hash (ring)' },
];
/** Which real load balancer each method behaves like, and what a crash does (docs/model.md). */
const FOLLOWS: Record<Method, string> = {
  cookie: 'Like an HAProxy inserted cookie: users keep their server; a crash moves only its users.',
  'ip-hash':
    'Like nginx ip_hash: a crash moves only the dead server’s clients; a new server moves most.',
  'hash-mod-n':
    'Like HAProxy map-based hashing: a crash or a new server changes N and moves most users.',
  'consistent-hash':
    'Like HAProxy hash-type consistent: a crash or a new server moves about 1/(N + 1).',
};

const ALGORITHM_LABELS: Record<Algorithm, string> = {
  'round-robin': 'round-robin',
  'least-connections': 'least-connections',
  random: 'random',
};

const selSticky = (s: SimStoreState) => s.snapshot?.sticky ?? 'none';
const selAlgorithm = (s: SimStoreState) => s.snapshot?.algorithm ?? 'round-robin';

export function LoadBalancerControls() {
  const sticky = useSim(selSticky);
  const algorithm = useSim(selAlgorithm);
  const host = useCommandHost();
  // The method to use when stickiness is switched on (remembered while it is off).
  const [chosen, setChosen] = useState<Method>('cookie');
  const method: Method = sticky === 'none' ? chosen : sticky;

  return (
    <fieldset className="panel-group">
      <legend>Load balancer</legend>
      <label className="field">
        <span>Load balancer algorithm</span>
        <select
          value={algorithm}
          onChange={(e) =>
            void perform('set-algorithm', host, { algorithm: e.target.value as Algorithm })
          }
        >
          {ALGORITHMS.map((a) => (
            <option key={a} value={a}>
              {ALGORITHM_LABELS[a]}
            </option>
          ))}
        </select>
      </label>
      <StickySwitch method={method} />
      <label className="field">
        <span>Stickiness method</span>
        <select
          value={method}
          aria-describedby={sticky === 'none' ? 'method-hint method-follows' : 'method-follows'}
          onChange={(e) => {
            const m = e.target.value as Method;
            setChosen(m);
            if (sticky !== 'none') void perform('set-sticky', host, { sticky: m });
          }}
        >
          {METHODS.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      {sticky === 'none' && (
        <p id="method-hint" className="hint">
          Used when sticky sessions are on.
        </p>
      )}
      <p id="method-follows" className="hint">
        {FOLLOWS[method]}
      </p>
    </fieldset>
  );
}
