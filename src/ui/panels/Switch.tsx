/** The header's on/off switch (theme, motion, text size): a button with role="switch". */
export interface SwitchProps {
  label: string;
  checked: boolean;
  onToggle: () => void;
  /** Extra class naming the switch, for styles and tests. */
  className: string;
  /** The key that toggles it too, announced as aria-keyshortcuts. */
  shortcut?: string;
}

export function Switch({ label, checked, onToggle, className, shortcut }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-keyshortcuts={shortcut}
      className={`switch ${className}`}
      onClick={onToggle}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span className="switch-text">{label}</span>
    </button>
  );
}
