/** Messages the learner should see: ignored link parts, errors, engine fallbacks. */
import { useSim } from './SimContext.tsx';

export function Notices({ problems }: { problems: string[] }) {
  const error = useSim((s) => s.error);
  const notice = useSim((s) => s.notice);
  const dismissError = useSim((s) => s.dismissError);
  if (problems.length === 0 && !error && !notice) return null;
  return (
    <div className="notices">
      {problems.map((p) => (
        <p key={p} className="notice notice-warn" role="status">
          {p}
        </p>
      ))}
      {notice && (
        <p className="notice notice-info" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}{' '}
          <button type="button" onClick={dismissError}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
