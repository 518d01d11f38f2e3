/** "Reload (your run is kept)": the one way out after a deploy or a broken part. */
import { useContext } from 'react';
import { SimContext } from '../SimContext.tsx';
import { canKeepRun, reloadKeepingRun } from './staleBuild.ts';

export function ReloadButton({ playground }: { playground: boolean }) {
  const session = useContext(SimContext);
  const keeps = canKeepRun(session, playground);
  return (
    <button type="button" onClick={() => void reloadKeepingRun(session, playground)}>
      {keeps ? 'Reload (your run is kept)' : 'Reload (this run is too long to keep)'}
    </button>
  );
}
