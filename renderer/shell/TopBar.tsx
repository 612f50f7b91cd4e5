import { IconKeyboard } from '../components/icons';
import { ContextSwitcher } from './ContextSwitcher';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

export function TopBar({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  return (
    <header className="topbar">
      <WorkspaceSwitcher />
      <ContextSwitcher />
      <span className="topbar-spacer" />
      <button
        type="button"
        className="icon-button"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={onShowShortcuts}
      >
        <IconKeyboard />
      </button>
    </header>
  );
}
