// Renders a workflow plan at a moment in time into what Argo Workflows would have written: the
// Workflow with status.nodes (per-step phase, message, startedAt/finishedAt, templateName) and
// one pod per started step (init, wait and main containers), plus logs and events up to then.
import { kubeTime, type KubeObject } from '../api/types';
import type { EventInput } from '../controllers/event-recorder';
import { podEvents } from './workflow-pod-events';
import { nodeId, podName, resourcesDuration, stepLog, stepPod } from './workflow-step-pod';
import {
  planTimes,
  stepStateAt,
  type StepPlan,
  type StepTimes,
  type WorkflowPlan,
} from './workflow-plan';

export { nodeId, podName } from './workflow-step-pod';

export interface NodePlacement {
  name: string;
  ip: string;
}

export interface RenderedEvent extends EventInput {
  key: string;
  target: 'workflow' | { pod: string } | { node: string };
}

export interface RenderedLogLine {
  pod: string;
  container: string;
  ts: number;
  text: string;
}

export interface RenderedWorkflow {
  workflow: KubeObject;
  pods: KubeObject[];
  logs: RenderedLogLine[];
  events: RenderedEvent[];
}

function nodeStatus(
  plan: WorkflowPlan,
  t: StepTimes,
  state: string,
  now: number,
  node: NodePlacement,
  children: string[],
): Record<string, unknown> {
  const id = nodeId(plan, t.step.name);
  const base: Record<string, unknown> = {
    id,
    name: `${plan.name}.${t.step.name}`,
    displayName: t.step.name,
    type: state === 'omitted' ? 'Skipped' : 'Pod',
    templateName: t.step.template,
    templateScope: `local/${plan.name}`,
    boundaryID: plan.name,
  };
  if (state === 'omitted')
    return {
      ...base,
      phase: 'Omitted',
      message: 'omitted: depends condition not met',
      startedAt: kubeTime(t.end ?? now),
      finishedAt: kubeTime(t.end ?? now),
    };
  const start = t.start ?? now;
  const running = state === 'running' || state === 'stuck';
  const end = running ? undefined : (t.end ?? now);
  let phase = 'Running';
  let message: string | undefined;
  if (state === 'stuck') {
    phase = 'Pending';
    message =
      t.step.outcome === 'ImagePullBackOff'
        ? `ImagePullBackOff: Back-off pulling image "${t.step.image}"`
        : t.step.outcome === 'QuotaExceeded'
          ? (t.step.message ?? `pods "${podName(plan, t.step)}" is forbidden: exceeded quota`)
          : `Unschedulable: ${t.step.message ?? '0/10 nodes are available: insufficient nvidia.com/gpu.'}`;
  } else if (state === 'succeeded') phase = 'Succeeded';
  else if (state === 'failed') {
    phase = 'Failed';
    message = t.message;
  }
  return {
    ...base,
    phase,
    ...(message ? { message } : {}),
    startedAt: kubeTime(start),
    finishedAt: end !== undefined ? kubeTime(end) : null,
    progress: state === 'succeeded' ? '1/1' : '0/1',
    ...(state !== 'stuck' || t.step.outcome === 'ImagePullBackOff'
      ? { hostNodeName: node.name }
      : {}),
    ...(children.length ? { children } : {}),
    ...(end !== undefined
      ? {
          resourcesDuration: resourcesDuration(t.step, end - start),
          outputs: {
            exitCode:
              state === 'succeeded'
                ? '0'
                : t.failure === 'OOMKilled'
                  ? '137'
                  : t.failure === 'Deadline'
                    ? '143'
                    : String(t.step.exitCode ?? 1),
          },
        }
      : {}),
  };
}

