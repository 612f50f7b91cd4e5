// Jobs and CronJobs (batch/v1): completed, running, failed after the backoff limit, killed at
// activeDeadlineSeconds, or unable to create pods because a ResourceQuota is exhausted
// (FailedCreate events from the job controller).
import { randomUUID } from 'node:crypto';
import { kubeTime, type KubeObject } from '../api/types';
import type { EventInput } from '../controllers/event-recorder';
import type { SimRuntime } from '../runtime';
import { buildPod, type ContainerOutcome } from './pod-builder';
import { pickNode } from './placement';
import type { CronJobSpec, JobSpec } from './schema';
import { fnv32a, parseDuration } from './time';

function container(spec: JobSpec | CronJobSpec, name = 'main'): Record<string, unknown> {
  return {
    name,
    image: spec.image,
    ...(spec.command ? { command: spec.command } : {}),
    ...(spec.args ? { args: spec.args } : {}),
    ...(spec.env
      ? { env: Object.entries(spec.env).map(([n, value]) => ({ name: n, value })) }
      : {}),
    resources: spec.resources ?? { requests: { cpu: '1', memory: '2Gi' } },
  };
}

function record(rt: SimRuntime, target: KubeObject, e: EventInput): void {
  rt.events.record(target, e);
}

export function buildJobs(rt: SimRuntime, specs: JobSpec[], now: number): void {
  const cronType = rt.registry.find('batch', 'cronjobs')!;
  for (const spec of specs) {
    const uid = randomUUID();
    const start = now - parseDuration(spec.startedAgo);
    const duration = parseDuration(spec.duration, 10 * 60_000);
    const backoffLimit = spec.backoffLimit ?? (spec.outcome === 'BackoffLimitExceeded' ? 2 : 6);
    const cron = spec.cronJob
      ? rt.store.get(cronType, spec.namespace, spec.cronJob)?.obj
      : undefined;
    const selectorLabels = { 'batch.kubernetes.io/controller-uid': uid };
    const podLabels = {
      ...spec.labels,
      ...selectorLabels,
      'batch.kubernetes.io/job-name': spec.name,
      'controller-uid': uid,
      'job-name': spec.name,
    };
    const conditions: Record<string, unknown>[] = [];
    const status: Record<string, unknown> = {
      startTime: kubeTime(start),
      uncountedTerminatedPods: {},
      terminating: 0,
      ready: 0,
    };
    const end = start + duration;
    if (spec.outcome === 'Complete') {
      conditions.push({
        type: 'SuccessCriteriaMet',
        status: 'True',
        lastProbeTime: kubeTime(end),
        lastTransitionTime: kubeTime(end),
      });
      conditions.push({
        type: 'Complete',
        status: 'True',
        lastProbeTime: kubeTime(end),
        lastTransitionTime: kubeTime(end),
      });
      Object.assign(status, { succeeded: 1, completionTime: kubeTime(end) });
    } else if (spec.outcome === 'Running') {
      Object.assign(status, { active: 1, ready: 1 });
    } else if (spec.outcome === 'BackoffLimitExceeded') {
      const failAt = start + (backoffLimit + 1) * duration;
      const c = {
        reason: 'BackoffLimitExceeded',
        message: 'Job has reached the specified backoff limit',
        lastProbeTime: kubeTime(failAt),
        lastTransitionTime: kubeTime(failAt),
      };
      conditions.push(
        { type: 'FailureTarget', status: 'True', ...c },
        { type: 'Failed', status: 'True', ...c },
      );
      Object.assign(status, { failed: backoffLimit + 1 });
    } else if (spec.outcome === 'DeadlineExceeded') {
      const at = start + (spec.activeDeadlineSeconds ?? 3600) * 1000;
      const c = {
        reason: 'DeadlineExceeded',
        message: 'Job was active longer than specified deadline',
        lastProbeTime: kubeTime(at),
        lastTransitionTime: kubeTime(at),
      };
      conditions.push(
        { type: 'FailureTarget', status: 'True', ...c },
        { type: 'Failed', status: 'True', ...c },
      );
      Object.assign(status, { failed: 1 });
    } else {
      Object.assign(status, { active: 0 });
    }
    if (conditions.length) status['conditions'] = conditions;

    const job: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: spec.name,
        namespace: spec.namespace,
        uid,
        creationTimestamp: kubeTime(start),
        generation: 1,
        labels: {
          ...spec.labels,
          ...selectorLabels,
          'batch.kubernetes.io/job-name': spec.name,
          'controller-uid': uid,
          'job-name': spec.name,
        },
        ...(cron
          ? {
              annotations: { 'batch.kubernetes.io/cronjob-scheduled-timestamp': kubeTime(start) },
              ownerReferences: [
                {
                  apiVersion: 'batch/v1',
                  kind: 'CronJob',
                  name: cron.metadata.name,
                  uid: cron.metadata.uid ?? '',
                  controller: true,
                  blockOwnerDeletion: true,
                },
              ],
            }
          : {}),
      },
      spec: {
        parallelism: 1,
        completions: 1,
        backoffLimit,
        ...(spec.activeDeadlineSeconds
          ? { activeDeadlineSeconds: spec.activeDeadlineSeconds }
          : {}),
        completionMode: 'NonIndexed',
        suspend: false,
        podReplacementPolicy: 'TerminatingOrFailed',
        selector: { matchLabels: selectorLabels },
        template: {
          metadata: { labels: podLabels },
          spec: {
            containers: [container(spec)],
            restartPolicy: 'Never',
            serviceAccountName: 'batch-runner',
          },
        },
      },
      status,
    };
    const entry = rt.store.apply(job, { keepMetadata: true, noCopy: true });
    const owner = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      name: spec.name,
      uid,
      controller: true,
      blockOwnerDeletion: true,
    };
    const gpu = Number(spec.resources?.limits?.['nvidia.com/gpu'] ?? 0) > 0;

    if (spec.outcome === 'QuotaExceeded') {
      const first = start + 1000;
      record(rt, entry.obj, {
        type: 'Warning',
        reason: 'FailedCreate',
        message: `Error creating: pods "${spec.name}-${(fnv32a(spec.name) % 100000).toString(36)}" is forbidden: ${spec.message ?? 'exceeded quota'}`,
        component: 'job-controller',
        firstAt: first,
        at: now - 60_000,
        count: Math.max(1, Math.floor((now - first) / 600_000) + 7),
      });
      continue;
    }
    const attempts = spec.outcome === 'BackoffLimitExceeded' ? backoffLimit + 1 : 1;
    for (let a = 0; a < attempts; a++) {
      const podStart = start + a * duration + 2000;
      const podEnd = Math.min(podStart + duration - 2000, now);
      const name = `${spec.name}-${(fnv32a(`${spec.name}/${a}`) % 60466176).toString(36).padStart(5, 'x')}`;
      let outcome: ContainerOutcome;
      if (spec.outcome === 'Complete')
        outcome = { state: 'completed', startedAt: podStart, finishedAt: podEnd };
      else if (spec.outcome === 'Running') outcome = { state: 'running', startedAt: podStart };
      else if (spec.outcome === 'DeadlineExceeded')
        outcome = {
          state: 'error',
          startedAt: podStart,
          finishedAt: start + (spec.activeDeadlineSeconds ?? 3600) * 1000,
          exitCode: 143,
        };
      else outcome = { state: 'error', startedAt: podStart, finishedAt: podEnd, exitCode: 1 };
      const node = pickNode(rt, gpu, name);
      const pod = buildPod({
        name,
        namespace: spec.namespace,
        createdAt: podStart - 2000,
        labels: podLabels,
        owner,
        nodeName: node.name,
        hostIP: node.ip,
        podIP: `10.244.${fnv32a(spec.name) % 200}.${(fnv32a(name) % 250) + 2}`,
        restartPolicy: 'Never',
        serviceAccountName: 'batch-runner',
        ...(spec.outcome === 'DeadlineExceeded'
          ? {
              reason: 'DeadlineExceeded',
              message: 'Pod was active on the node longer than the specified deadline',
            }
          : {}),
        containers: [
          {
            name: 'main',
            image: spec.image,
            ...(spec.command ? { command: spec.command } : {}),
            ...(spec.resources ? { resources: spec.resources } : {}),
            outcome,
          },
        ],
      });
      const podEntry = rt.store.apply(pod, { keepMetadata: true, noCopy: true });
      const lines = (spec.log ?? `Starting ${spec.name}`).split('\n').filter((l) => l);
      const failing =
        spec.outcome === 'BackoffLimitExceeded'
          ? (spec.failureLog ?? 'Error: job failed').split('\n').filter((l) => l)
          : [];
      rt.logs.append(
        spec.namespace,
        name,
        'main',
        [...lines, ...failing].map((text, i) => ({ ts: podStart + i * 800, text })),
      );
      record(rt, entry.obj, {
        reason: 'SuccessfulCreate',
        message: `Created pod: ${name}`,
        component: 'job-controller',
        at: podStart - 2000,
      });
      record(rt, podEntry.obj, {
        reason: 'Scheduled',
        message: `Successfully assigned ${spec.namespace}/${name} to ${node.name}`,
        component: 'default-scheduler',
        at: podStart - 1900,
      });
      record(rt, podEntry.obj, {
        reason: 'Started',
        message: 'Started container main',
        component: 'kubelet',
        host: node.name,
        fieldPath: 'spec.containers{main}',
        at: podStart,
      });
    }
    if (spec.outcome === 'Complete')
      record(rt, entry.obj, {
        reason: 'Completed',
        message: 'Job completed',
        component: 'job-controller',
        at: end,
      });
    if (spec.outcome === 'BackoffLimitExceeded')
      record(rt, entry.obj, {
        type: 'Warning',
        reason: 'BackoffLimitExceeded',
        message: 'Job has reached the specified backoff limit',
        component: 'job-controller',
        at: start + attempts * duration,
      });
    if (spec.outcome === 'DeadlineExceeded')
      record(rt, entry.obj, {
        type: 'Warning',
        reason: 'DeadlineExceeded',
        message: 'Job was active longer than specified deadline',
        component: 'job-controller',
        at: start + (spec.activeDeadlineSeconds ?? 3600) * 1000,
      });
  }
}

