/**
 * The playground in embed chrome: one screen, the way the best embeddable simulations are
 * laid out. The picture, Play / Pause / Step and the key outcome counters fill the frame the
 * author chose; the longer panels (controls, the full outcome, the event log, the
 * introduction) sit in a tabbed sheet under the picture (narrow frames) or beside it (wide
 * frames), so the content's natural height is the frame's own height rather than a stack of
 * panels (see docs/embedding.md). The full app's layout is src/ui/playground/Playground.tsx.
 */
import { useRef } from 'react';
import { CompareLink } from '../compare/CompareLink.tsx';
import { ControlsPanel } from '../panels/controls/ControlsPanel.tsx';
import { RunControls } from '../panels/controls/RunControls.tsx';
import { FollowCard } from '../panels/follow/FollowCard.tsx';
import { Announcer } from '../panels/log/Announcer.tsx';
import { EventLog } from '../panels/log/EventLog.tsx';
import { ChatStrip } from '../panels/metrics/ChatStrip.tsx';
import { MetricsPanel } from '../panels/metrics/MetricsPanel.tsx';
import { Timeline } from '../panels/timeline/Timeline.tsx';
import { Intro } from '../playground/Intro.tsx';
import { OutcomeStrip } from '../playground/OutcomeStrip.tsx';
import { useSim } from '../SimContext.tsx';
import { PlaygroundPicture } from '../playground/PlaygroundPicture.tsx';
import { useWorkloadWords } from '../playground/useWorkloadWords.ts';
import { EmbedSheet, type SheetTab } from './EmbedSheet.tsx';
import '../panels/panels.css';
import '../playground/playground.css';
import './embedLayout.css';

/**
 * Frames at least this tall and this wide (CSS px) open with the sheet unfolded: there is room
 * for the picture and a panel. Shorter frames, and phone-width ones (where the picture is
 * drawn top to bottom and needs the height), open with the picture alone above the tab bar.
 */
const OPEN_SHEET_MIN_HEIGHT = 800;
const OPEN_SHEET_MIN_WIDTH = 600;

const TABS: SheetTab[] = [
  {
    id: 'controls',
    label: 'Controls',
    content: (
      <>
        <ControlsPanel withRun={false} />
        <FollowCard />
      </>
    ),
  },
  { id: 'outcome', label: 'Outcome', content: <MetricsPanel /> },
  { id: 'events', label: 'Events', content: <EventLog /> },
  {
    id: 'intro',
    label: 'Intro',
    content: (
      <>
        <Intro />
        <CompareLink />
      </>
    ),
  },
];

export function EmbedPlayground() {
  useWorkloadWords();
  const locked = useSim((s) => s.locked);
  // Read once: the layout keeps the frame's first height (--embed-h), like App.tsx.
  const startOpen = useRef(
    window.innerHeight >= OPEN_SHEET_MIN_HEIGHT && window.innerWidth >= OPEN_SHEET_MIN_WIDTH,
  ).current;
  return (
    <section className="embed-pg" aria-labelledby="playground-title">
      <h1 id="playground-title" className="sr-only">
        Playground
      </h1>
      <div className="embed-pg-stage">
        <PlaygroundPicture />
        <div className="embed-pg-bar">
          {!locked.includes('run') && <RunControls className="embed-run" />}
          <OutcomeStrip />
        </div>
        <ChatStrip />
        {!locked.includes('timeline') && <Timeline />}
      </div>
      <EmbedSheet tabs={TABS} startOpen={startOpen} />
      <Announcer />
    </section>
  );
}
