/**
 * Copies a link that reproduces the exact run on screen (scenario, seed, commands, time).
 * When no link can (too many commands, too heavy to replay, too long), it says so and offers
 * the scenario file instead: a link that opened another run would be worse than none.
 */
import { useState } from 'react';
import { useSimSession } from '../SimContext.tsx';
import { currentRun, runLink } from './runLink.ts';
import { downloadScenario } from './scenarioExport.ts';

export function ShareButton() {
  const session = useSimSession();
  const [status, setStatus] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [offerFile, setOfferFile] = useState(false);

  const share = async () => {
    const run = currentRun(session.store.getState());
    if (!run) return;
    const made = await runLink(run, window.location.href);
    if (!made.ok) {
      setLink(null);
      setOfferFile(true);
      setStatus(`${made.reason} A link would not replay it, so save the scenario file instead.`);
      return;
    }
    setOfferFile(false);
    setLink(made.url);
    try {
      await navigator.clipboard.writeText(made.url);
      setStatus(
        `Link copied (${made.url.length} characters). It replays this run to ${(made.atMs / 1000).toFixed(1)} s.`,
      );
    } catch {
      setStatus('Copy the link below: it replays this run exactly.');
    }
  };

  const saveFile = () => {
    const run = currentRun(session.store.getState());
    if (!run) return;
    setStatus(
      `Saved ${downloadScenario(run.scenario, run.commands)}: import it to replay the run.`,
    );
    setOfferFile(false);
  };

  return (
    <div className="share">
      <button type="button" onClick={() => void share()}>
        Share
      </button>
      {status && !offerFile && (
        <p className="share-status" role="status">
          {status}
        </p>
      )}
      {status && offerFile && (
        <div className="share-status">
          <p role="status">{status}</p>
          <button type="button" onClick={saveFile}>
            Save scenario file
          </button>
        </div>
      )}
      {link && (
        <input
          className="share-link"
          aria-label="Share link"
          readOnly
          value={link}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}
