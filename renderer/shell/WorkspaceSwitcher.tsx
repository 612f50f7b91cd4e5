import { Link } from 'react-router-dom';
import type { WorkspaceSummary } from '../../shared/contract/workspace';
import { ErrorMessage } from '../components/ErrorMessage';
import { Popover } from '../components/Popover';
import { Badge, type Tone } from '../components/StatusBadge';
import { IconCheck, IconWarning } from '../components/icons';
import { useCall } from '../data/queries';
import { useSwitchWorkspace } from './workspace-change';

export const workspaceKindLabels: Record<WorkspaceSummary['kind'], string> = {
  demo: 'Demo',
  local: 'Local',
  file: 'File',
};

export const workspaceKindTones: Record<WorkspaceSummary['kind'], Tone> = {
  demo: 'demo',
  local: 'info',
  file: 'neutral',
};

export function WorkspaceSwitcher() {
  const workspace = useCall('workspace.get', {});
  const switchTo = useSwitchWorkspace();
  const state = workspace.data;

  const trigger = state ? (
    <>
      <span className="trigger-caption">Workspace</span>
      <span className="trigger-value">{state.current.name}</span>
      <Badge tone={workspaceKindTones[state.current.kind]}>
        {workspaceKindLabels[state.current.kind]}
      </Badge>
    </>
  ) : (
    <>
      <span className="trigger-caption">Workspace</span>
      <span className="trigger-value muted">{workspace.isError ? 'unavailable' : 'loading…'}</span>
    </>
  );

  return (
    <Popover
      trigger={trigger}
      triggerLabel={state ? `Workspace: ${state.current.name}. Switch workspace` : 'Workspace'}
      testId="workspace-switcher"
      panelLabel="Workspaces"
    >
      {(close) =>
        workspace.isError ? (
          <ErrorMessage error={workspace.error} onRetry={() => void workspace.refetch()} compact />
        ) : !state ? (
          <p className="muted menu-note">Loading workspaces…</p>
        ) : (
          <div role="menu" aria-label="Workspaces" className="menu">
            {state.available.map((w) => {
              const current = w.id === state.current.id;
              return (
                <button
                  key={w.id}
                  type="button"
                  role="menuitemradio"
                  aria-checked={current}
                  aria-disabled={w.error ? true : undefined}
                  className="menu-item"
                  data-testid={`workspace-option-${w.id}`}
                  onClick={() => {
                    if (w.error) return;
                    if (!current) switchTo.mutate(w.id);
                    close();
                  }}
                >
                  <span className="menu-item-check">{current && <IconCheck />}</span>
                  <span className="menu-item-text">
                    <span className="menu-item-main">
                      <span className="menu-item-name">{w.name}</span>
                      <Badge tone={workspaceKindTones[w.kind]}>{workspaceKindLabels[w.kind]}</Badge>
                    </span>
                    {w.path && <span className="menu-item-sub mono">{w.path}</span>}
                    {!w.path && w.description && (
                      <span className="menu-item-sub">{w.description}</span>
                    )}
                    {w.error && (
                      <span className="menu-item-error">
                        <IconWarning /> {w.error}
                      </span>
                    )}
                  </span>
                </button>
              );
            })}
            <div className="menu-separator" role="separator" />
            <Link to="/settings" className="menu-item menu-link" role="menuitem" onClick={close}>
              Manage workspaces…
            </Link>
          </div>
        )
      }
    </Popover>
  );
}
