/** Opens the Embed dialog (loaded on demand: most visitors never need it). */
import { lazy, Suspense, useState } from 'react';

const EmbedDialog = lazy(() =>
  import('./EmbedDialog.tsx').then((m) => ({ default: m.EmbedDialog })),
);

export function EmbedButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Embed
      </button>
      {open && (
        <Suspense fallback={null}>
          <EmbedDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
