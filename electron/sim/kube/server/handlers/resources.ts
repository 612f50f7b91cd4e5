// get, list, create, update (PUT), patch, delete and deletecollection on a resource or its status.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiVersionOf, type ResourceType } from '../../api/resource-type';
import { errors, successStatus } from '../../api/status';
import { clone, isPlainObject, type KubeObject } from '../../api/types';
import { applyPatch } from '../../patch/apply-patch';
import { parseFieldSelector } from '../../selectors/field-selector';
import { parseLabelSelector } from '../../selectors/label-selector';
import { listPage } from '../../store/list';
import type { Entry } from '../../store/object-store';
import { renderTable, type IncludeObject } from '../../table/table';
import type { SimContext } from '../context';
import { readJson, sendJson, tableVersion, wantsTable } from '../http-io';
import type { RequestInfo } from '../request-info';

export interface ResourceRequest {
  ctx: SimContext;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  info: RequestInfo;
  type: ResourceType;
  namespace: string;
}

function includeObject(url: URL): IncludeObject {
  const v = url.searchParams.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

function dryRun(url: URL): boolean {
  return url.searchParams.getAll('dryRun').includes('All');
}

export function sendEntry(r: ResourceRequest, entry: Entry, code = 200): void {
  const accept = r.req.headers.accept;
  if (wantsTable(accept) && r.info.verb === 'get') {
    const body = renderTable(r.type, [entry], {
      now: r.ctx.clock.nowMs(),
      version: tableVersion(accept ?? ''),
      include: includeObject(r.url),
      resourceVersion: entry.rv,
    });
    sendJson(r.res, code, body);
    return;
  }
  sendJson(r.res, code, entry.json);
}

export function handleGet(r: ResourceRequest): void {
  sendEntry(r, r.ctx.store.mustGet(r.type, r.namespace, r.info.name));
}

export function handleList(r: ResourceRequest): void {
  const { ctx, url, type } = r;
  const limit = Number(url.searchParams.get('limit') ?? '0');
  const page = listPage(
    ctx.store,
    type,
    {
      ...(type.namespaced && r.namespace ? { namespace: r.namespace } : {}),
      labels: parseLabelSelector(url.searchParams.get('labelSelector')),
      fields: parseFieldSelector(url.searchParams.get('fieldSelector'), type),
      ...(limit > 0 ? { limit } : {}),
      ...(url.searchParams.get('continue')
        ? { continueToken: url.searchParams.get('continue')! }
        : {}),
    },
    { compactedRv: ctx.hub.compactedRv, now: ctx.clock.nowMs(), ttlMs: ctx.continueTtlMs },
  );
  const accept = r.req.headers.accept;
  if (wantsTable(accept)) {
    sendJson(
      r.res,
      200,
      renderTable(type, page.items, {
        now: ctx.clock.nowMs(),
        version: tableVersion(accept ?? ''),
        include: includeObject(url),
        resourceVersion: page.resourceVersion,
        ...(page.continueToken ? { continueToken: page.continueToken } : {}),
        ...(page.remainingItemCount !== undefined
          ? { remainingItemCount: page.remainingItemCount }
          : {}),
      }),
    );
    return;
  }
  const metadata: Record<string, unknown> = { resourceVersion: String(page.resourceVersion) };
  if (page.continueToken) metadata['continue'] = page.continueToken;
  if (page.remainingItemCount !== undefined)
    metadata['remainingItemCount'] = page.remainingItemCount;
  const head = `{"kind":"${type.listKind}","apiVersion":"${apiVersionOf(type)}","metadata":${JSON.stringify(metadata)},"items":[`;
  sendJsonItems(r.res, head, page.items, ']}');
}

/**
 * Streams a list: the stored JSON of each item, in batches, so a 20,000-pod list is never built
 * as one giant string.
 */
function sendJsonItems(
  res: ResourceRequest['res'],
  head: string,
  items: Entry[],
  tail: string,
): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  const batch = 500;
  let index = 0;
  let first = true;
  const pump = (): void => {
    while (index < items.length) {
      const slice = items
        .slice(index, index + batch)
        .map((e) => e.json)
        .join(',');
      index += batch;
      const ok = res.write(first ? head + slice : `,${slice}`);
      first = false;
      if (!ok) {
        res.once('drain', pump);
        return;
      }
    }
    res.end(first ? head + tail : tail);
  };
  pump();
}

