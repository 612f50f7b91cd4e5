// The scale subresource (autoscaling/v1 Scale) of deployments, replicasets and statefulsets,
// used by `kubectl scale` and autoscalers.
import { errors } from '../../api/status';
import { clone, getPath, type KubeObject } from '../../api/types';
import { applyPatch } from '../../patch/apply-patch';
import { formatLabelSelector, selectorFromObject } from '../../selectors/label-selector';
import type { Entry } from '../../store/object-store';
import { readJson, sendJson } from '../http-io';
import type { ResourceRequest } from './resources';
import { builtinResources } from '../../api/builtin-resources';

function scaleOf(entry: Entry): Record<string, unknown> {
  const o = entry.obj;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: o.metadata.name,
      namespace: o.metadata.namespace,
      uid: o.metadata.uid,
      resourceVersion: o.metadata.resourceVersion,
      creationTimestamp: o.metadata.creationTimestamp,
    },
    spec: { replicas: Number(getPath(o, 'spec.replicas') ?? 0) },
    status: {
      replicas: Number(getPath(o, 'status.replicas') ?? 0),
      selector: formatLabelSelector(selectorFromObject(getPath(o, 'spec.selector'))),
    },
  };
}

const scaleType = builtinResources.find((t) => t.resource === 'deployments')!;

export async function handleScale(r: ResourceRequest): Promise<void> {
  const { ctx } = r;
  const entry = ctx.store.mustGet(r.type, r.namespace, r.info.name);
  if (r.info.verb === 'get') {
    sendJson(r.res, 200, scaleOf(entry));
    return;
  }
  const body = await readJson(r.req);
  const desired =
    r.info.verb === 'patch'
      ? applyPatch(scaleType, r.req.headers['content-type'], scaleOf(entry), body)
      : body;
  const replicas = getPath(desired, 'spec.replicas');
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw errors.invalid('autoscaling', 'Scale', r.info.name, [
      {
        field: 'spec.replicas',
        message: `Invalid value: ${String(replicas)}: must be greater than or equal to 0`,
      },
    ]);
  }
  const requestedRv = getPath(desired, 'metadata.resourceVersion');
  const next: KubeObject = clone(entry.obj);
  next.metadata.resourceVersion =
    typeof requestedRv === 'string' && r.info.verb === 'update' ? requestedRv : undefined;
  (next['spec'] as Record<string, unknown>)['replicas'] = replicas;
  const updated = ctx.store.update(next, { subresource: 'main' });
  sendJson(r.res, 200, scaleOf(updated));
}
