// Argo CronWorkflows and Workflows from the scenario's step shorthand. Workflows are handed to
// the runner, which renders them at the current time and keeps them moving.
import { randomUUID } from 'node:crypto';
import { kubeTime } from '../api/types';
import type { SimRuntime } from '../runtime';
import type { CronWorkflowSpec, StepShorthand, WorkflowSpec } from './schema';
import { parseDuration } from './time';
import { workflowSpec } from './workflow-objects';
import type { StepPlan, WorkflowPlan } from './workflow-plan';
import type { CronTemplate, WorkflowRunner } from './workflow-runner';

export function stepPlan(s: StepShorthand, outcome?: StepShorthand['outcome']): StepPlan {
  return {
    name: s.name,
    template: s.template ?? s.name,
    image: s.image,
    ...(s.command ? { command: s.command } : {}),
    ...(s.args ? { args: s.args } : {}),
    dependencies: s.dependsOn ?? [],
    durationMs: parseDuration(s.duration),
    outcome: outcome ?? s.outcome ?? 'Succeeded',
    ...(s.resources ? { resources: s.resources } : {}),
    ...(s.log ? { log: s.log } : {}),
    ...(s.progress
      ? { progress: { everyMs: parseDuration(s.progress.every), line: s.progress.line } }
      : {}),
    ...(s.tail ? { tail: s.tail } : {}),
    ...(s.message ? { message: s.message } : {}),
    ...(s.exitCode !== undefined ? { exitCode: s.exitCode } : {}),
  };
}

export function buildCronWorkflows(
  rt: SimRuntime,
  runner: WorkflowRunner,
  specs: CronWorkflowSpec[],
  now: number,
): void {
  const cronType = rt.registry.find('argoproj.io', 'cronworkflows');
  if (!cronType) return;
  for (const spec of specs) {
    const entrypoint = spec.entrypoint ?? 'pipeline';
    const serviceAccountName = spec.serviceAccountName ?? 'argo-workflow';
    const template: CronTemplate = {
      steps: spec.steps.map((s) => stepPlan(s)),
      labels: { ...spec.labels },
      entrypoint,
      serviceAccountName,
      ...(spec.activeDeadlineSeconds ? { activeDeadlineSeconds: spec.activeDeadlineSeconds } : {}),
    };
    runner.registerCron(spec.namespace, spec.name, template);
    const planShape = {
      ...template,
      name: spec.name,
      namespace: spec.namespace,
      uid: '',
      startedAt: now,
    } as unknown as WorkflowPlan;
    rt.store.apply(
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'CronWorkflow',
        metadata: {
          name: spec.name,
          namespace: spec.namespace,
          uid: randomUUID(),
          creationTimestamp: kubeTime(now - parseDuration(spec.age, 45 * 86_400_000)),
          generation: 1,
          labels: { ...spec.labels },
        },
        spec: {
          schedule: spec.schedule,
          ...(spec.timezone ? { timezone: spec.timezone } : {}),
          concurrencyPolicy: spec.concurrencyPolicy ?? 'Forbid',
          startingDeadlineSeconds: 300,
          successfulJobsHistoryLimit: 5,
          failedJobsHistoryLimit: 3,
          suspend: spec.suspend ?? false,
          workflowMetadata: { labels: { ...spec.labels } },
          workflowSpec: workflowSpec(planShape),
        },
        status: {
          active: [],
          conditions: [],
          succeeded: 0,
          failed: 0,
          phase: spec.suspend ? 'Suspended' : 'Active',
        },
      },
      { keepMetadata: true, noCopy: true },
    );
  }
}

/** Argo names cron runs NAME-<scheduled Unix seconds>; scenarios write that as `{unix}`. */
function workflowName(spec: WorkflowSpec, now: number): string {
  return spec.name.replace(
    '{unix}',
    String(Math.floor((now - parseDuration(spec.startedAgo) - 1000) / 1000)),
  );
}

export function buildWorkflows(
  rt: SimRuntime,
  runner: WorkflowRunner,
  specs: WorkflowSpec[],
  crons: CronWorkflowSpec[],
  now: number,
): void {
  const cronType = rt.registry.find('argoproj.io', 'cronworkflows');
  if (!rt.registry.find('argoproj.io', 'workflows')) return;
  for (const spec of specs) {
    const cronName = spec.cronWorkflow ?? spec.stepsFrom;
    const cronSpec = cronName
      ? crons.find((c) => c.name === cronName && c.namespace === spec.namespace)
      : undefined;
    const shorthand = spec.steps ?? cronSpec?.steps;
    if (!shorthand) throw new Error(`workflow ${spec.namespace}/${spec.name} has no steps`);
    const cron =
      spec.cronWorkflow && cronType
        ? rt.store.get(cronType, spec.namespace, spec.cronWorkflow)?.obj
        : undefined;
    const startedAt = now - parseDuration(spec.startedAgo);
    const plan: WorkflowPlan = {
      namespace: spec.namespace,
      name: workflowName(spec, now),
      uid: randomUUID(),
      entrypoint: spec.entrypoint ?? cronSpec?.entrypoint ?? 'pipeline',
      startedAt,
      labels: { ...cronSpec?.labels, ...spec.labels },
      ...(spec.annotations ? { annotations: spec.annotations } : {}),
      serviceAccountName:
        spec.serviceAccountName ?? cronSpec?.serviceAccountName ?? 'argo-workflow',
      ...((spec.activeDeadlineSeconds ?? cronSpec?.activeDeadlineSeconds)
        ? { activeDeadlineSeconds: spec.activeDeadlineSeconds ?? cronSpec?.activeDeadlineSeconds }
        : {}),
      ...(cron ? { cronWorkflow: { name: cron.metadata.name, uid: cron.metadata.uid ?? '' } } : {}),
      ...(spec.error ? { error: spec.error } : {}),
      steps: shorthand.map((s) => stepPlan(s, spec.outcomes?.[s.name])),
    };
    runner.add(plan);
  }
  // Cron workflows remember their last run and which runs are still active.
  if (!cronType) return;
  for (const cron of rt.store.list(cronType)) {
    const runs = specs
      .filter((w) => w.cronWorkflow === cron.name && w.namespace === cron.namespace)
      .map((w) => ({ ...w, name: workflowName(w, now) }));
    if (!runs.length) continue;
    const latest = runs.reduce((a, b) =>
      parseDuration(a.startedAgo) < parseDuration(b.startedAgo) ? a : b,
    );
    const wfType = rt.registry.find('argoproj.io', 'workflows')!;
    const phases = runs.map((r) =>
      String(
        (rt.store.get(wfType, r.namespace, r.name)?.obj['status'] as { phase?: string } | undefined)
          ?.phase ?? '',
      ),
    );
    const next = structuredClone(cron.obj);
    next['status'] = {
      ...(next['status'] as Record<string, unknown>),
      lastScheduledTime: kubeTime(now - parseDuration(latest.startedAgo) - 1000),
      active: runs
        .filter((_r, i) => phases[i] === 'Running')
        .map((r) => ({
          kind: 'Workflow',
          namespace: r.namespace,
          name: r.name,
          apiVersion: 'argoproj.io/v1alpha1',
        })),
      succeeded: phases.filter((p) => p === 'Succeeded').length,
      failed: phases.filter((p) => p === 'Failed' || p === 'Error').length,
    };
    next.metadata.resourceVersion = undefined;
    rt.store.update(next);
  }
}
