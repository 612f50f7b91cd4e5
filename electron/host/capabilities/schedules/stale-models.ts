// "Stale model": the retraining pipeline of a model has not succeeded for longer than it should.
// The expected period is the schedule's own (the longest gap between due times) plus a run's
// allowance (its activeDeadlineSeconds, else half a period); the annotation
// `mlops-console/expected-period: 36h` on the CronJob/CronWorkflow overrides it.
import type { StaleModel } from '../../../../shared/contract/schedules';
import { expectedPeriodMs, parseDuration } from './schedule-math';
import type { ScheduleRow } from './schedule-rows';

export const expectedPeriodAnnotation = 'mlops-console/expected-period';

/** Pipelines that retrain a model: a `…/pipeline-type` label of training, or no such label. */
export function retrainsModel(row: ScheduleRow): boolean {
  if (!row.model) return false;
  const type = Object.entries(row.labels).find(([k]) => k.endsWith('pipeline-type'))?.[1];
  return type === undefined || ['training', 'retraining', 'train'].includes(type);
}

export function expectedPeriodFor(row: ScheduleRow, now: Date): number | undefined {
  const override = row.annotations[expectedPeriodAnnotation];
  if (override) {
    const ms = parseDuration(override);
    if (ms) return ms;
  }
  if (!row.spec || row.problem) return undefined;
  const period = expectedPeriodMs(row.spec, now);
  const allowance =
    row.spec.activeDeadlineSeconds !== undefined
      ? row.spec.activeDeadlineSeconds * 1000
      : period / 2;
  return period + allowance;
}

export function staleModels(rows: ScheduleRow[], now: Date): StaleModel[] {
  const stale: StaleModel[] = [];
  for (const row of rows) {
    if (!retrainsModel(row) || !row.model) continue;
    const expected = expectedPeriodFor(row, now);
    if (!expected) continue;
    // Never succeeded: counted from when the schedule was created.
    const from = row.lastSuccessful ?? row.createdAt;
    if (!from) continue;
    const staleAt = new Date(from).getTime() + expected;
    if (now.getTime() <= staleAt) continue;
    stale.push({
      model: row.model,
      scheduleId: row.id,
      schedule: row.name,
      connection: row.connection,
      context: row.context,
      namespace: row.namespace,
      ...(row.lastSuccessful ? { lastSuccessful: row.lastSuccessful } : {}),
      expectedPeriodMs: expected,
      staleSince: new Date(staleAt).toISOString(),
      summary: row.lastSuccessful
        ? `${row.name} last succeeded ${formatAge(now.getTime() - new Date(row.lastSuccessful).getTime())} ago; expected within ${formatAge(expected)}${row.suspended ? ' (schedule suspended)' : ''}`
        : `${row.name} has never succeeded; expected within ${formatAge(expected)}`,
    });
  }
  return stale;
}

export function formatAge(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours}h${minutes % 60}m` : `${hours}h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days}d${hours % 24}h` : `${days}d`;
}