export function workflowSpec(plan: WorkflowPlan): Record<string, unknown> {
  const templates = new Map<string, StepPlan>();
  for (const s of plan.steps) if (!templates.has(s.template)) templates.set(s.template, s);
  return {
    entrypoint: plan.entrypoint,
    serviceAccountName: plan.serviceAccountName,
    ...(plan.activeDeadlineSeconds ? { activeDeadlineSeconds: plan.activeDeadlineSeconds } : {}),
    templates: [
      {
        name: plan.entrypoint,
        dag: {
          tasks: plan.steps.map((s) => ({
            name: s.name,
            template: s.template,
            ...(s.dependencies.length ? { dependencies: s.dependencies } : {}),
          })),
        },
      },
      ...[...templates.values()].map((s) => ({
        name: s.template,
        container: {
          image: s.image,
          ...(s.command ? { command: s.command } : {}),
          ...(s.args ? { args: s.args } : {}),
          ...(s.resources ? { resources: s.resources } : {}),
        },
      })),
    ],
  };
}

export function renderWorkflow(
  plan: WorkflowPlan,
  now: number,
  placement: (step: StepPlan) => NodePlacement,
): RenderedWorkflow {
  const times = planTimes(plan);
  const nodes: Record<string, unknown> = {};
  const pods: KubeObject[] = [];
  const logs: RenderedLogLine[] = [];
  const events: RenderedEvent[] = [];
  const wfEvent = (
    key: string,
    at: number,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): void => {
    if (at <= now)
      events.push({
        key,
        target: 'workflow',
        at,
        type,
        reason,
        message,
        component: 'workflow-controller',
      });
  };
  const rootChildren: string[] = [];
  const states = new Map<string, string>();
  for (const [name, t] of times.steps) states.set(name, stepStateAt(t, now));

  for (const [name, t] of times.steps) {
    const state = states.get(name) ?? 'absent';
    if (state === 'absent') continue;
    const id = nodeId(plan, name);
    if (!t.step.dependencies.length) rootChildren.push(id);
    const children = plan.steps
      .filter((s) => s.dependencies.includes(name) && (states.get(s.name) ?? 'absent') !== 'absent')
      .map((s) => nodeId(plan, s.name));
    const node = placement(t.step);
    nodes[id] = nodeStatus(plan, t, state, now, node, children);
    const pod = stepPod(plan, t, state, now, node);
    if (pod) {
      pods.push(pod);
      logs.push(...stepLog(plan, t, now));
      events.push(...podEvents(plan, t, state, now, node, pod.metadata.name));
    }
    if (state !== 'omitted' && t.start !== undefined)
      wfEvent(
        `${name}/running`,
        t.start,
        'Normal',
        'WorkflowNodeRunning',
        `Running node ${plan.name}.${name}`,
      );
    if (state === 'succeeded' && t.end !== undefined)
      wfEvent(
        `${name}/succeeded`,
        t.end,
        'Normal',
        'WorkflowNodeSucceeded',
        `Succeeded node ${plan.name}.${name}`,
      );
    if (state === 'failed' && t.end !== undefined)
      wfEvent(
        `${name}/failed`,
        t.end,
        'Warning',
        'WorkflowNodeFailed',
        `Failed node ${plan.name}.${name}: ${t.message ?? 'failed'}`,
      );
  }

  const failedStep = [...times.steps.values()].find(
    (t) => t.final === 'failed' && t.end !== undefined && t.end <= now,
  );
  const done = times.end <= now;
  let phase = done ? times.final : 'Running';
  if (times.final === 'Error') phase = 'Error';
  const message =
    phase === 'Error'
      ? times.message
      : phase === 'Failed' || (failedStep && !done)
        ? (times.message ??
          (failedStep ? `child '${nodeId(plan, failedStep.step.name)}' failed` : undefined))
        : undefined;
  const podNodes = Object.values(nodes).filter((n) => (n as { type: string }).type === 'Pod');
  const succeeded = podNodes.filter((n) => (n as { phase: string }).phase === 'Succeeded').length;
  const totalPods = plan.steps.length;
  const startedAt = kubeTime(plan.startedAt);
  if (phase !== 'Error') {
    const leaves = plan.steps
      .filter((s) => !plan.steps.some((o) => o.dependencies.includes(s.name)))
      .map((s) => nodeId(plan, s.name));
    nodes[plan.name] = {
      id: plan.name,
      name: plan.name,
      displayName: plan.name,
      type: 'DAG',
      templateName: plan.entrypoint,
      templateScope: `local/${plan.name}`,
      phase: phase === 'Running' ? 'Running' : phase,
      ...(message && phase !== 'Running' ? { message } : {}),
      startedAt,
      finishedAt: done ? kubeTime(times.end) : null,
      progress: `${succeeded}/${totalPods}`,
      children: rootChildren,
      ...(done ? { outboundNodes: leaves } : {}),
    };
  }
  wfEvent('running', plan.startedAt, 'Normal', 'WorkflowRunning', 'Workflow Running');
  if (done && phase === 'Succeeded')
    wfEvent('done', times.end, 'Normal', 'WorkflowSucceeded', 'Workflow completed');
  if (done && (phase === 'Failed' || phase === 'Error'))
    wfEvent('done', times.end, 'Warning', 'WorkflowFailed', message ?? 'Workflow failed');

  const totalDuration: Record<string, number> = {};
  for (const n of podNodes)
    for (const [k, v] of Object.entries(
      (n as { resourcesDuration?: Record<string, number> }).resourcesDuration ?? {},
    ))
      totalDuration[k] = (totalDuration[k] ?? 0) + v;

  const workflow: KubeObject = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      name: plan.name,
      namespace: plan.namespace,
      uid: plan.uid,
      creationTimestamp: kubeTime(plan.startedAt - 1000),
      generation: 1,
      labels: {
        ...plan.labels,
        'workflows.argoproj.io/phase': phase,
        ...(done
          ? { 'workflows.argoproj.io/completed': 'true' }
          : { 'workflows.argoproj.io/completed': 'false' }),
        ...(plan.cronWorkflow
          ? { 'workflows.argoproj.io/cron-workflow': plan.cronWorkflow.name }
          : {}),
      },
      annotations: {
        'workflows.argoproj.io/pod-name-format': 'v2',
        ...(plan.cronWorkflow
          ? { 'workflows.argoproj.io/scheduled-time': kubeTime(plan.startedAt - 1000) }
          : {}),
        ...plan.annotations,
      },
      ...(plan.cronWorkflow
        ? {
            ownerReferences: [
              {
                apiVersion: 'argoproj.io/v1alpha1',
                kind: 'CronWorkflow',
                name: plan.cronWorkflow.name,
                uid: plan.cronWorkflow.uid,
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          }
        : {}),
    },
    spec: workflowSpec(plan),
    status: {
      phase,
      startedAt,
      finishedAt: done ? kubeTime(times.end) : null,
      progress: `${succeeded}/${totalPods}`,
      ...(message ? { message } : {}),
      ...(phase !== 'Error' ? { nodes } : {}),
      conditions: done
        ? [
            { type: 'PodRunning', status: 'False' },
            { type: 'Completed', status: 'True' },
          ]
        : [
            {
              type: 'PodRunning',
              status: states.size && [...states.values()].includes('running') ? 'True' : 'False',
            },
          ],
      ...(Object.keys(totalDuration).length ? { resourcesDuration: totalDuration } : {}),
      artifactRepositoryRef: {
        default: true,
        artifactRepository: {
          s3: {
            bucket: 'ml-platform-argo-artifacts',
            endpoint: 's3.amazonaws.com',
            keyFormat: '{{workflow.namespace}}/{{workflow.name}}/{{pod.name}}',
          },
        },
      },
      taskResultsCompletionStatus: Object.fromEntries(
        podNodes
          .filter((n) => (n as { finishedAt: unknown }).finishedAt)
          .map((n) => [(n as { id: string }).id, true]),
      ),
    },
  };
  return { workflow, pods, logs, events };
}
