/** The playground's system picture with its SVG/PNG export buttons (full app and embed alike). */
import { useRef } from 'react';
import { ExportPictureButtons } from '../share/ExportPictureButtons.tsx';
import { TopologyView } from '../topology/TopologyView.tsx';

export function PlaygroundPicture() {
  const topologyRef = useRef<HTMLDivElement>(null);
  return (
    <div className="pg-topology" role="region" aria-label="System picture" ref={topologyRef}>
      <TopologyView />
      <div className="pg-export">
        <ExportPictureButtons target={topologyRef} name="topology" label="the system picture" />
      </div>
    </div>
  );
}
