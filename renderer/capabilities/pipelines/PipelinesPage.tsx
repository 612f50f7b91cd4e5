// Pipeline runs of every selected cluster: painted at once from the last-known runs, then live;
// changes arrive over the event stream. Filters and sort are local; the selected run is in the
// address (`?run=`) so it survives a reload and can be shared.
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ClusterState, PipelineRun } from '../../../shared/contract/pipelines';
import { FreshPanel } from '../../components/FreshPanel';
import { Badge } from '../../components/StatusBadge';
import { formatClock } from '../../components/time';
import { useFreshCall } from '../../data/fresh';
import { RunDetail } from './RunDetail';
import { RunsTable } from './RunsTable';
import {
  clusterId,
  filterOptions,
  filterRuns,
  noFilters,
  sortRuns,
  type RunFilters,
  type RunSort,
  type SortKey,
} from './runs-view';
import './pipelines.css';

const windows = [
  { hours: 0, label: 'Any time' },
  { hours: 1, label: 'Last hour' },
  { hours: 24, label: 'Last 24 h' },
  { hours: 72, label: 'Last 3 days' },
  { hours: 168, label: 'Last 7 days' },
];

export function PipelinesPage() {
  const fresh = useFreshCall('pipelines.runs', {});
  const [params, setParams] = useSearchParams();
  const selected = params.get('run') ?? undefined;
  const select = (id: string | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (id) next.set('run', id);
        else next.delete('run');
        return next;
      },
      { replace: true },
    );

  return (
    <div className="page pipelines-page">
      <header className="page-header">
        <div>
          <h1>Pipelines</h1>
          <p className="page-subtitle muted">
            Argo Workflows and Jobs across your selected clusters
          </p>
        </div>
      </header>
      <FreshPanel
        fresh={fresh}
        skeletonLines={8}
        emptyText="No Kubernetes cluster is selected in this workspace."
      >
        {(value) => (
          <PipelinesBody
            runs={value.runs}
            clusters={value.clusters}
            selected={selected}
            onSelect={select}
          />
        )}
      </FreshPanel>
    </div>
  );
}

function PipelinesBody({
  runs,
  clusters,
  selected,
  onSelect,
}: {
  runs: PipelineRun[];
  clusters: ClusterState[];
  selected: string | undefined;
  onSelect: (id: string | undefined) => void;
}) {
  const [filters, setFilters] = useState<RunFilters>(noFilters);
  const [sort, setSort] = useState<RunSort>({ key: 'start', desc: true });
  const options = useMemo(() => filterOptions(runs), [runs]);
  const shown = useMemo(() => sortRuns(filterRuns(runs, filters), sort), [runs, filters, sort]);
  const downClusters = useMemo(
    () => new Set(clusters.filter((c) => c.state === 'down').map(clusterId)),
    [clusters],
  );
  const failed = shown.filter((r) => r.status === 'Failed' || r.status === 'Error').length;
  const onSort = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: key !== 'status' }));
  const set = (patch: Partial<RunFilters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <>
      <ul className="cluster-states" aria-label="Clusters">
        {clusters.map((c) => (
          <li key={clusterId(c)} className={`cluster-state ${c.state}`} data-testid="cluster-state">
            <Badge tone={c.state === 'live' ? 'ok' : c.state === 'down' ? 'danger' : 'neutral'}>
              {c.context}: {c.state}
            </Badge>
            {c.state === 'down' && c.error && (
              <span className="muted">
                {' '}
                {c.asOf ? `showing runs as of ${formatClock(c.asOf)} — ` : ''}
                {c.error.message}
              </span>
            )}
            {c.problems.map((p) => (
              <span
                key={`${p.resource}/${p.namespace ?? ''}`}
                className="cluster-problem"
                role="note"
                data-testid="cluster-problem"
              >
                {' '}
                {/* A namespace the user may not read is said to be forbidden, never shown empty. */}
                {p.error.status ? `${p.error.status}: ` : ''}
                {p.error.message}
              </span>
            ))}
          </li>
        ))}
      </ul>
      <div className="runs-filters" role="group" aria-label="Filters">
        <Select
          label="Cluster"
          value={filters.cluster}
          onChange={(cluster) => set({ cluster })}
          options={clusters.map((c) => ({ value: clusterId(c), label: c.context }))}
        />
        <Select
          label="Namespace"
          value={filters.namespace}
          onChange={(namespace) => set({ namespace })}
          options={options.namespaces.map((v) => ({ value: v, label: v }))}
        />
        <Select
          label="Kind"
          value={filters.kind}
          onChange={(kind) => set({ kind })}
          options={options.kinds.map((v) => ({ value: v, label: v }))}
        />
        <Select
          label="Status"
          value={filters.status}
          onChange={(status) => set({ status })}
          options={options.statuses.map((v) => ({ value: v, label: v }))}
        />
        <Select
          label="Model"
          value={filters.model}
          onChange={(model) => set({ model })}
          options={options.models.map((v) => ({ value: v, label: v }))}
        />
        <label className="runs-filter">
          <span>Started</span>
          <select
            value={filters.windowHours}
            onChange={(e) => set({ windowHours: Number(e.target.value) })}
          >
            {windows.map((w) => (
              <option key={w.hours} value={w.hours}>
                {w.label}
              </option>
            ))}
          </select>
        </label>
        <span className="muted runs-count" data-testid="runs-count">
          {shown.length} of {runs.length} runs · {failed} failed
        </span>
      </div>
      <div className={`pipelines-split${selected ? ' with-detail' : ''}`}>
        {shown.length === 0 ? (
          <p className="muted empty-runs">
            {runs.length === 0
              ? 'No pipeline runs on the selected clusters.'
              : 'No run matches these filters.'}
          </p>
        ) : (
          <RunsTable
            runs={shown}
            sort={sort}
            onSort={onSort}
            selected={selected}
            onSelect={onSelect}
            downClusters={downClusters}
          />
        )}
        {selected && <RunDetail key={selected} id={selected} onClose={() => onSelect(undefined)} />}
      </div>
    </>
  );
}

function Select({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="runs-filter">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