function bodyObject(r: ResourceRequest, body: unknown): KubeObject {
  if (!isPlainObject(body))
    throw errors.badRequest('the object provided is unrecognized (must be a JSON object)');
  const obj = body as KubeObject;
  obj.apiVersion ||= apiVersionOf(r.type);
  obj.kind ||= r.type.kind;
  if (obj.kind !== r.type.kind || obj.apiVersion !== apiVersionOf(r.type)) {
    throw errors.badRequest(
      `the API version in the data (${obj.apiVersion}) does not match the expected API version (${apiVersionOf(r.type)})`,
    );
  }
  if (!isPlainObject(obj.metadata)) obj.metadata = { name: '' };
  if (r.type.namespaced) {
    if (obj.metadata.namespace && r.namespace && obj.metadata.namespace !== r.namespace) {
      throw errors.badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    obj.metadata.namespace = r.namespace || obj.metadata.namespace;
  }
  return obj;
}

export async function handleCreate(r: ResourceRequest): Promise<void> {
  const obj = bodyObject(r, await readJson(r.req));
  const entry = r.ctx.store.create(obj, { dryRun: dryRun(r.url) });
  sendJson(r.res, 201, entry.json);
}

export async function handleUpdate(
  r: ResourceRequest,
  subresource: 'main' | 'status',
): Promise<void> {
  const obj = bodyObject(r, await readJson(r.req));
  if (obj.metadata.name && obj.metadata.name !== r.info.name) {
    throw errors.badRequest(
      `the name of the object (${obj.metadata.name}) does not match the name on the URL (${r.info.name})`,
    );
  }
  obj.metadata.name = r.info.name;
  const entry = r.ctx.store.update(obj, { dryRun: dryRun(r.url), subresource });
  sendJson(r.res, 200, entry.json);
}

export async function handlePatch(
  r: ResourceRequest,
  subresource: 'main' | 'status',
): Promise<void> {
  const body = await readJson(r.req);
  const existing = r.ctx.store.mustGet(r.type, r.namespace, r.info.name);
  const patched = applyPatch(
    r.type,
    r.req.headers['content-type'],
    existing.obj,
    body,
  ) as KubeObject;
  if (!isPlainObject(patched.metadata)) patched.metadata = clone(existing.obj.metadata);
  // Identity fields cannot be patched; resourceVersion in the patch stays a precondition.
  patched.metadata.name = existing.obj.metadata.name;
  if (r.type.namespaced) patched.metadata.namespace = existing.obj.metadata.namespace;
  patched.apiVersion = existing.obj.apiVersion;
  patched.kind = existing.obj.kind;
  const entry = r.ctx.store.update(patched, { dryRun: dryRun(r.url), subresource });
  sendJson(r.res, 200, entry.json);
}

async function deleteOptions(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!req.headers['content-length'] && !req.headers['transfer-encoding']) return {};
  try {
    const body = await readJson(req);
    return isPlainObject(body) ? body : {};
  } catch {
    return {};
  }
}

export async function handleDelete(r: ResourceRequest): Promise<void> {
  const options = await deleteOptions(r.req);
  const preconditions = isPlainObject(options['preconditions']) ? options['preconditions'] : {};
  const existing = r.ctx.store.mustGet(r.type, r.namespace, r.info.name);
  if (
    typeof preconditions['resourceVersion'] === 'string' &&
    preconditions['resourceVersion'] !== String(existing.rv)
  ) {
    throw errors.conflict(r.type.group, r.type.resource, r.info.name);
  }
  if (options['propagationPolicy'] === 'Orphan' || options['orphanDependents'] === true) {
    r.ctx.orphaned.add(existing.obj.metadata.uid ?? '');
  }
  const uid = typeof preconditions['uid'] === 'string' ? preconditions['uid'] : undefined;
  const entry = r.ctx.store.delete(r.type, r.namespace, r.info.name, {
    dryRun:
      dryRun(r.url) || (Array.isArray(options['dryRun']) && options['dryRun'].includes('All')),
    ...(uid ? { uid } : {}),
  });
  // Pods (graceful deletion) answer with the object; most other types with a Success Status.
  if (r.type.kind === 'Pod' || entry.obj.metadata.deletionTimestamp) {
    sendJson(r.res, 200, entry.json);
    return;
  }
  sendJson(
    r.res,
    200,
    successStatus({
      name: r.info.name,
      ...(r.type.group ? { group: r.type.group } : {}),
      kind: r.type.resource,
      uid: entry.obj.metadata.uid ?? '',
    }),
  );
}

export function handleDeleteCollection(r: ResourceRequest): void {
  const { ctx, url, type } = r;
  const page = listPage(
    ctx.store,
    type,
    {
      ...(type.namespaced && r.namespace ? { namespace: r.namespace } : {}),
      labels: parseLabelSelector(url.searchParams.get('labelSelector')),
      fields: parseFieldSelector(url.searchParams.get('fieldSelector'), type),
    },
    { compactedRv: ctx.hub.compactedRv, now: ctx.clock.nowMs(), ttlMs: ctx.continueTtlMs },
  );
  const deleted = page.items.map((e) =>
    ctx.store.delete(type, e.namespace, e.name, { dryRun: dryRun(url) }),
  );
  sendJson(
    r.res,
    200,
    `{"kind":"${type.listKind}","apiVersion":"${apiVersionOf(type)}","metadata":{"resourceVersion":"${ctx.store.resourceVersion}"},"items":[${deleted.map((e) => e.json).join(',')}]}`,
  );
}
