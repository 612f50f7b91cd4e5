// One Argo step as Kubernetes sees it: the pod (init, wait and main containers) named the way
// Argo names pods (POD_NAMES=v2), its logs up to a moment, and its resource usage.
import { kubeTime, type KubeObject } from '../api/types';
import { buildPod, type ContainerOutcome } from './pod-builder';
import { fnv32a } from './time';
import type { NodePlacement, RenderedLogLine } from './workflow-objects';
import type { StepPlan, StepTimes, WorkflowPlan } from './workflow-plan';

const executorImage = 'quay.io/argoproj/argoexec:v3.5.10';

export function nodeId(plan: WorkflowPlan, step: string): string {
  return `${plan.name}-${fnv32a(`${plan.name}.${step}`)}`;
}

export function podName(plan: WorkflowPlan, step: StepPlan): string {
  return `${plan.name}-${step.template}-${fnv32a(`${plan.name}.${step.name}`)}`;
}

function seconds(ms: number): number {
  return Math.max(1, Math.round(ms / 1000));
}

function quantity(text: string | undefined): number {
  if (!text) return 0;
  const m = /^([\d.]+)(m|Ki|Mi|Gi|Ti)?$/.exec(text);
  if (!m) return Number(text) || 0;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'm':
      return n / 1000;
    case 'Ki':
      return n / 1024 / 1024;
    case 'Mi':
      return n / 1024;
    case 'Gi':
      return n;
    case 'Ti':
      return n * 1024;
    default:
      return n;
  }
}

export function resourcesDuration(step: StepPlan, ms: number): Record<string, number> {
  const req = step.resources?.requests ?? step.resources?.limits ?? {};
  const s = seconds(ms);
  const out: Record<string, number> = {
    cpu: Math.round(s * Math.max(quantity(req['cpu']), 0.1)),
    memory: Math.round(s * Math.max(quantity(req['memory']), 0.1)),
  };
  const gpu = quantity(step.resources?.limits?.['nvidia.com/gpu']);
  if (gpu > 0) out['nvidia.com/gpu'] = Math.round(s * gpu);
  return out;
}

function fill(template: string, i: number, total: number): string {
  const loss = (
    0.9 * Math.exp(-i / Math.max(4, total / 3)) +
    0.08 +
    ((i * 7919) % 13) / 1000
  ).toFixed(4);
  const auc = Math.min(0.99, 0.71 + 0.27 * (1 - Math.exp(-i / Math.max(4, total / 4)))).toFixed(4);
  return template
    .replace(/\{i\}/g, String(i))
    .replace(/\{total\}/g, String(total))
    .replace(/\{loss\}/g, loss)
    .replace(/\{auc\}/g, auc);
}

export function stepLog(plan: WorkflowPlan, t: StepTimes, now: number): RenderedLogLine[] {
  const lines: RenderedLogLine[] = [];
  const pod = podName(plan, t.step);
  const start = t.start ?? now;
  const end = Math.min(t.end ?? Infinity, now);
  const push = (container: string, ts: number, text: string): void => {
    if (ts <= now) lines.push({ pod, container, ts, text });
  };
  push(
    'init',
    start - 1500,
    `time="${kubeTime(start - 1500)}" level=info msg="Starting Workflow Executor" version=v3.5.10`,
  );
  push(
    'wait',
    start - 500,
    `time="${kubeTime(start - 500)}" level=info msg="Starting Workflow Executor" version=v3.5.10`,
  );
  push(
    'wait',
    start - 400,
    `time="${kubeTime(start - 400)}" level=info msg="Starting deadline monitor"`,
  );
  const head = (t.step.log ?? '').split('\n').filter((l) => l !== '');
  head.forEach((text, i) => push('main', start + 200 + i * 150, text));
  if (t.step.progress && t.step.durationMs > 0) {
    const every = t.step.progress.everyMs;
    const total = Math.max(1, Math.floor(t.step.durationMs / every));
    for (let i = 1, ts = start + every; ts <= end && i <= total; i++, ts += every)
      push('main', ts, fill(t.step.progress.line, i, total));
  }
  if (t.end !== undefined && t.end <= now && t.final !== 'stuck') {
    const tail = (t.step.tail ?? '').split('\n').filter((l) => l !== '');
    tail.forEach((text, i) => push('main', t.end! - (tail.length - i) * 50, text));
    if (t.failure === 'OOMKilled') push('main', t.end, 'Killed');
    push(
      'wait',
      t.end + 300,
      `time="${kubeTime(t.end + 300)}" level=info msg="Main container completed" error="<nil>"`,
    );
  }
  return lines;
}

