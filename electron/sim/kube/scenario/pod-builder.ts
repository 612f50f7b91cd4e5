// Builds pods in the states a console must recognise: running and ready, completed, failed with
// Error or OOMKilled, waiting in ImagePullBackOff / ErrImagePull / CrashLoopBackOff, pending.
import { createHash } from 'node:crypto';
import { kubeTime, type KubeObject, type OwnerReference } from '../api/types';

export type ContainerOutcome =
  | {
      state: 'running';
      startedAt: number;
      restarts?: number;
      lastTerminated?: { reason: string; exitCode: number; at: number };
    }
  | { state: 'completed'; startedAt: number; finishedAt: number }
  | { state: 'error'; startedAt: number; finishedAt: number; exitCode?: number; message?: string }
  | { state: 'oomkilled'; startedAt: number; finishedAt: number }
  | {
      state: 'waiting';
      reason: string;
      message?: string;
      restarts?: number;
      lastTerminated?: { reason: string; exitCode: number; at: number; startedAt?: number };
    }
  | { state: 'creating' };

export interface ContainerInput {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: Record<string, string>;
  ports?: { name?: string; containerPort: number }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  outcome: ContainerOutcome;
}

export interface PodInput {
  name: string;
  namespace: string;
  createdAt: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  owner?: OwnerReference;
  nodeName?: string;
  hostIP?: string;
  podIP?: string;
  serviceAccountName?: string;
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  initContainers?: ContainerInput[];
  containers: ContainerInput[];
  /** Pod-level failure, e.g. DeadlineExceeded. */
  reason?: string;
  message?: string;
  /** Unschedulable pods carry no node. */
  unschedulable?: string;
}

const t = (ms: number): string => kubeTime(ms);

function containerState(o: ContainerOutcome): Record<string, unknown> {
  switch (o.state) {
    case 'running':
      return { running: { startedAt: t(o.startedAt) } };
    case 'completed':
      return {
        terminated: {
          exitCode: 0,
          reason: 'Completed',
          startedAt: t(o.startedAt),
          finishedAt: t(o.finishedAt),
        },
      };
    case 'error':
      return {
        terminated: {
          exitCode: o.exitCode ?? 1,
          reason: 'Error',
          ...(o.message ? { message: o.message } : {}),
          startedAt: t(o.startedAt),
          finishedAt: t(o.finishedAt),
        },
      };
    case 'oomkilled':
      return {
        terminated: {
          exitCode: 137,
          reason: 'OOMKilled',
          startedAt: t(o.startedAt),
          finishedAt: t(o.finishedAt),
        },
      };
    case 'waiting':
      return { waiting: { reason: o.reason, ...(o.message ? { message: o.message } : {}) } };
    case 'creating':
      return { waiting: { reason: 'ContainerCreating' } };
  }
}

