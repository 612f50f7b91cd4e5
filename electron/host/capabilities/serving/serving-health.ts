// Whether a KServe InferenceService or a model Deployment is serving, and why not: read from its
// conditions (KServe's Ready and its predictor conditions; a Deployment's Available/Progressing)
// and from its pods (ready count, restarts, a container waiting in CrashLoopBackOff).
import type { ServingService } from '../../../../shared/contract/serving';
import { modelLabel, type ClusterRef } from '../pipelines/normalize';
import { deploymentUris, parseModelUri } from '../models/serving';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (o: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((at, key) => (isObj(at) ? at[key] : undefined), o);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const iso = (v: unknown): string | undefined =>
  v instanceof Date ? v.toISOString() : typeof v === 'string' && v ? v : undefined;

type Condition = ServingService['conditions'][number];

/** A pod's part in the health: is it ready, how often its containers restarted, why it waits. */
export interface PodHealth {
  ready: boolean;
  restarts: number;
  waiting?: string;
  waitingMessage?: string;
}

export function podHealth(pod: unknown): PodHealth {
  const statuses = get(pod, 'status', 'containerStatuses');
  const list = Array.isArray(statuses) ? (statuses as unknown[]) : [];
  const ready =
    get(pod, 'status', 'phase') === 'Running' &&
    list.length > 0 &&
    list.every((c) => get(c, 'ready') === true);
  const waitingOne = list.find((c) => str(get(c, 'state', 'waiting', 'reason')));
  const waiting = str(get(waitingOne, 'state', 'waiting', 'reason'));
  const waitingMessage = str(get(waitingOne, 'state', 'waiting', 'message'));
  return {
    ready,
    restarts: list.reduce<number>((n, c) => n + Number(get(c, 'restartCount') ?? 0), 0),
    ...(waiting ? { waiting } : {}),
    ...(waitingMessage ? { waitingMessage } : {}),
  };
}

function conditionsOf(obj: unknown): Condition[] {
  const raw = get(obj, 'status', 'conditions');
  if (!Array.isArray(raw)) return [];
  return (raw as unknown[]).flatMap((c) => {
    const type = str(get(c, 'type'));
    if (!type) return [];
    const reason = str(get(c, 'reason'));
    const message = str(get(c, 'message'));
    const at = iso(get(c, 'lastTransitionTime'));
    return [
      {
        type,
        status: str(get(c, 'status')) ?? 'Unknown',
        ...(reason ? { reason } : {}),
        ...(message ? { message } : {}),
        ...(at ? { lastTransitionTime: at } : {}),
      },
    ];
  });
}

const latestTransition = (conditions: Condition[]): string | undefined =>
  conditions
    .map((c) => c.lastTransitionTime)
    .filter((t): t is string => t !== undefined)
    .sort()
    .at(-1);

function base(ref: ClusterRef, kind: ServingService['kind'], obj: unknown) {
  const namespace = str(get(obj, 'metadata', 'namespace')) ?? '';
  const name = str(get(obj, 'metadata', 'name')) ?? '';
  return {
    id: `${ref.connection}/${ref.context}/${kind}/${namespace}/${name}`,
    ...ref,
    namespace,
    name,
    kind,
  };
}

export function inferenceServiceHealth(
  ref: ClusterRef,
  isvc: unknown,
  pods: PodHealth[],
): ServingService {
  const conditions = conditionsOf(isvc);
  const ready = conditions.find((c) => c.type === 'Ready');
  // The Ready condition often says only "RevisionMissing"; the first failing one says more.
  const failing = conditions.find((c) => c.status === 'False' && (c.reason || c.message));
  const why = ready?.status === 'True' ? undefined : ready?.message ? ready : (failing ?? ready);
  const failure = str(get(isvc, 'status', 'modelStatus', 'lastFailureInfo', 'message'));
  const predictor = get(isvc, 'status', 'components', 'predictor');
  const traffic = get(predictor, 'traffic');
  const labels = get(isvc, 'metadata', 'labels') as Record<string, string> | undefined;
  const storage =
    str(get(isvc, 'spec', 'predictor', 'model', 'storageUri')) ??
    str(get(isvc, 'spec', 'predictor', 'storageUri'));
  const model = modelLabel(labels) ?? (storage ? parseModelUri(storage)?.name : undefined);
  const revision =
    str(get(predictor, 'latestReadyRevision')) ?? str(get(predictor, 'latestCreatedRevision'));
  const minReplicas = get(isvc, 'spec', 'predictor', 'minReplicas');
  const reason = why?.reason ?? (failure ? 'ModelLoadFailed' : undefined);
  const message = why?.message ?? failure;
  const lastTransition = ready?.lastTransitionTime ?? latestTransition(conditions);
  return {
    ...base(ref, 'InferenceService', isvc),
    ...(model ? { model } : {}),
    health: !ready
      ? 'unknown'
      : ready.status === 'True'
        ? 'ready'
        : ready.status === 'False'
          ? 'not-ready'
          : 'unknown',
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
    conditions,
    replicas: {
      desired: typeof minReplicas === 'number' ? minReplicas : 1,
      ready: pods.filter((p) => p.ready).length,
    },
    restarts: pods.reduce((n, p) => n + p.restarts, 0),
    ...(revision ? { revision } : {}),
    traffic: Array.isArray(traffic)
      ? (traffic as unknown[]).map((t) => {
          const tag = str(get(t, 'tag'));
          return {
            revision: str(get(t, 'revisionName')) ?? '',
            percent: Number(get(t, 'percent') ?? 0),
            ...(tag ? { tag } : {}),
            latest: get(t, 'latestRevision') === true,
          };
        })
      : [],
    ...(lastTransition ? { lastTransition } : {}),
  };
}

/** A Deployment serves a model when a container names a `models:/` URI or it has a model label. */
export function servesModel(deployment: unknown): string | undefined {
  const labels = get(deployment, 'metadata', 'labels') as Record<string, string> | undefined;
  // KServe's own Deployments are shown as their InferenceService.
  if (labels?.['serving.kserve.io/inferenceservice']) return undefined;
  const uri = deploymentUris(deployment)[0]?.uri;
  return modelLabel(labels) ?? (uri ? parseModelUri(uri)?.name : undefined);
}

export function deploymentHealth(
  ref: ClusterRef,
  deployment: unknown,
  pods: PodHealth[],
): ServingService {
  const conditions = conditionsOf(deployment);
  const desired = Number(get(deployment, 'spec', 'replicas') ?? 1);
  const available = Number(get(deployment, 'status', 'availableReplicas') ?? 0);
  const availableCond = conditions.find((c) => c.type === 'Available');
  const progressing = conditions.find((c) => c.type === 'Progressing');
  const stuck = pods.find((p) => p.waiting && p.waiting !== 'ContainerCreating');
  const readyPods = pods.filter((p) => p.ready).length;
  let health: ServingService['health'] = 'ready';
  let reason: string | undefined;
  let message: string | undefined;
  if (progressing?.status === 'False') {
    health = 'not-ready';
    reason = progressing.reason;
    message = progressing.message;
  } else if (availableCond?.status === 'False' || available < desired) {
    health = stuck || availableCond?.status === 'False' ? 'not-ready' : 'unknown';
    reason = stuck?.waiting ?? availableCond?.reason ?? 'ReplicasUnavailable';
    message =
      stuck?.waitingMessage ??
      `${available} of ${desired} replicas available${availableCond?.message ? `: ${availableCond.message}` : ''}`;
  }
  const model = servesModel(deployment);
  const revision = str(
    get(deployment, 'metadata', 'annotations', 'deployment.kubernetes.io/revision'),
  );
  const lastTransition = latestTransition(conditions);
  return {
    ...base(ref, 'Deployment', deployment),
    ...(model ? { model } : {}),
    health,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
    conditions,
    replicas: {
      desired,
      ready: pods.length ? readyPods : Number(get(deployment, 'status', 'readyReplicas') ?? 0),
    },
    restarts: pods.reduce((n, p) => n + p.restarts, 0),
    ...(revision ? { revision } : {}),
    traffic: [],
    ...(lastTransition ? { lastTransition } : {}),
  };
}

/** Whether a pod belongs to a Deployment: its labels match the selector's matchLabels. */
export function selects(deployment: unknown, pod: unknown): boolean {
  const match = get(deployment, 'spec', 'selector', 'matchLabels');
  if (!isObj(match) || Object.keys(match).length === 0) return false;
  const labels = get(pod, 'metadata', 'labels');
  return Object.entries(match).every(([k, v]) => get(labels, k) === v);
}
