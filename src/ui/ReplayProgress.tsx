/**
 * Shows a long replay's progress bar (ReplayProgressBar.tsx, loaded the first time a replay
 * reports progress) while the engine works through simulated time. If the bar cannot load
 * (e.g. the files changed under an open tab), the page is kept and says so (PartBoundary);
 * the replay then ends on its own, without a Cancel.
 */
import { lazy, Suspense } from 'react';
import { useSim } from './SimContext.tsx';
import { PartBoundary } from './update/PartBoundary.tsx';

const Bar = lazy(() =>
  import('./ReplayProgressBar.tsx').then((m) => ({ default: m.ReplayProgressBar })),
);

export function ReplayProgress() {
  const replaying = useSim((s) => s.replay !== null);
  if (!replaying) return null;
  return (
    <PartBoundary name="the replay progress" kind="dialog" playground={false}>
      <Suspense fallback={null}>
        <Bar />
      </Suspense>
    </PartBoundary>
  );
}
