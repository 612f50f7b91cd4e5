import { useState } from 'react';
import type { ConnectionView } from '../../../../shared/contract/connections';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { IconPlus } from '../../../components/icons';
import { Skeleton } from '../../../components/Skeleton';
import { useCall } from '../../../data/queries';
import { ConnectionForm } from './ConnectionForm';
import { ConnectionRow } from './ConnectionRow';

type Editing = { mode: 'add' } | { mode: 'edit'; view: ConnectionView } | null;

export function ConnectionsSection() {
  const list = useCall('connections.list', {});
  const workspace = useCall('workspace.get', {});
  const [editing, setEditing] = useState<Editing>(null);
  const connections = list.data?.connections ?? [];
  const kube = connections.filter((c) => c.connection.kind === 'kubernetes');

  return (
    <section
      className="settings-section"
      id="settings-connections"
      aria-labelledby="settings-connections-title"
    >
      <header className="section-header">
        <div>
          <h2 id="settings-connections-title" tabIndex={-1}>
            Connections
          </h2>
          <p className="muted">
            The sources of{' '}
            {workspace.data ? <strong>{workspace.data.current.name}</strong> : 'this workspace'}.
            Connections from a workspace file or your environment are changed there.
          </p>
        </div>
        <button
          type="button"
          className="button primary"
          data-testid="add-connection"
          disabled={editing?.mode === 'add'}
          onClick={() => setEditing({ mode: 'add' })}
        >
          <IconPlus /> Add connection
        </button>
      </header>

      {editing && (
        <ConnectionForm
          key={editing.mode === 'edit' ? editing.view.connection.id : 'new'}
          initial={editing.mode === 'edit' ? editing.view : undefined}
          kubeConnections={kube}
          onDone={() => setEditing(null)}
        />
      )}

      {list.isPending ? (
        <Skeleton lines={4} label="Loading connections" />
      ) : list.isError ? (
        <ErrorMessage
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : connections.length === 0 ? (
        <p className="muted empty-line">No connections yet.</p>
      ) : (
        <ul className="connection-list">
          {connections.map((view) => (
            <ConnectionRow
              key={view.connection.id}
              view={view}
              onEdit={() => setEditing({ mode: 'edit', view })}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
