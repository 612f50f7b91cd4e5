// A CronJob or CronWorkflow, and the runs it produced, as a schedule row: next run, last
// scheduled, last successful, missed, and the model it retrains. Only what the view needs is read.
import type { PipelineRun } from '../../../../shared/contract/pipelines';
import type { Schedule } from '../../../../shared/contract/schedules';
import { modelLabel, type ClusterRef } from '../pipelines/normalize';
import { checkSchedule, findMissedRun, nextRun, type ScheduleSpec } from './schedule-math';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (o: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((at, key) => (isObj(at) ? at[key] : undefined), o);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const time = (v: unknown): Date | undefined => {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v;
  if (typeof v !== 'string') return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
};

export interface ScheduleObject {
  kind: Schedule['kind'];
  obj: unknown;
}

/** What a schedule row is built from, besides the object: its runs and the clock. */
export interface RowInput {
  ref: ClusterRef;
  runs: PipelineRun[];
  now: Date;
}

export interface ScheduleRow extends Schedule {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec?: ScheduleSpec;
  createdAt?: string;
}

export function scheduleSpecOf({ kind, obj }: ScheduleObject): ScheduleSpec {
  const spec = get(obj, 'spec');
  const many = get(spec, 'schedules');
  const expressions =
    kind === 'CronWorkflow' && Array.isArray(many) && many.length
      ? many.filter((s): s is string => typeof s === 'string')
      : [str(get(spec, 'schedule'))].filter((s): s is string => s !== undefined);
  const timeZone = str(kind === 'CronJob' ? get(spec, 'timeZone') : get(spec, 'timezone'));
  const starting = num(get(spec, 'startingDeadlineSeconds'));
  const active = num(
    kind === 'CronJob'
      ? get(spec, 'jobTemplate', 'spec', 'activeDeadlineSeconds')
      : get(spec, 'workflowSpec', 'activeDeadlineSeconds'),
  );
  return {
    expressions,
    ...(timeZone ? { timeZone } : {}),
    ...(starting !== undefined ? { startingDeadlineSeconds: starting } : {}),
    ...(active !== undefined ? { activeDeadlineSeconds: active } : {}),
  };
}

export function scheduleRow(source: ScheduleObject, input: RowInput): ScheduleRow | undefined {
  const { obj, kind } = source;
  const name = str(get(obj, 'metadata', 'name'));
  if (!name) return undefined;
  const namespace = str(get(obj, 'metadata', 'namespace')) ?? '';
  const labels = (get(obj, 'metadata', 'labels') ?? {}) as Record<string, string>;
  const annotations = (get(obj, 'metadata', 'annotations') ?? {}) as Record<string, string>;
  const createdAt = time(get(obj, 'metadata', 'creationTimestamp'));
  const spec = scheduleSpecOf(source);
  const suspended = get(obj, 'spec', 'suspend') === true;
  const runKind = kind === 'CronJob' ? 'Job' : 'Workflow';
  const runs = input.runs.filter(
    (r) =>
      r.kind === runKind &&
      r.namespace === namespace &&
      r.owner?.kind === kind &&
      r.owner.name === name &&
      r.context === input.ref.context &&
      r.connection === input.ref.connection,
  );
  const latestStart = latest(runs.map((r) => time(r.startedAt)));
  const lastScheduled =
    time(get(obj, 'status', kind === 'CronJob' ? 'lastScheduleTime' : 'lastScheduledTime')) ??
    latestStart;
  const lastSuccessful =
    latest([
      time(get(obj, 'status', 'lastSuccessfulTime')),
      ...runs.filter((r) => r.status === 'Succeeded').map((r) => time(r.finishedAt)),
    ]) ?? undefined;
  const running = runs.some((r) => r.status === 'Running' || r.status === 'Pending');
  const model = modelLabel(labels);
  const base: ScheduleRow = {
    id: `${input.ref.connection}/${input.ref.context}/${kind}/${namespace}/${name}`,
    ...input.ref,
    namespace,
    name,
    kind,
    schedules: spec.expressions,
    ...(spec.timeZone ? { timeZone: spec.timeZone } : {}),
    suspended,
    ...(lastScheduled ? { lastScheduled: lastScheduled.toISOString() } : {}),
    ...(lastSuccessful ? { lastSuccessful: lastSuccessful.toISOString() } : {}),
    ...(model ? { model } : {}),
    labels,
    annotations,
    ...(createdAt ? { createdAt: createdAt.toISOString() } : {}),
  };
  try {
    checkSchedule(spec);
  } catch (error) {
    return { ...base, problem: (error as Error).message };
  }
  const next = suspended ? undefined : nextRun(spec, input.now);
  const missed = findMissedRun({
    spec,
    now: input.now,
    suspended,
    running,
    ...(createdAt ? { createdAt } : {}),
    ...(lastScheduled ? { lastScheduled } : {}),
    ...(lastSuccessful ? { lastSuccessful } : {}),
  });
  return {
    ...base,
    spec,
    ...(next ? { nextRun: next.toISOString() } : {}),
    ...(missed ? { missed } : {}),
  };
}

function latest(times: (Date | undefined)[]): Date | undefined {
  let best: Date | undefined;
  for (const t of times) if (t && (!best || t > best)) best = t;
  return best;
}

/** The contract's row: the working fields dropped. */
export function toSchedule(row: ScheduleRow): Schedule {
  const { labels: _l, annotations: _a, spec: _s, createdAt: _c, ...schedule } = row;
  return schedule;
}
