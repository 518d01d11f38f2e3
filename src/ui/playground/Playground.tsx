/**
 * The playground: the running system on the left (topology with the timeline under it),
 * and on the right what you can do to it and what came of it.
 */
import { ControlsPanel } from '../panels/controls/ControlsPanel.tsx';
import { FollowCard } from '../panels/follow/FollowCard.tsx';
import { Announcer } from '../panels/log/Announcer.tsx';
import { EventLog } from '../panels/log/EventLog.tsx';
import { MetricsPanel } from '../panels/metrics/MetricsPanel.tsx';
import { Timeline } from '../panels/timeline/Timeline.tsx';
import { useSim } from '../SimContext.tsx';
import { PlaygroundPicture } from './PlaygroundPicture.tsx';
import { Intro } from './Intro.tsx';
import { OutcomeStrip } from './OutcomeStrip.tsx';
import { CompareLink } from '../compare/CompareLink.tsx';
import { ChatStrip } from '../panels/metrics/ChatStrip.tsx';
import '../panels/panels.css';
import './playground.css';
import { useWorkloadWords } from './useWorkloadWords.ts';

function TimelineUnlessLocked() {
  const locked = useSim((s) => s.locked.includes('timeline'));
  return locked ? null : <Timeline />;
}

export function Playground() {
  useWorkloadWords();
  return (
    <section className="playground" aria-labelledby="playground-title">
      <h1 id="playground-title" className="sr-only">
        Playground
      </h1>
      <div className="pg-stage">
        <PlaygroundPicture />
        <OutcomeStrip />
        <ChatStrip />
        <TimelineUnlessLocked />
      </div>
      <div className="pg-side">
        <div className="pg-col">
          <Intro />
          <CompareLink />
          <ControlsPanel />
          <FollowCard />
        </div>
        <div className="pg-col">
          <MetricsPanel />
          <EventLog />
        </div>
      </div>
      <Announcer />
    </section>
  );
}
