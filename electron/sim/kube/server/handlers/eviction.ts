// POST pods/NAME/eviction (policy/v1 Eviction): the pod goes, as with no PodDisruptionBudget.
import { readJson, sendJson } from '../http-io';
import type { ResourceRequest } from './resources';

export async function handleEviction(r: ResourceRequest): Promise<void> {
  await readJson(r.req).catch(() => undefined);
  r.ctx.store.mustGet(r.type, r.namespace, r.info.name);
  r.ctx.store.delete(r.type, r.namespace, r.info.name);
  sendJson(r.res, 201, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    code: 201,
  });
}
