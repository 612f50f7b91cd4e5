// JSON merge patch (RFC 7386, application/merge-patch+json): objects merge, null deletes,
// everything else (arrays included) replaces.
import { clone, isPlainObject } from '../api/types';

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return clone(patch);
  const result: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}
