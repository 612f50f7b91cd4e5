import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { WorkspaceState, WorkspaceSummary } from '../../../shared/contract/workspace';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field, controlProps } from '../../components/Field';
import { Badge } from '../../components/StatusBadge';
import { Skeleton } from '../../components/Skeleton';
import { useToasts } from '../../components/toasts';
import { callKey, useCall, useCallMutation } from '../../data/queries';
import { useSwitchWorkspace } from '../../shell/workspace-change';
import { workspaceKindLabels, workspaceKindTones } from '../../shell/WorkspaceSwitcher';

export function WorkspacesSection() {
  const client = useQueryClient();
  const toasts = useToasts();
  const workspace = useCall('workspace.get', {});
  const switchTo = useSwitchWorkspace();
  const [path, setPath] = useState('');
  const [removing, setRemoving] = useState<WorkspaceSummary | null>(null);
  const setState = (value: WorkspaceState) =>
    client.setQueryData(callKey('workspace.get', {}), value);

  const addFile = useCallMutation('workspace.addFile', { onSuccess: setState });
  const removeFile = useCallMutation('workspace.removeFile', {
    onSuccess: (state) => {
      setState(state);
      setRemoving(null);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const wanted = path.trim();
    if (!wanted) return;
    const known = new Set(workspace.data?.available.map((w) => w.id));
    addFile.mutate(
      { path: wanted },
      {
        onSuccess: (state) => {
          setPath('');
          // The host resolves the path; the new entry is the file workspace we did not have.
          const added = state.available.find((w) => w.kind === 'file' && !known.has(w.id));
          toasts.show(
            added?.error
              ? {
                  tone: 'warn',
                  title: 'Workspace file added, but it cannot be opened',
                  message: added.error,
                }
              : { tone: 'ok', title: 'Workspace file added' },
          );
        },
      },
    );
  }

  const state = workspace.data;
  return (
    <section
      className="settings-section"
      id="settings-workspaces"
      aria-labelledby="settings-workspaces-title"
    >
      <header className="section-header">
        <div>
          <h2 id="settings-workspaces-title" tabIndex={-1}>
            Workspaces
          </h2>
          <p className="muted">
            A workspace is a set of connections. Workspace files (YAML) can be shared with your
            team.
          </p>
        </div>
      </header>

      <form className="inline-form" onSubmit={submit}>
        <Field id="workspace-file-path" label="Workspace file">
          <input
            className="input mono"
            {...controlProps('workspace-file-path')}
            data-testid="workspace-file-path"
            value={path}
            placeholder="/home/me/team/console-workspace.yaml"
            spellCheck={false}
            onChange={(e) => {
              setPath(e.target.value);
              if (addFile.error) addFile.reset();
            }}
          />
        </Field>
        <button
          type="submit"
          className="button"
          data-testid="workspace-add-file"
          disabled={!path.trim() || addFile.isPending}
        >
          {addFile.isPending ? 'Adding…' : 'Add file'}
        </button>
      </form>
      {addFile.error && <ErrorMessage error={addFile.error} compact />}

      {workspace.isPending ? (
        <Skeleton lines={3} label="Loading workspaces" />
      ) : workspace.isError ? (
        <ErrorMessage error={workspace.error} onRetry={() => void workspace.refetch()} />
      ) : (
        <ul className="workspace-list">
          {state?.available.map((w) => {
            const current = w.id === state.current.id;
            return (
              <li key={w.id} className="workspace-row" data-testid={`workspace-row-${w.id}`}>
                <div className="workspace-main">
                  <div className="workspace-name">
                    <strong>{w.name}</strong>
                    <Badge tone={workspaceKindTones[w.kind]}>{workspaceKindLabels[w.kind]}</Badge>
                    {current && <Badge tone="accent">Open</Badge>}
                  </div>
                  {w.path && <span className="mono muted small">{w.path}</span>}
                  {w.description && <span className="muted small">{w.description}</span>}
                  {w.error && (
                    <pre className="workspace-error" data-testid={`workspace-error-${w.id}`}>
                      {w.error}
                    </pre>
                  )}
                </div>
                <div className="workspace-actions">
                  {!current && (
                    <button
                      type="button"
                      className="button small"
                      data-testid={`workspace-open-${w.id}`}
                      disabled={Boolean(w.error) || switchTo.isPending}
                      title={w.error ? 'Fix the file first' : undefined}
                      onClick={() => switchTo.mutate(w.id)}
                    >
                      Open
                    </button>
                  )}
                  {w.kind === 'file' && (
                    <button
                      type="button"
                      className="button small danger-ghost"
                      data-testid={`workspace-remove-${w.id}`}
                      onClick={() => setRemoving(w)}
                    >
                      Remove
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}

      <ConfirmDialog
        open={removing !== null}
        title="Forget this workspace file?"
        confirmLabel="Forget file"
        danger
        pending={removeFile.isPending}
        onCancel={() => {
          setRemoving(null);
          removeFile.reset();
        }}
        onConfirm={() => removing && removeFile.mutate({ id: removing.id })}
      >
        <p>
          The console stops offering <span className="mono">{removing?.path}</span>. The file itself
          is left alone.
        </p>
        {removeFile.error && <ErrorMessage error={removeFile.error} compact />}
      </ConfirmDialog>
    </section>
  );
}
