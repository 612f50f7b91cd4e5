// The GPUs page: the fleet (per node and GPU, with the pod holding each), allocated-but-idle GPUs
// with their cost, cost per namespace and pipeline, inference health, and utilisation over time.
import { useSearchParams } from 'react-router-dom';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Skeleton } from '../../components/Skeleton';
import { useCall } from '../../data/queries';
import { CostView } from './CostView';
import { FleetView } from './FleetView';
import { InferenceView } from './InferenceView';
import './monitoring.css';

const tabs = [
  { id: 'fleet', label: 'GPUs' },
  { id: 'cost', label: 'Idle & cost' },
  { id: 'inference', label: 'Inference health' },
] as const;
type Tab = (typeof tabs)[number]['id'];

export function MonitoringPage() {
  const [params, setParams] = useSearchParams();
  const tab: Tab = tabs.find((t) => t.id === params.get('tab'))?.id ?? 'fleet';
  const connections = useCall('connections.list', {});
  const prometheus = connections.data?.connections.find((c) => c.connection.kind === 'prometheus');

  return (
    <div className="page monitoring-page">
      <header className="page-header">
        <div>
          <h1>GPUs</h1>
          <p className="page-subtitle">
            {prometheus ? (
              <>
                {prometheus.connection.name} ·{' '}
                <span className="mono">{prometheus.connection.id}</span>
              </>
            ) : (
              ' '
            )}
          </p>
        </div>
      </header>
      <div className="monitoring-tabs" role="tablist" aria-label="GPU views">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            className="button small"
            aria-selected={tab === t.id}
            data-testid={`gpus-tab-${t.id}`}
            onClick={() => setParams(t.id === 'fleet' ? {} : { tab: t.id }, { replace: true })}
          >
            {t.label}
          </button>
        ))}
      </div>
      {connections.isPending ? (
        <Skeleton lines={5} label="Loading connections" />
      ) : connections.isError ? (
        <ErrorMessage error={connections.error} onRetry={() => void connections.refetch()} />
      ) : !prometheus ? (
        <div className="empty-state">
          <h2>No metrics store in this workspace</h2>
          <p className="muted">
            Add a Prometheus connection in Settings (or set CONSOLE_PROMETHEUS_URL) to see GPUs
            here.
          </p>
        </div>
      ) : tab === 'fleet' ? (
        <FleetView prometheus={prometheus.connection.id} />
      ) : tab === 'cost' ? (
        <CostView prometheus={prometheus.connection.id} />
      ) : (
        <InferenceView prometheus={prometheus.connection.id} />
      )}
    </div>
  );
}
