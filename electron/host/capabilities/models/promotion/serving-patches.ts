// The patch that moves one serving object from one model version to another, and the patch that
// moves it back. Pure functions over the object as the cluster returned it, so the plan the user
// confirms, the saga and its compensation all send exactly the same bytes.
import type { ServingChange } from '../../../../../shared/contract/promotion';
import { deploymentUris, inferenceServiceUris, parseModelUri } from '../serving';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (o: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((at, key) => (isObj(at) ? at[key] : undefined), o);

export interface PatchSpec {
  patchType: ServingChange['patchType'];
  body: unknown;
}

/** One serving object to move, with both directions of the patch. */
export interface PlannedPatch {
  kind: ServingChange['kind'];
  namespace: string;
  name: string;
  field: string;
  from: string;
  to: string;
  canaryPercent?: number;
  forward: PatchSpec;
  backward: PatchSpec;
}

export const versionUri = (model: string, version: string) => `models:/${model}/${version}`;

/** True when `uri` pins this model at this version (an alias URI follows the registry by itself). */
function pins(uri: string, model: string, version: string): boolean {
  const parsed = parseModelUri(uri);
  return parsed?.name === model && parsed.version === version;
}

/**
 * KServe: a merge patch on the predictor's storage URI. Replacing also clears a canary, so the new
 * revision takes all traffic once ready; a canary sets canaryTrafficPercent in the same patch, as
 * KServe documents. Going back restores the URI and the canary setting the object had.
 */
export function inferenceServicePatches(
  isvc: unknown,
  model: string,
  fromVersion: string,
  toVersion: string,
  canaryPercent?: number,
): PlannedPatch[] {
  const predictor = get(isvc, 'spec', 'predictor');
  const currentCanary = get(predictor, 'canaryTrafficPercent');
  return inferenceServiceUris(isvc).flatMap((found) => {
    if (!pins(found.uri, model, fromVersion)) return [];
    const key = found.field.startsWith('storageUri') ? 'model' : found.field.split('.')[0]!;
    const to = versionUri(model, toVersion);
    const canary = (value: number | null | undefined) =>
      value === undefined ? {} : { canaryTrafficPercent: value };
    const forwardCanary = canaryPercent ?? (typeof currentCanary === 'number' ? null : undefined);
    const backwardCanary =
      typeof currentCanary === 'number' ? currentCanary : canaryPercent ? null : undefined;
    return [
      {
        kind: 'InferenceService' as const,
        namespace: found.namespace,
        name: found.name,
        field: canaryPercent ? `storageUri (canary ${canaryPercent} %)` : found.field,
        from: found.uri,
        to,
        ...(canaryPercent ? { canaryPercent } : {}),
        forward: {
          patchType: 'merge',
          body: { spec: { predictor: { [key]: { storageUri: to }, ...canary(forwardCanary) } } },
        },
        backward: {
          patchType: 'merge',
          body: {
            spec: { predictor: { [key]: { storageUri: found.uri }, ...canary(backwardCanary) } },
          },
        },
      },
    ];
  });
}

/**
 * A plain Deployment: a strategic merge patch on the container's env var (matched by name) or its
 * image, with the reason in `kubernetes.io/change-cause` as `kubectl rollout history` shows it.
 */
export function deploymentPatches(
  deployment: unknown,
  model: string,
  fromVersion: string,
  toVersion: string,
  cause: { forward: string; backward: string },
): PlannedPatch[] {
  if (deploymentUris(deployment).length === 0) return [];
  const namespace = String(get(deployment, 'metadata', 'namespace') ?? '');
  const name = String(get(deployment, 'metadata', 'name') ?? '');
  const containers = get(deployment, 'spec', 'template', 'spec', 'containers');
  if (!Array.isArray(containers)) return [];
  const to = versionUri(model, toVersion);
  const patch = (container: Obj, change: Obj, why: string): PatchSpec => ({
    patchType: 'strategic-merge',
    body: {
      metadata: { annotations: { 'kubernetes.io/change-cause': why } },
      spec: { template: { spec: { containers: [{ name: container['name'], ...change }] } } },
    },
  });
  return (containers as unknown[]).filter(isObj).flatMap((container) => {
    const planned: PlannedPatch[] = [];
    const base = { kind: 'Deployment' as const, namespace, name };
    const env = Array.isArray(container['env']) ? (container['env'] as unknown[]) : [];
    for (const e of env.filter(isObj)) {
      const value = e['value'];
      if (typeof value !== 'string' || !pins(value, model, fromVersion)) continue;
      const envName = String(e['name']);
      planned.push({
        ...base,
        field: `env ${envName} (${String(container['name'])})`,
        from: value,
        to,
        forward: patch(container, { env: [{ name: envName, value: to }] }, cause.forward),
        backward: patch(container, { env: [{ name: envName, value }] }, cause.backward),
      });
    }
    const image = container['image'];
    const at = typeof image === 'string' ? image.indexOf('models:/') : -1;
    if (typeof image === 'string' && at >= 0 && pins(image.slice(at), model, fromVersion)) {
      planned.push({
        ...base,
        field: `image (${String(container['name'])})`,
        from: image,
        to: `${image.slice(0, at)}${to}`,
        forward: patch(container, { image: `${image.slice(0, at)}${to}` }, cause.forward),
        backward: patch(container, { image }, cause.backward),
      });
    }
    return planned;
  });
}
