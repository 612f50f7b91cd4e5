// Picks the patch algorithm from the request's Content-Type, as the API server does.
import type { ResourceType } from '../api/resource-type';
import { errors } from '../api/status';
import { isPlainObject } from '../api/types';
import { applyJsonPatch, parseJsonPatch } from './json-patch';
import { mergePatch } from './merge-patch';
import { strategicMergePatch } from './strategic-merge-patch';

export type PatchType = 'json' | 'merge' | 'strategic';

export function patchTypeOf(contentType: string | undefined): PatchType | undefined {
  const base = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (base === 'application/json-patch+json') return 'json';
  if (base === 'application/merge-patch+json') return 'merge';
  if (base === 'application/strategic-merge-patch+json') return 'strategic';
  return undefined;
}

export function applyPatch(
  type: ResourceType,
  contentType: string | undefined,
  current: unknown,
  body: unknown,
): Record<string, unknown> {
  const kind = patchTypeOf(contentType);
  if (!kind || (kind === 'strategic' && !type.strategicMerge)) throw errors.unsupportedMediaType();
  let result: unknown;
  if (kind === 'json') result = applyJsonPatch(current, parseJsonPatch(body));
  else {
    if (!isPlainObject(body)) throw errors.badRequest('the patch must be a JSON object');
    result = kind === 'merge' ? mergePatch(current, body) : strategicMergePatch(current, body);
  }
  if (!isPlainObject(result)) throw errors.unprocessable('the patched object is not a JSON object');
  return result;
}
