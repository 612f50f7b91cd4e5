import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { ErrorMessage } from '../../components/ErrorMessage';
import { IconRefresh } from '../../components/icons';
import { Skeleton } from '../../components/Skeleton';
import { MorningBrief } from '../brief/MorningBrief';
import { useCall } from '../../data/queries';
import { HeadlineTotals } from './HeadlineTotals';
import { SourceCard } from './SourceCard';
import './overview.css';

export function OverviewPage() {
  const client = useQueryClient();
  const workspace = useCall('workspace.get', {});
  const list = useCall('connections.list', {});

  const refresh = () => {
    void list.refetch();
    void client.invalidateQueries({
      predicate: (q) =>
        (q.queryKey[0] === 'sources.headline' || q.queryKey[0] === 'brief.get') &&
        (q.queryKey[1] as { from?: string } | undefined)?.from === 'live',
    });
  };

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Overview</h1>
          <p className="page-subtitle">
            {workspace.data ? workspace.data.current.name : ' '}
            {workspace.data?.current.description && (
              <span className="muted"> — {workspace.data.current.description}</span>
            )}
          </p>
        </div>
        <button type="button" className="button" onClick={refresh} disabled={list.isPending}>
          <IconRefresh /> Refresh
        </button>
      </header>

      {list.isPending ? (
        <div className="card-grid" aria-busy="true">
          {[0, 1, 2].map((i) => (
            <div className="card" key={i}>
              <Skeleton lines={4} label="Loading connections" />
            </div>
          ))}
        </div>
      ) : list.isError ? (
        <ErrorMessage
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : list.data.connections.length === 0 ? (
        <div className="empty-state">
          <h2>No connections in this workspace</h2>
          <p className="muted">
            Add a Kubernetes cluster, an MLflow registry, Prometheus or Alertmanager to see their
            figures here.
          </p>
          <Link className="button primary" to="/settings">
            Add a connection
          </Link>
        </div>
      ) : (
        <>
          <MorningBrief {...(workspace.data ? { workspace: workspace.data.current.name } : {})} />
          <HeadlineTotals connections={list.data.connections} />
          <div className="card-grid">
            {list.data.connections.map((view) => (
              <SourceCard key={view.connection.id} view={view} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
