/** Opens the Embed dialog (loaded on demand: most visitors never need it). */
import { lazy, Suspense, useState } from 'react';
import { PartBoundary } from '../update/PartBoundary.tsx';

const EmbedDialog = lazy(() =>
  import('./EmbedDialog.tsx').then((m) => ({ default: m.EmbedDialog })),
);

export function EmbedButton({ playground }: { playground: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Embed
      </button>
      {open && (
        <PartBoundary
          name="the Embed dialog"
          kind="dialog"
          playground={playground}
          onDismiss={() => setOpen(false)}
        >
          <Suspense fallback={null}>
            <EmbedDialog onClose={() => setOpen(false)} />
          </Suspense>
        </PartBoundary>
      )}
    </>
  );
}
