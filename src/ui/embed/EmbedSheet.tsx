/**
 * The embedded playground's longer panels (controls, the full outcome, the event log, the
 * introduction) as tabs in one sheet, so the frame holds the picture instead of a tall stack.
 *
 * Tabs follow the WAI-ARIA tabs pattern: one tab stop, Left/Right/Home/End move and select,
 * each panel is labelled by its tab. In a narrow frame the sheet sits under the picture and
 * can be folded down to its tab bar (a disclosure button says whether it is open); in a wide
 * frame it is a column beside the picture and always open. Every panel stays mounted while
 * hidden, so a checkbox or a half-typed field keeps its value across tab changes.
 */
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useMediaQuery } from '../panels/hooks/useMediaQuery.ts';
import { nextTabIndex } from '../panels/tabKeys.ts';

export interface SheetTab {
  id: string;
  label: string;
  content: ReactNode;
}

/** Frames at least this wide put the sheet beside the picture (matches embedLayout.css). */
export const WIDE_FRAME_QUERY = '(min-width: 900px)';

export function EmbedSheet({ tabs, startOpen }: { tabs: SheetTab[]; startOpen: boolean }) {
  const base = useId();
  const [selected, setSelected] = useState(tabs[0]?.id ?? '');
  const [expanded, setExpanded] = useState(startOpen);
  const wide = useMediaQuery(WIDE_FRAME_QUERY);
  const open = wide || expanded;
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const bodyId = `${base}-body`;

  const select = (id: string, focus: boolean) => {
    setSelected(id);
    setExpanded(true);
    if (focus) tabRefs.current.get(id)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const to = nextTabIndex(
      e.key,
      tabs.findIndex((t) => t.id === selected),
      tabs.length,
    );
    if (to === null) return;
    e.preventDefault();
    select(tabs[to]!.id, true);
  };

  return (
    <div className={open ? 'embed-sheet is-open' : 'embed-sheet'}>
      <div className="embed-sheet-bar">
        <div
          className="embed-tabs"
          role="tablist"
          aria-label="Panels"
          aria-orientation="horizontal"
          onKeyDown={onKeyDown}
        >
          {tabs.map((t) => {
            const isSelected = t.id === selected;
            return (
              <button
                key={t.id}
                type="button"
                role="tab"
                id={`${base}-tab-${t.id}`}
                aria-selected={isSelected}
                aria-controls={`${base}-panel-${t.id}`}
                tabIndex={isSelected ? 0 : -1}
                ref={(el) => {
                  if (el) tabRefs.current.set(t.id, el);
                  else tabRefs.current.delete(t.id);
                }}
                onClick={() => select(t.id, false)}
              >
                {t.label}
              </button>
            );
          })}
        </div>
        {!wide && (
          <button
            type="button"
            className="embed-sheet-toggle"
            aria-expanded={expanded}
            aria-controls={bodyId}
            onClick={() => setExpanded((x) => !x)}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▴'}</span> {expanded ? 'Hide' : 'Show'}
            <span className="embed-toggle-word"> panels</span>
          </button>
        )}
      </div>
      <div className="embed-sheet-body" id={bodyId} hidden={!open}>
        {tabs.map((t) => (
          <div
            key={t.id}
            role="tabpanel"
            className="embed-tabpanel"
            id={`${base}-panel-${t.id}`}
            aria-labelledby={`${base}-tab-${t.id}`}
            hidden={t.id !== selected}
            tabIndex={0}
          >
            {t.content}
          </div>
        ))}
      </div>
    </div>
  );
}
