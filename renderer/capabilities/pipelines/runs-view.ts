// Filtering, sorting and live merging of pipeline runs: plain functions, so the page stays a
// thin layer and 10,000 rows are handled in one pass each.
import type { QueryClient } from '@tanstack/react-query';
import type { CallOutput, EventPayload } from '../../../shared/contract';
import type {
  ClusterState,
  FailureKind,
  PipelineRun,
  PipelineRuns,
} from '../../../shared/contract/pipelines';
import { callKey } from '../../data/queries';

export interface RunFilters {
  cluster: string;
  namespace: string;
  kind: string;
  status: string;
  model: string;
  /** Hours back from now; 0 for all. */
  windowHours: number;
}

export const noFilters: RunFilters = {
  cluster: '',
  namespace: '',
  kind: '',
  status: '',
  model: '',
  windowHours: 0,
};

export type SortKey = 'start' | 'duration' | 'status';
export interface RunSort {
  key: SortKey;
  desc: boolean;
}

export const clusterLabel = (r: { connection: string; context: string }) => r.context;
export const clusterId = (r: { connection: string; context: string }) =>
  `${r.connection}/${r.context}`;

export function filterRuns(runs: PipelineRun[], f: RunFilters, now = Date.now()): PipelineRun[] {
  const since = f.windowHours > 0 ? now - f.windowHours * 3_600_000 : undefined;
  return runs.filter(
    (r) =>
      (!f.cluster || clusterId(r) === f.cluster) &&
      (!f.namespace || r.namespace === f.namespace) &&
      (!f.kind || r.kind === f.kind) &&
      (!f.status || r.status === f.status) &&
      (!f.model || r.model === f.model) &&
      (since === undefined || (r.startedAt !== undefined && Date.parse(r.startedAt) >= since)),
  );
}

const statusRank: Record<PipelineRun['status'], number> = {
  Failed: 0,
  Error: 1,
  Running: 2,
  Pending: 3,
  Unknown: 4,
  Succeeded: 5,
};

export function sortRuns(runs: PipelineRun[], sort: RunSort): PipelineRun[] {
  const value = (r: PipelineRun): number => {
    if (sort.key === 'start') return r.startedAt ? Date.parse(r.startedAt) : 0;
    if (sort.key === 'duration') return r.durationMs ?? -1;
    return statusRank[r.status];
  };
  const sign = sort.desc ? -1 : 1;
  // Keys worked out once per run, not per comparison (tens of thousands of date parses for
  // 5,000 runs); ties go by id in code-unit order, which ids (machine names) read fine in.
  const keyed = runs.map((run) => ({ run, key: value(run) }));
  keyed.sort(
    (a, b) => sign * (a.key - b.key) || (a.run.id < b.run.id ? -1 : a.run.id > b.run.id ? 1 : 0),
  );
  return keyed.map((k) => k.run);
}

/**
 * The distinct values a filter can take, sorted: one pass over the runs (this runs between a
 * cached page's answer and its paint, cold, for thousands of runs).
 */
export function filterOptions(runs: PipelineRun[]) {
  const namespaces = new Set<string>();
  const models = new Set<string>();
  const kinds = new Set<string>();
  const statuses = new Set<string>();
  for (const run of runs) {
    if (run.namespace) namespaces.add(run.namespace);
    if (run.model) models.add(run.model);
    if (run.kind) kinds.add(run.kind);
    if (run.status) statuses.add(run.status);
  }
  const sorted = (values: Set<string>) => [...values].sort();
  return {
    namespaces: sorted(namespaces),
    models: sorted(models),
    kinds: sorted(kinds),
    statuses: sorted(statuses),
  };
}

export const causeLabel: Record<FailureKind, string> = {
  OOMKilled: 'Out of memory',
  ImagePull: 'Image pull',
  BackoffLimitExceeded: 'Backoff limit',
  DeadlineExceeded: 'Deadline',
  Evicted: 'Evicted',
  Unschedulable: 'Unschedulable',
  QuotaExceeded: 'Quota exceeded',
  DataError: 'Data error',
  Other: 'Error',
};

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${m % 60}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

type RunsAnswer = CallOutput<'pipelines.runs'>;

/** Merges a batch of changes into runs (one pass; ids stay unique). */
export function mergeRuns(
  value: PipelineRuns,
  change: EventPayload<'pipelines.changed'>,
): PipelineRuns {
  const byId = new Map(value.runs.map((r) => [r.id, r]));
  for (const id of change.deletes) byId.delete(id);
  for (const run of change.upserts) byId.set(run.id, run);
  const clusters = new Map<string, ClusterState>(value.clusters.map((c) => [clusterId(c), c]));
  for (const c of change.clusters) clusters.set(clusterId(c), c);
  return { runs: [...byId.values()], clusters: [...clusters.values()] };
}

/** Lands a `pipelines.changed` batch in the live answer on screen, without a refetch. */
export function applyPipelinesChange(
  client: QueryClient,
  change: EventPayload<'pipelines.changed'>,
): void {
  client.setQueryData<RunsAnswer>(callKey('pipelines.runs', { from: 'live' }), (old) =>
    old?.value ? { ...old, value: mergeRuns(old.value, change) } : old,
  );
}