export function buildCronJobs(rt: SimRuntime, specs: CronJobSpec[], now: number): void {
  for (const spec of specs) {
    rt.store.apply(
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: {
          name: spec.name,
          namespace: spec.namespace,
          uid: randomUUID(),
          creationTimestamp: kubeTime(now - parseDuration(spec.age, 60 * 86_400_000)),
          generation: 1,
          labels: spec.labels ?? {},
        },
        spec: {
          schedule: spec.schedule,
          ...(spec.timeZone ? { timeZone: spec.timeZone } : {}),
          concurrencyPolicy: 'Forbid',
          suspend: spec.suspend ?? false,
          successfulJobsHistoryLimit: 3,
          failedJobsHistoryLimit: 1,
          jobTemplate: {
            spec: {
              backoffLimit: 2,
              template: {
                spec: {
                  containers: [container(spec)],
                  restartPolicy: 'Never',
                  serviceAccountName: 'batch-runner',
                },
              },
            },
          },
        },
        status: {
          ...(spec.lastScheduleAgo
            ? { lastScheduleTime: kubeTime(now - parseDuration(spec.lastScheduleAgo)) }
            : {}),
          ...(spec.lastSuccessfulAgo
            ? { lastSuccessfulTime: kubeTime(now - parseDuration(spec.lastSuccessfulAgo)) }
            : {}),
        },
      },
      { keepMetadata: true, noCopy: true },
    );
  }
}
