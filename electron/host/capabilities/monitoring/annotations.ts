// What every time chart marks: promotions and rollbacks the console made (the audit log's `ok`
// outcomes) and pipeline runs that failed in the window (the clusters' last-known runs, as the
// pipelines watch keeps them). A cluster that cannot be read only loses its markers.
import type { ChartAnnotation } from '../../../../shared/contract/monitoring';
import type { PipelineRun } from '../../../../shared/contract/pipelines';
import type { Store } from '../../store';

const maxAnnotations = 200;

export function auditAnnotations(store: Store, from: number, to: number): ChartAnnotation[] {
  const out: ChartAnnotation[] = [];
  for (const action of ['model.promote', 'model.rollback'] as const) {
    const rows = store.audit.list({
      action,
      result: 'ok',
      since: new Date(from),
      until: new Date(to + 1),
      limit: maxAnnotations,
    });
    for (const row of rows) {
      out.push({
        at: Date.parse(row.at),
        kind: action === 'model.promote' ? 'promotion' : 'rollback',
        title: `${row.target}${describe(row.to) ? ` → ${describe(row.to)}` : ''}`,
        detail: `${row.actor}${row.reason ? `: ${row.reason}` : ''}`,
      });
    }
  }
  return out;
}

export function failureAnnotations(
  runs: PipelineRun[],
  from: number,
  to: number,
): ChartAnnotation[] {
  const out: ChartAnnotation[] = [];
  for (const run of runs) {
    if ((run.status !== 'Failed' && run.status !== 'Error') || !run.finishedAt) continue;
    const at = Date.parse(run.finishedAt);
    if (!(at >= from && at <= to)) continue;
    out.push({
      at,
      kind: 'pipeline-failure',
      title: `${run.namespace}/${run.name}`,
      ...(run.cause ? { detail: run.cause.summary } : {}),
    });
  }
  return out;
}

export function mergeAnnotations(...lists: ChartAnnotation[][]): ChartAnnotation[] {
  return lists
    .flat()
    .sort((a, b) => a.at - b.at)
    .slice(-maxAnnotations);
}

function describe(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'object' && 'version' in value)
    return `v${String((value as { version: unknown }).version)}`;
  return undefined;
}
