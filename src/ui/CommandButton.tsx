/**
 * A button for one registry command: its icon and label, disabled with the registry's reason
 * as its title when the command cannot be performed now. `extra` adds words for screen
 * readers (e.g. " in every pane").
 */
import type { ArgList, CommandId } from '../app/commands.ts';
import { command } from '../app/commands.ts';
import { Icon } from './panels/Icon.tsx';
import { useCommand, useRun } from './RunContext.tsx';

interface Props<Id extends CommandId> {
  id: Id;
  args?: ArgList<Id>;
  className?: string;
  /** Read after the label by screen readers only. */
  extra?: string;
  title?: string | undefined;
  pressed?: boolean;
}

export function CommandButton<Id extends CommandId>({
  id,
  args,
  className = 'btn',
  extra,
  title,
  pressed,
}: Props<Id>) {
  const run = useRun();
  const c = useCommand(id, ...((args ?? []) as ArgList<Id>));
  const icon = command(id).icon;
  const a = c.availability;
  const everyPane = extra ?? (run.kind === 'compare' && isFault(id) ? ' in every pane' : '');
  return (
    <button
      type="button"
      className={className || undefined}
      disabled={!a.ok}
      aria-pressed={pressed}
      title={!a.ok ? a.reason : title}
      onClick={c.perform}
    >
      {icon && <Icon name={icon} />} {c.label}
      {everyPane && <span className="sr-only">{everyPane}</span>}
    </button>
  );
}

function isFault(id: CommandId): boolean {
  return id !== 'play' && id !== 'pause' && id !== 'step' && id !== 'play-pause';
}
