/** "Save as SVG" / "Save as PNG" for one part of the page (the topology, a chart panel). */
import { useState, type RefObject } from 'react';
import { exportPicture, type PictureFormat } from './exportPicture.ts';
import { isStaleBuildError, reportStaleBuild } from '../staleBuildSignal.ts';

export function ExportPictureButtons({
  target,
  name,
  label,
}: {
  target: RefObject<HTMLElement | null>;
  /** File name part, e.g. "topology". */
  name: string;
  /** What is saved, for the accessible names, e.g. "the system picture". */
  label: string;
}) {
  const [status, setStatus] = useState('');
  const run = async (format: PictureFormat) => {
    const el = target.current;
    if (!el) return;
    try {
      setStatus(`Saved ${await exportPicture(el, name, format)}.`);
    } catch (e) {
      if (isStaleBuildError(e)) {
        reportStaleBuild();
        setStatus('A new version of Statecraft was published: reload to save pictures.');
      } else {
        setStatus('The picture could not be made in this browser.');
      }
    }
  };
  return (
    <span className="export-picture" data-export-skip="true">
      <button type="button" aria-label={`Save ${label} as SVG`} onClick={() => void run('svg')}>
        SVG
      </button>
      <button type="button" aria-label={`Save ${label} as PNG`} onClick={() => void run('png')}>
        PNG
      </button>
      <span role="status" className="sr-only">
        {status}
      </span>
    </span>
  );
}
