// Lists with selectors and paging. Continue tokens carry the list's resourceVersion and the key to
// resume after (like the API server's base64 JSON {"v","rv","start"}); a token from before a
// compaction, or older than its lifetime, is answered with 410 Expired.
import type { ResourceType } from '../api/resource-type';
import { errors } from '../api/status';
import { matchesFields, type FieldSelector } from '../selectors/field-selector';
import { matchesLabels, type LabelSelector } from '../selectors/label-selector';
import type { Entry, ObjectStore } from './object-store';

export interface ListQuery {
  namespace?: string;
  labels: LabelSelector;
  fields: FieldSelector;
  limit?: number;
  continueToken?: string;
}

export interface ListPage {
  items: Entry[];
  resourceVersion: number;
  continueToken?: string;
  remainingItemCount?: number;
}

interface ContinueToken {
  v: string;
  rv: number;
  start: string;
  t: number;
}

export interface ContinuePolicy {
  compactedRv: number;
  now: number;
  ttlMs: number;
}

const expiredMessage =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

export function encodeContinue(token: ContinueToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeContinue(text: string): ContinueToken {
  try {
    const token = JSON.parse(
      Buffer.from(text, 'base64url').toString('utf8'),
    ) as Partial<ContinueToken>;
    if (
      token.v !== 'meta.k8s.io/v1' ||
      typeof token.rv !== 'number' ||
      typeof token.start !== 'string'
    )
      throw new Error();
    return {
      v: token.v,
      rv: token.rv,
      start: token.start,
      t: typeof token.t === 'number' ? token.t : 0,
    };
  } catch {
    throw errors.badRequest(
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
  }
}

function lowerBound(keys: string[], start: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] ?? '') < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function listPage(
  store: ObjectStore,
  type: ResourceType,
  query: ListQuery,
  policy: ContinuePolicy,
): ListPage {
  const all = store.list(type, query.namespace);
  let startIndex = 0;
  let rv = store.resourceVersion;
  if (query.continueToken) {
    const token = decodeContinue(query.continueToken);
    if (token.rv < policy.compactedRv || (token.t && policy.now - token.t > policy.ttlMs)) {
      const inconsistent = encodeContinue({ ...token, rv: store.resourceVersion, t: policy.now });
      throw errors.expired(expiredMessage, { continue: inconsistent });
    }
    rv = token.rv;
    startIndex = lowerBound(
      all.map((e) => e.key),
      token.start,
    );
  }
  const filtered = query.labels.length > 0 || query.fields.length > 0;
  const limit = query.limit && query.limit > 0 ? query.limit : Infinity;
  const items: Entry[] = [];
  let index = startIndex;
  for (; index < all.length && items.length < limit; index++) {
    const entry = all[index]!;
    if (query.labels.length && !matchesLabels(query.labels, entry.obj.metadata.labels)) continue;
    if (query.fields.length && !matchesFields(query.fields, entry.obj)) continue;
    items.push(entry);
  }
  const page: ListPage = { items, resourceVersion: rv };
  if (index < all.length && items.length >= limit) {
    const last = items[items.length - 1]!;
    page.continueToken = encodeContinue({
      v: 'meta.k8s.io/v1',
      rv,
      start: `${last.key}\u0000`,
      t: policy.now,
    });
    if (!filtered) page.remainingItemCount = all.length - index;
  }
  return page;
}
