/** Small inline icons for buttons (fonts on some systems lack the media-control glyphs). */
interface Part {
  d: string;
  /** Drawn as a 2 px line instead of filled. */
  line?: boolean;
}

const ICONS = {
  play: [{ d: 'M4 2.5v11l9-5.5z' }],
  pause: [{ d: 'M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z' }],
  step: [{ d: 'M2.5 2.5v11l7.5-5.5zM11 2.5h2.5v11H11z' }],
  reset: [{ d: 'M12.6 9.2A4.8 4.8 0 1 1 11 4.3', line: true }, { d: 'M14 1.5V7H8.5z' }],
  plus: [{ d: 'M8 3v10M3 8h10', line: true }],
  minus: [{ d: 'M3 8h10', line: true }],
  kill: [{ d: 'M3.5 3.5l9 9M12.5 3.5l-9 9', line: true }],
  bolt: [{ d: 'M9.5 1 3 9h4l-1 6 6.5-8h-4z' }],
} satisfies Record<string, Part[]>;

export type IconName = keyof typeof ICONS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      {ICONS[name].map((p: Part) =>
        p.line ? (
          <path key={p.d} d={p.d} fill="none" stroke="currentColor" strokeWidth="2" />
        ) : (
          <path key={p.d} d={p.d} fill="currentColor" />
        ),
      )}
    </svg>
  );
}
