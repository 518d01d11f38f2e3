/**
 * A one-paragraph answer to "what am I looking at?" for someone who just arrived: the shop's
 * story, or for a run of chat apps alone, the chat service's.
 */
import type { ReactNode } from 'react';
import type { SimStoreState } from '../../store/simStore.ts';
import { useSim } from '../SimContext.tsx';
import { selChatOnly } from './useWorkloadWords.ts';

const selStory = (s: SimStoreState) => s.scenario?.name === 'first-crash';
const selPolling = (s: SimStoreState) => (s.snapshot?.outcome.chat?.pollIntervalS ?? 0) > 0;

export function Intro() {
  const story = useSim(selStory);
  const chat = useSim(selChatOnly);
  const polling = useSim(selPolling);
  if (chat) return polling ? <PollingIntro /> : <ChatIntro />;
  return (
    <IntroPanel>
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
    </IntroPanel>
  );
}

function ChatIntro() {
  return (
    <IntroPanel>
      <p>
        A chat service. Each app holds one open WebSocket <strong>connection</strong> to one chat
        server, and that connection cannot move: it is state the server keeps by design. What can
        live elsewhere is the rest: who is online (presence) and the messages an app has not
        received yet. With presence only in each server’s memory, a server that dies takes its
        connections with it, and messages sent to its apps before they reconnect are lost. With
        presence and a queue per app in the <em>shared store</em>, apps reconnect to another server
        and get everything they missed. Try it: kill a server, then switch the architecture and kill
        one again.
      </p>
    </IntroPanel>
  );
}

function PollingIntro() {
  return (
    <IntroPanel>
      <p>
        A chat service whose apps <strong>poll</strong>: they hold no connection, and every few
        seconds each one asks any server for new messages with a plain request. The servers keep
        nothing; every message waits in the <em>shared store</em> until its recipient’s next poll. A
        dead server loses nothing, but each message waits about half a polling interval, and a poll
        that finds nothing new is still a request the servers must answer. Try it: kill a server and
        watch the messages still arrive.
      </p>
    </IntroPanel>
  );
}

function IntroPanel({ children }: { children: ReactNode }) {
  return (
    <details className="panel intro" open>
      <summary>
        <h2>What am I looking at?</h2>
      </summary>
      {children}
    </details>
  );
}
