/**
 * The page header: the brand, the mode links, Share and Embed, and the tools (About, the
 * shortcuts "?" and the display switches: reduce motion, dark theme, large text). On a phone
 * the display switches fold into one "Display" menu, so the header takes at most two rows.
 */
import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { UrlOptions } from './urlOptions.ts';
import { EngineAbout } from './EngineStatus.tsx';
import { ThemeToggle } from './panels/ThemeToggle.tsx';
import { MotionToggle } from './panels/MotionToggle.tsx';
import { TextSizeToggle } from './textSize/TextSizeToggle.tsx';
import { ShareButton } from './share/ShareButton.tsx';
import { EmbedButton } from './embed/EmbedButton.tsx';
import { KeyboardShortcuts } from './help/KeyboardShortcuts.tsx';

/** The width (CSS px) up to which the switches sit in a menu; app.css uses the same. */
const PHONE_QUERY = '(max-width: 600px)';

function subscribePhone(onChange: () => void): () => void {
  const mq = window.matchMedia?.(PHONE_QUERY);
  mq?.addEventListener('change', onChange);
  return () => mq?.removeEventListener('change', onChange);
}

const isPhone = (): boolean => !!window.matchMedia?.(PHONE_QUERY).matches;

/** A disclosure that closes on Escape and on a click or tap outside it. */
function DisplayMenu({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: Event): void => {
      const el = ref.current;
      if (!el?.open) return;
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Escape') return;
        el.open = false;
        el.querySelector('summary')?.focus();
      } else if (!el.contains(e.target as Node)) el.open = false;
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  return (
    <details className="display-menu" ref={ref}>
      <summary>Display</summary>
      <div className="display-menu-body">{children}</div>
    </details>
  );
}

export function AppHeader({ options }: { options: UrlOptions }) {
  const phone = useSyncExternalStore(subscribePhone, isPhone);
  const switches = (
    <>
      <MotionToggle />
      <ThemeToggle />
      <TextSizeToggle />
    </>
  );
  return (
    <header className="app-header">
      <a className="brand" href="./">
        <img src="./favicon.svg" alt="" width="24" height="24" />
        <span className="brand-name">Statecraft</span>
      </a>
      <nav className="modes" aria-label="Modes">
        <a href="./" aria-current={options.mode === 'playground' ? 'page' : undefined}>
          Playground
        </a>
        <a href="?mode=lessons" aria-current={options.mode === 'lessons' ? 'page' : undefined}>
          Lessons
        </a>
        <a href="?mode=compare" aria-current={options.mode === 'compare' ? 'page' : undefined}>
          Compare
        </a>
      </nav>
      <p className="tagline">See where state lives — and what happens when it dies.</p>
      {options.mode === 'playground' && !options.lock.includes('share') && <ShareButton />}
      <EmbedButton playground={options.mode === 'playground'} />
      <div className="header-tools">
        {options.mode !== 'compare' && <EngineAbout />}
        <KeyboardShortcuts mode={options.mode} />
        {phone ? <DisplayMenu>{switches}</DisplayMenu> : switches}
      </div>
    </header>
  );
}
