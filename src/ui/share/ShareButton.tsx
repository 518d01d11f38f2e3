/** Copies a link that reproduces the exact run on screen (scenario, seed, commands, time). */
import { useState } from 'react';
import { PRESET_NAMES } from '../../sim/index.ts';
import { useSimSession } from '../SimContext.tsx';
import { encodeRun } from './shareLink.ts';

export function ShareButton() {
  const session = useSimSession();
  const [status, setStatus] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);

  const share = async () => {
    const s = session.store.getState();
    if (!s.scenario || !s.snapshot) return;
    const name = s.scenario.name ?? '';
    const fragment = await encodeRun({
      scenario: s.scenario,
      preset: PRESET_NAMES.includes(name) ? name : null,
      commands: s.snapshot.liveCommands,
      atMs: s.snapshot.tMs,
      speed: s.speed,
    });
    const url = new URL(window.location.href);
    url.hash = fragment;
    for (const k of ['preset', 'seed', 'lesson', 'step']) url.searchParams.delete(k);
    const text = url.toString();
    setLink(text);
    try {
      await navigator.clipboard.writeText(text);
      setStatus(
        `Link copied (${text.length} characters). It replays this run to ${(s.snapshot.tMs / 1000).toFixed(1)} s.`,
      );
    } catch {
      setStatus('Copy the link below: it replays this run exactly.');
    }
  };

  return (
    <div className="share">
      <button type="button" onClick={() => void share()}>
        Share
      </button>
      {status && (
        <p className="share-status" role="status">
          {status}
        </p>
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