function mainOutcome(t: StepTimes, state: string, now: number): ContainerOutcome {
  const start = t.start ?? now;
  if (state === 'running') return { state: 'running', startedAt: start };
  if (state === 'stuck') {
    if (t.step.outcome === 'ImagePullBackOff')
      return {
        state: 'waiting',
        reason: 'ImagePullBackOff',
        message: `Back-off pulling image "${t.step.image}"`,
      };
    return { state: 'creating' };
  }
  if (state === 'succeeded')
    return { state: 'completed', startedAt: start, finishedAt: t.end ?? now };
  if (t.failure === 'OOMKilled')
    return { state: 'oomkilled', startedAt: start, finishedAt: t.end ?? now };
  if (t.failure === 'Deadline')
    return { state: 'error', startedAt: start, finishedAt: t.end ?? now, exitCode: 143 };
  return {
    state: 'error',
    startedAt: start,
    finishedAt: t.end ?? now,
    exitCode: t.step.exitCode ?? 1,
    ...(t.step.message ? { message: t.step.message } : {}),
  };
}

export function stepPod(
  plan: WorkflowPlan,
  t: StepTimes,
  state: string,
  now: number,
  node: NodePlacement,
): KubeObject | undefined {
  if (state === 'absent' || state === 'omitted') return undefined;
  if (state === 'stuck' && t.step.outcome === 'QuotaExceeded') return undefined;
  const start = t.start ?? now;
  const done = state === 'succeeded' || state === 'failed';
  const main = mainOutcome(t, state, now);
  const waitOutcome: ContainerOutcome = done
    ? { state: 'completed', startedAt: start - 500, finishedAt: (t.end ?? now) + 800 }
    : state === 'stuck'
      ? { state: 'running', startedAt: start - 500 }
      : { state: 'running', startedAt: start - 500 };
  const id = nodeId(plan, t.step.name);
  return buildPod({
    name: podName(plan, t.step),
    namespace: plan.namespace,
    createdAt: start - 3000,
    labels: {
      ...plan.labels,
      'workflows.argoproj.io/workflow': plan.name,
      'workflows.argoproj.io/completed': String(done),
    },
    annotations: {
      'workflows.argoproj.io/node-id': id,
      'workflows.argoproj.io/node-name': `${plan.name}.${t.step.name}`,
      'kubectl.kubernetes.io/default-container': 'main',
    },
    owner: {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      name: plan.name,
      uid: plan.uid,
      controller: true,
      blockOwnerDeletion: true,
    },
    serviceAccountName: plan.serviceAccountName,
    restartPolicy: 'Never',
    ...(t.step.outcome === 'Unschedulable' && state === 'stuck'
      ? {
          unschedulable: t.step.message ?? '0/10 nodes are available: insufficient nvidia.com/gpu.',
        }
      : { nodeName: node.name, hostIP: node.ip }),
    podIP: `10.244.${fnv32a(plan.name) % 200}.${(fnv32a(t.step.name) % 250) + 2}`,
    ...(t.failure === 'Deadline'
      ? {
          reason: 'DeadlineExceeded',
          message: 'Pod was active on the node longer than the specified deadline',
        }
      : {}),
    initContainers: [
      {
        name: 'init',
        image: executorImage,
        command: ['argoexec', 'init'],
        outcome: { state: 'completed', startedAt: start - 2000, finishedAt: start - 1000 },
      },
    ],
    containers: [
      { name: 'wait', image: executorImage, command: ['argoexec', 'wait'], outcome: waitOutcome },
      {
        name: 'main',
        image: t.step.image,
        command: t.step.command ?? ['/var/run/argo/argoexec', 'emissary', '--', 'python'],
        ...(t.step.args ? { args: t.step.args } : {}),
        ...(t.step.resources ? { resources: t.step.resources } : {}),
        outcome: main,
      },
    ],
  });
}
