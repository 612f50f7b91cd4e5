import { AboutSection } from './AboutSection';
import { AppearanceSection } from './AppearanceSection';
import { AuditSection } from './AuditSection';
import { ConnectionsSection } from './connections/ConnectionsSection';
import { WorkspacesSection } from './WorkspacesSection';
import './settings.css';

const sections = [
  { id: 'settings-connections', label: 'Connections' },
  { id: 'settings-workspaces', label: 'Workspaces' },
  { id: 'settings-appearance', label: 'Appearance' },
  { id: 'settings-audit', label: 'Audit log' },
  { id: 'settings-about', label: 'About' },
];

export function SettingsPage() {
  return (
    <div className="page settings-page">
      <header className="page-header">
        <h1>Settings</h1>
      </header>
      <div className="settings-layout">
        {/* Buttons, not #links: with HashRouter a fragment would be read as a route. */}
        <nav className="settings-index" aria-label="Settings sections">
          <ul>
            {sections.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="settings-index-link"
                  onClick={() => {
                    const target = document.getElementById(s.id);
                    target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
                    target?.querySelector<HTMLElement>('h2')?.focus();
                  }}
                >
                  {s.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="settings-sections">
          <ConnectionsSection />
          <WorkspacesSection />
          <AppearanceSection />
          <AuditSection />
          <AboutSection />
        </div>
      </div>
    </div>
  );
}
