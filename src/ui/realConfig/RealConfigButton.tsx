/** Opens the real-configuration view (loaded on demand: most visitors never need it). */
import { lazy, Suspense, useState } from 'react';

const RealConfigDialog = lazy(() =>
  import('./RealConfigDialog.tsx').then((m) => ({ default: m.RealConfigDialog })),
);

export function RealConfigButton({ label = 'See the real configuration' }: { label?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="real-config-button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
      >
        {label}
      </button>
      {open && (
        <Suspense fallback={null}>
          <RealConfigDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