function containerStatus(c: ContainerInput, index: number, pod: string): Record<string, unknown> {
  const o = c.outcome;
  const started = o.state === 'running';
  const last =
    (o.state === 'running' || o.state === 'waiting') && o.lastTerminated
      ? {
          lastState: {
            terminated: {
              exitCode: o.lastTerminated.exitCode,
              reason: o.lastTerminated.reason,
              startedAt: t(
                (o.lastTerminated as { startedAt?: number }).startedAt ??
                  o.lastTerminated.at - 600_000,
              ),
              finishedAt: t(o.lastTerminated.at),
            },
          },
        }
      : { lastState: {} };
  const pulled =
    !(o.state === 'waiting' && (o.reason === 'ImagePullBackOff' || o.reason === 'ErrImagePull')) &&
    o.state !== 'creating';
  return {
    name: c.name,
    image: c.image,
    imageID: pulled ? `${c.image.split(':')[0]}@sha256:${digest(c.image)}` : '',
    ...(pulled ? { containerID: `containerd://${digest(`${pod}/${c.name}/${index}`)}` } : {}),
    ready: started,
    started,
    restartCount: (o.state === 'running' || o.state === 'waiting') && o.restarts ? o.restarts : 0,
    state: containerState(o),
    ...last,
  };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function spec(c: ContainerInput): Record<string, unknown> {
  return {
    name: c.name,
    image: c.image,
    ...(c.command ? { command: c.command } : {}),
    ...(c.args ? { args: c.args } : {}),
    ...(c.env ? { env: Object.entries(c.env).map(([name, value]) => ({ name, value })) } : {}),
    ...(c.ports ? { ports: c.ports.map((p) => ({ ...p, protocol: 'TCP' })) } : {}),
    resources: c.resources ?? {},
    imagePullPolicy: 'IfNotPresent',
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  };
}

export function podPhase(p: PodInput): string {
  if (p.unschedulable) return 'Pending';
  const init = p.initContainers ?? [];
  if (init.some((c) => c.outcome.state !== 'completed'))
    return init.some((c) => c.outcome.state === 'error' || c.outcome.state === 'oomkilled')
      ? 'Failed'
      : 'Pending';
  const states = p.containers.map((c) => c.outcome.state);
  // As the kubelet decides: a container that never started (waiting, no last termination) keeps
  // the whole pod Pending, even when its sidecars run.
  const neverStarted = (c: ContainerInput): boolean =>
    c.outcome.state === 'creating' ||
    (c.outcome.state === 'waiting' && !c.outcome.restarts && !c.outcome.lastTerminated);
  if (p.containers.some(neverStarted)) return 'Pending';
  if (states.some((s) => s === 'running' || s === 'waiting')) return 'Running';
  if (states.every((s) => s === 'completed')) return 'Succeeded';
  return p.restartPolicy === 'Always' ? 'Running' : 'Failed';
}

function qos(containers: ContainerInput[]): string {
  const all = containers.every(
    (c) =>
      c.resources?.limits &&
      c.resources.requests &&
      JSON.stringify(c.resources.limits) === JSON.stringify(c.resources.requests),
  );
  if (all) return 'Guaranteed';
  return containers.some((c) => c.resources?.requests || c.resources?.limits)
    ? 'Burstable'
    : 'BestEffort';
}

export function buildPod(p: PodInput): KubeObject {
  const phase = podPhase(p);
  const ready = phase === 'Running' && p.containers.every((c) => c.outcome.state === 'running');
  const created = t(p.createdAt);
  const startedAt = Math.min(
    ...p.containers.map((c) =>
      'startedAt' in c.outcome ? c.outcome.startedAt : p.createdAt + 2000,
    ),
  );
  const finished = ['Succeeded', 'Failed'].includes(phase);
  const conditions = p.unschedulable
    ? [
        {
          type: 'PodScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message: p.unschedulable,
          lastProbeTime: null,
          lastTransitionTime: created,
        },
      ]
    : [
        {
          type: 'PodReadyToStartContainers',
          status: finished ? 'False' : 'True',
          lastProbeTime: null,
          lastTransitionTime: created,
        },
        {
          type: 'Initialized',
          status:
            phase === 'Pending' &&
            (p.initContainers ?? []).some((c) => c.outcome.state !== 'completed')
              ? 'False'
              : 'True',
          lastProbeTime: null,
          lastTransitionTime: created,
        },
        {
          type: 'Ready',
          status: ready ? 'True' : 'False',
          ...(ready ? {} : { reason: finished ? 'PodCompleted' : 'ContainersNotReady' }),
          lastProbeTime: null,
          lastTransitionTime: t(startedAt),
        },
        {
          type: 'ContainersReady',
          status: ready ? 'True' : 'False',
          ...(ready ? {} : { reason: finished ? 'PodCompleted' : 'ContainersNotReady' }),
          lastProbeTime: null,
          lastTransitionTime: t(startedAt),
        },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: created },
      ];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: p.name,
      namespace: p.namespace,
      creationTimestamp: created,
      labels: p.labels ?? {},
      ...(p.annotations ? { annotations: p.annotations } : {}),
      ...(p.owner ? { ownerReferences: [p.owner] } : {}),
    },
    spec: {
      ...(p.initContainers?.length ? { initContainers: p.initContainers.map(spec) } : {}),
      containers: p.containers.map(spec),
      restartPolicy: p.restartPolicy ?? 'Always',
      serviceAccountName: p.serviceAccountName ?? 'default',
      ...(p.nodeName && !p.unschedulable ? { nodeName: p.nodeName } : {}),
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      tolerations: [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
        ...(p.containers.some((c) => c.resources?.limits?.['nvidia.com/gpu'])
          ? [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]
          : []),
      ],
    },
    status: {
      phase,
      ...(p.reason ? { reason: p.reason } : {}),
      ...(p.message ? { message: p.message } : {}),
      conditions,
      ...(p.unschedulable
        ? {}
        : {
            ...(p.hostIP ? { hostIP: p.hostIP, hostIPs: [{ ip: p.hostIP }] } : {}),
            ...(p.podIP && phase !== 'Pending'
              ? { podIP: p.podIP, podIPs: [{ ip: p.podIP }] }
              : {}),
            startTime: created,
            ...(p.initContainers?.length
              ? {
                  initContainerStatuses: p.initContainers.map((c, i) =>
                    containerStatus(c, i, p.name),
                  ),
                }
              : {}),
            containerStatuses: p.containers.map((c, i) => containerStatus(c, i + 10, p.name)),
          }),
      qosClass: qos(p.containers),
    },
  };
}
