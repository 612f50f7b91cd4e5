// The cluster side of a promotion: find the serving objects that pin a version, ask the API server
// whether this context may patch them (SelfSubjectAccessReview, no write), send a patch with its
// content type set explicitly, and follow the rollout until ready, failed or out of time.
import type { KubeClients } from '../../../sources/kubernetes';
import { SourceError } from '../../../sources/source-error';
import type { PatchSpec } from './serving-patches';

export interface ServingContext {
  connection: string;
  context: string;
  /** The API server URL: two contexts on one server see the same objects. */
  server: string;
  /** The kubeconfig user of the context. */
  user: string;
  clients: () => KubeClients;
}

export type ServingKind = 'InferenceService' | 'Deployment';

const isvcApi = { group: 'serving.kserve.io', version: 'v1beta1', plural: 'inferenceservices' };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (o: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((at, key) => (isObj(at) ? at[key] : undefined), o);

/** Every InferenceService (none without KServe) and Deployment of the context. */
export async function listServingObjects(
  clients: KubeClients,
): Promise<{ isvcs: unknown[]; deployments: unknown[] }> {
  const [isvcs, deployments] = await Promise.all([
    clients.customObjects
      .listClusterCustomObject(isvcApi)
      .then((list) => ((list as { items?: unknown[] }).items ?? []) as unknown[])
      .catch((error: unknown) => {
        if (error instanceof SourceError && error.code === 'not_found') return [];
        throw error;
      }),
    clients.apps.listDeploymentForAllNamespaces().then((list) => list.items as unknown[]),
  ]);
  return { isvcs, deployments };
}

export async function readServingObject(
  clients: KubeClients,
  kind: ServingKind,
  namespace: string,
  name: string,
): Promise<unknown> {
  if (kind === 'InferenceService') {
    return clients.customObjects.getNamespacedCustomObject({ ...isvcApi, namespace, name });
  }
  return clients.apps.readNamespacedDeployment({ namespace, name });
}

/** May this context patch the object? Asked of the API server, nothing is written. */
export async function canPatch(
  clients: KubeClients,
  kind: ServingKind,
  namespace: string,
  name: string,
): Promise<{ allowed: boolean; reason?: string }> {
  const resource =
    kind === 'InferenceService'
      ? { group: isvcApi.group, resource: isvcApi.plural }
      : { group: 'apps', resource: 'deployments' };
  const review = await clients.authorization.createSelfSubjectAccessReview({
    body: {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { verb: 'patch', namespace, name, ...resource } },
    },
  });
  if (review.status?.allowed) return { allowed: true };
  const why = review.status?.reason ? `: ${review.status.reason}` : '';
  return {
    allowed: false,
    reason: `context "${clients.context.name}" (user ${clients.context.user}) may not patch ${resource.resource} in ${namespace}${why}`,
  };
}

const contentTypes: Record<PatchSpec['patchType'], string> = {
  merge: 'application/merge-patch+json',
  'strategic-merge': 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
};

export async function applyPatch(
  clients: KubeClients,
  kind: ServingKind,
  namespace: string,
  name: string,
  patch: PatchSpec,
): Promise<void> {
  // client-node is loaded with the Kubernetes source; this only reaches into the loaded module.
  const { setHeaderOptions } = await import('@kubernetes/client-node');
  const options = setHeaderOptions('Content-Type', contentTypes[patch.patchType]);
  if (kind === 'InferenceService') {
    await clients.customObjects.patchNamespacedCustomObject(
      { ...isvcApi, namespace, name, body: patch.body },
      options,
    );
    return;
  }
  await clients.apps.patchNamespacedDeployment(
    { namespace, name, body: patch.body as object },
    options,
  );
}

export type RolloutState = { state: 'ready' | 'progressing' | 'failed'; detail: string };

/** Where a serving object's rollout stands, from its status as the controllers write it. */
export function rolloutState(kind: ServingKind, obj: unknown): RolloutState {
  const generation = Number(get(obj, 'metadata', 'generation') ?? 0);
  const observed = Number(get(obj, 'status', 'observedGeneration') ?? 0);
  const conditions = get(obj, 'status', 'conditions');
  const condition = (type: string) =>
    Array.isArray(conditions)
      ? (conditions as unknown[]).find((c) => get(c, 'type') === type)
      : undefined;
  if (observed < generation) return { state: 'progressing', detail: 'waiting for the controller' };
  if (kind === 'InferenceService') {
    const predictor = get(obj, 'status', 'components', 'predictor');
    const created = get(predictor, 'latestCreatedRevision');
    const ready = get(predictor, 'latestReadyRevision');
    const failure = get(obj, 'status', 'modelStatus', 'lastFailureInfo', 'message');
    if (get(obj, 'status', 'modelStatus', 'transitionStatus') === 'BlockedByFailedLoad') {
      return { state: 'failed', detail: `revision ${String(created)} failed: ${String(failure)}` };
    }
    const readyCondition = condition('Ready');
    if (get(readyCondition, 'status') === 'True' && created && created === ready) {
      return { state: 'ready', detail: `revision ${String(ready)} ready` };
    }
    return { state: 'progressing', detail: `revision ${String(created ?? '…')} starting` };
  }
  const progressing = condition('Progressing');
  if (get(progressing, 'reason') === 'ProgressDeadlineExceeded') {
    return { state: 'failed', detail: String(get(progressing, 'message') ?? 'deadline exceeded') };
  }
  const wanted = Number(get(obj, 'spec', 'replicas') ?? 1);
  const updated = Number(get(obj, 'status', 'updatedReplicas') ?? 0);
  const available = Number(get(obj, 'status', 'availableReplicas') ?? 0);
  const total = Number(get(obj, 'status', 'replicas') ?? 0);
  if (updated >= wanted && available >= wanted && total <= wanted) {
    return { state: 'ready', detail: `${available}/${wanted} replicas updated and available` };
  }
  return { state: 'progressing', detail: `${updated}/${wanted} updated, ${available} available` };
}

/** Polls the object until its rollout is ready or failed; out of time counts as failed. */
export async function followRollout(
  clients: KubeClients,
  kind: ServingKind,
  namespace: string,
  name: string,
  opts: { timeoutMs: number; pollMs?: number; onProgress?: (detail: string) => void },
): Promise<RolloutState> {
  const deadline = Date.now() + opts.timeoutMs;
  let last = '';
  for (;;) {
    const state = rolloutState(kind, await readServingObject(clients, kind, namespace, name));
    if (state.state !== 'progressing') return state;
    if (state.detail !== last) opts.onProgress?.((last = state.detail));
    if (Date.now() >= deadline) {
      return {
        state: 'failed',
        detail: `not ready after ${Math.round(opts.timeoutMs / 1000)} s (${state.detail})`,
      };
    }
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 1_000));
  }
}
