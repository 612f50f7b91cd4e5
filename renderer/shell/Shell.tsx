// The frame around every page: navigation, top bar with the switchers, banners, shortcuts.
import { useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { StreamState } from '../transport/types';
import { DemoBanner } from './DemoBanner';
import { Nav } from './Nav';
import { ShortcutsDialog } from './ShortcutsDialog';
import { StreamBanner } from './StreamBanner';
import { TopBar } from './TopBar';
import { useShortcuts } from './shortcuts';
import './shell.css';

export function Shell({ stream, children }: { stream: StreamState; children: ReactNode }) {
  const navigate = useNavigate();
  const main = useRef<HTMLElement>(null);
  const [showShortcuts, setShowShortcuts] = useState(false);
  useShortcuts({ go: (path) => navigate(path), help: () => setShowShortcuts(true) });

  return (
    <div className="shell">
      {/* A button-like link: with HashRouter a real #fragment would be taken for a route. */}
      <a
        href="#main-content"
        className="skip-link"
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">MLOps Console</span>
        </div>
        <Nav />
      </aside>
      <div className="workarea">
        <DemoBanner />
        <StreamBanner state={stream} />
        <TopBar onShowShortcuts={() => setShowShortcuts(true)} />
        <main id="main-content" className="main" ref={main} tabIndex={-1}>
          {children}
        </main>
      </div>
      <ShortcutsDialog open={showShortcuts} onClose={() => setShowShortcuts(false)} />
    </div>
  );
}
