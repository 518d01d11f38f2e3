/** A one-paragraph answer to "what am I looking at?" for someone who just arrived. */
import type { SimStoreState } from '../../store/simStore.ts';
import { useSim } from '../SimContext.tsx';

const selStory = (s: SimStoreState) => s.scenario?.name === 'first-crash';

export function Intro() {
  const story = useSim(selStory);
  return (
    <details className="panel intro" open>
      <summary>
        <h2>What am I looking at?</h2>
      </summary>
      <p>
        Each dot is a request travelling from a user’s browser through the load balancer to one of
        the app servers and back. <strong>State</strong> is what the system must remember between
        requests — here, that you are logged in and what is in your cart. In the <em>in-memory</em>{' '}
        architecture that memory lives inside one server, so the load balancer uses{' '}
        <strong>sticky sessions</strong> to send you back to the server that knows you. That works
        until the server dies: its memory, and every session in it, dies with it, and its users are
        logged out with empty carts. Move the sessions to a shared <em>session store</em> (or into a
        signed <em>JWT</em> the browser carries) and any server can answer any request. Try it: kill
        a server, then switch the architecture to session-store and kill one again.
      </p>
      {story && (
        <p className="intro-story">
          <strong>Watch now:</strong> at 20 s server 2 crashes by itself. The users whose sessions
          lived there are logged out (their avatars get a red mark) and lose their carts; it comes
          back empty at 45 s.
        </p>
      )}
    </details>
  );
}
