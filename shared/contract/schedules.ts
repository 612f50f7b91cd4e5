// Schedules: every CronJob and CronWorkflow of the selected clusters, with next run, last
// scheduled and last successful runs, whether a run was missed, and which models went stale
// because their retraining pipeline has not succeeded for longer than its expected period.
import * as z from 'zod';
import { call, freshness } from './core';
import { clusterState } from './pipelines';
import { fetchFrom } from './sources';

export const scheduleKind = z.enum(['CronJob', 'CronWorkflow']);

export const missedRun = z.object({
  /** not-started: a run was due and did not start; not-succeeded: it ran out of its window. */
  kind: z.enum(['not-started', 'not-succeeded']),
  /** When the missed run was due. */
  dueAt: z.string(),
  summary: z.string(),
});
export type MissedRun = z.infer<typeof missedRun>;

export const schedule = z.object({
  /** connection/context/kind/namespace/name */
  id: z.string(),
  connection: z.string(),
  context: z.string(),
  namespace: z.string(),
  name: z.string(),
  kind: scheduleKind,
  /** Cron expressions (a CronWorkflow may have several). */
  schedules: z.array(z.string()),
  timeZone: z.string().optional(),
  suspended: z.boolean(),
  nextRun: z.string().optional(),
  lastScheduled: z.string().optional(),
  lastSuccessful: z.string().optional(),
  model: z.string().optional(),
  missed: missedRun.optional(),
  /** A schedule the console could not read (bad cron expression, unknown time zone). */
  problem: z.string().optional(),
});
export type Schedule = z.infer<typeof schedule>;

export const staleModel = z.object({
  model: z.string(),
  /** The retraining schedule's id. */
  scheduleId: z.string(),
  schedule: z.string(),
  connection: z.string(),
  context: z.string(),
  namespace: z.string(),
  lastSuccessful: z.string().optional(),
  expectedPeriodMs: z.number(),
  /** Since when the model counts as stale. */
  staleSince: z.string(),
  summary: z.string(),
});
export type StaleModel = z.infer<typeof staleModel>;

export const scheduleView = z.object({
  schedules: z.array(schedule),
  staleModels: z.array(staleModel),
  clusters: z.array(clusterState),
});
export type ScheduleView = z.infer<typeof scheduleView>;

export const schedulesCalls = {
  'schedules.list': call({
    summary: 'CronJobs and CronWorkflows of every selected cluster, missed runs and stale models',
    input: z.object({ from: fetchFrom.default('live') }).strict(),
    output: z.object({ value: scheduleView.nullable(), freshness: freshness.nullable() }),
  }),
};
