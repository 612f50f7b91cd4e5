// Where a model is serving: KServe InferenceServices and Deployments whose serving spec names it
// (`models:/NAME/VERSION` or `models:/NAME@ALIAS`), in every selected context of every Kubernetes
// connection of the workspace. A context that cannot be read is reported, not fatal.
import type { ModelServing, ServingTarget } from '../../../../shared/contract/models';
import type { KubeClients } from '../../sources/kubernetes';
import { SourceError } from '../../sources/source-error';

export interface ModelUri {
  name: string;
  version?: string;
  alias?: string;
}

/** `models:/fraud-detector/4`, `models:/fraud-detector@champion`; anything else is undefined. */
export function parseModelUri(uri: string): ModelUri | undefined {
  const match = /^models:\/([^/@]+)(?:\/([^/@]+)|@([\w-]+))\/?$/.exec(uri.trim());
  if (!match) return undefined;
  const [, name, version, alias] = match;
  if (!name) return undefined;
  if (version) return { name, version };
  if (alias) return { name, alias };
  return undefined;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (o: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((at, key) => (isObj(at) ? at[key] : undefined), o);

export interface FoundUri {
  kind: ServingTarget['kind'];
  namespace: string;
  name: string;
  field: string;
  uri: string;
  trafficPercent?: number;
  ready?: boolean;
  /** An InferenceService's newest revision: the only one known to run `uri`. */
  revision?: string;
}

/** The model URIs an InferenceService's predictor names (new `model` form and per-framework form). */
export function inferenceServiceUris(isvc: unknown): FoundUri[] {
  const namespace = String(get(isvc, 'metadata', 'namespace') ?? '');
  const name = String(get(isvc, 'metadata', 'name') ?? '');
  const predictor = get(isvc, 'spec', 'predictor');
  const canary = get(predictor, 'canaryTrafficPercent');
  const conditions = get(isvc, 'status', 'conditions');
  const readyCondition = Array.isArray(conditions)
    ? (conditions as unknown[]).find((c) => get(c, 'type') === 'Ready')
    : undefined;
  const ready = readyCondition ? get(readyCondition, 'status') === 'True' : undefined;
  const revision = get(isvc, 'status', 'components', 'predictor', 'latestCreatedRevision');
  if (!isObj(predictor)) return [];
  return Object.entries(predictor).flatMap(([key, spec]) => {
    const uri = get(spec, 'storageUri');
    if (typeof uri !== 'string') return [];
    const isCanary = typeof canary === 'number' && canary < 100;
    return [
      {
        kind: 'InferenceService' as const,
        namespace,
        name,
        field: `${key === 'model' ? '' : `${key}.`}storageUri${isCanary ? ' (canary)' : ''}`,
        uri,
        ...(isCanary ? { trafficPercent: canary } : {}),
        ...(ready !== undefined ? { ready } : {}),
        ...(typeof revision === 'string' && revision ? { revision } : {}),
      },
    ];
  });
}

/** Model URIs in a plain Deployment's containers: any env value such as MODEL_URI, and the image. */
export function deploymentUris(deployment: unknown): FoundUri[] {
  // KServe's own Deployments (a revision's, or raw mode's) are shown as their InferenceService.
  if (get(deployment, 'metadata', 'labels', 'serving.kserve.io/inferenceservice')) return [];
  const namespace = String(get(deployment, 'metadata', 'namespace') ?? '');
  const name = String(get(deployment, 'metadata', 'name') ?? '');
  const wanted = Number(get(deployment, 'spec', 'replicas') ?? 1);
  const available = Number(get(deployment, 'status', 'availableReplicas') ?? 0);
  const containers = get(deployment, 'spec', 'template', 'spec', 'containers');
  if (!Array.isArray(containers)) return [];
  const base = { kind: 'Deployment' as const, namespace, name, ready: available >= wanted };
  return (containers as unknown[]).flatMap((container) => {
    const found: FoundUri[] = [];
    const env = get(container, 'env');
    if (Array.isArray(env)) {
      for (const e of env as unknown[]) {
        const value = get(e, 'value');
        if (typeof value === 'string' && value.startsWith('models:/'))
          found.push({ ...base, field: `env ${String(get(e, 'name'))}`, uri: value });
      }
    }
    const image = get(container, 'image');
    if (typeof image === 'string' && image.includes('models:/')) {
      const at = image.indexOf('models:/');
      found.push({ ...base, field: 'image', uri: image.slice(at) });
    }
    return found;
  });
}

/** Keeps the URIs naming this model, with an alias resolved to the version it points at. */
export function servingTargetsFor(
  model: string,
  aliases: { alias: string; version: string }[],
  found: FoundUri[],
  where: { connection: string; context: string },
): ServingTarget[] {
  return found.flatMap((f) => {
    const parsed = parseModelUri(f.uri);
    if (!parsed || parsed.name !== model) return [];
    const version = parsed.version ?? aliases.find((a) => a.alias === parsed.alias)?.version;
    return [
      {
        ...f,
        ...where,
        ...(version ? { version } : {}),
        ...(parsed.alias ? { alias: parsed.alias } : {}),
      },
    ];
  });
}

const pageSize = 500;

async function listAll(
  list: (next: string | undefined) => Promise<{ items: unknown[]; next: string | undefined }>,
): Promise<unknown[]> {
  const all: unknown[] = [];
  let next: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await list(next);
    all.push(...page.items);
    next = page.next;
    if (!next) break;
  }
  return all;
}

/** Every serving object of one context that names a model URI. Cluster without KServe: none. */
export async function servingUrisIn(clients: KubeClients): Promise<FoundUri[]> {
  const [isvcs, deployments] = await Promise.all([
    listAll(async (next) => {
      const page = (await clients.customObjects.listClusterCustomObject({
        group: 'serving.kserve.io',
        version: 'v1beta1',
        plural: 'inferenceservices',
        limit: pageSize,
        ...(next ? { _continue: next } : {}),
      })) as { items?: unknown[]; metadata?: { continue?: string } };
      return { items: page.items ?? [], next: page.metadata?.continue || undefined };
    }).catch((error: unknown) => {
      // No KServe in this cluster: it simply serves nothing through it.
      if (error instanceof SourceError && error.code === 'not_found') return [];
      throw error;
    }),
    listAll(async (next) => {
      const page = await clients.apps.listDeploymentForAllNamespaces({
        limit: pageSize,
        ...(next ? { _continue: next } : {}),
      });
      return { items: page.items, next: page.metadata?._continue || undefined };
    }),
  ]);
  return [...isvcs.flatMap(inferenceServiceUris), ...deployments.flatMap(deploymentUris)];
}

export function sortTargets(targets: ServingTarget[]): ModelServing['targets'] {
  return [...targets].sort(
    (a, b) =>
      a.context.localeCompare(b.context) ||
      a.kind.localeCompare(b.kind) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  );
}
