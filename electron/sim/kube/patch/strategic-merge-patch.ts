// Strategic merge patch (application/strategic-merge-patch+json), for built-in types only.
// Lists of named things merge by their patchMergeKey (containers and env by name, volumeMounts by
// mountPath...) instead of being replaced; `$patch: replace|delete`, `$retainKeys` and
// `$deleteFromPrimitiveList/<field>` directives are honoured. This covers what `kubectl patch`
// (default type), `kubectl rollout restart` and `kubectl set image/env` send.
import { clone, isPlainObject } from '../api/types';

const byName = new Set([
  'containers',
  'initContainers',
  'ephemeralContainers',
  'env',
  'volumes',
  'imagePullSecrets',
  'resourceClaims',
]);

const containerLists = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** The patchMergeKey of the list at `path`, as the built-in Go types declare it. */
export function mergeKeyFor(path: string[]): string | undefined {
  const field = path[path.length - 1] ?? '';
  if (byName.has(field)) return 'name';
  switch (field) {
    case 'volumeMounts':
      return 'mountPath';
    case 'volumeDevices':
      return 'devicePath';
    case 'hostAliases':
      return 'ip';
    case 'conditions':
      return 'type';
    case 'ownerReferences':
      return 'uid';
    case 'topologySpreadConstraints':
      return 'topologyKey';
    case 'ports':
      return path.some((p) => containerLists.has(p)) ? 'containerPort' : 'port';
    default:
      return undefined;
  }
}

/** Lists of scalars that merge as sets rather than being replaced. */
const primitiveMergeLists = new Set(['finalizers']);

function stripDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDirectives);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$')) continue;
    out[k] = stripDirectives(v);
  }
  return out;
}

function mergeList(original: unknown[], patch: unknown[], key: string, path: string[]): unknown[] {
  if (patch.some((item) => isPlainObject(item) && item['$patch'] === 'replace')) {
    return patch
      .filter((item) => !(isPlainObject(item) && item['$patch'] === 'replace'))
      .map(stripDirectives);
  }
  const result = [...original];
  for (const item of patch) {
    if (!isPlainObject(item) || !(key in item)) {
      result.push(stripDirectives(item));
      continue;
    }
    const index = result.findIndex((el) => isPlainObject(el) && el[key] === item[key]);
    if (item['$patch'] === 'delete') {
      if (index >= 0) result.splice(index, 1);
      continue;
    }
    if (index >= 0) result[index] = strategicMergePatch(result[index], item, [...path, '[]']);
    else result.push(stripDirectives(item));
  }
  return result;
}

export function strategicMergePatch(target: unknown, patch: unknown, path: string[] = []): unknown {
  if (!isPlainObject(patch)) return clone(patch);
  if (patch['$patch'] === 'replace') return stripDirectives(patch);
  if (patch['$patch'] === 'delete') return undefined;
  const result: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};

  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const current = result[field];
      if (Array.isArray(current) && Array.isArray(value))
        result[field] = current.filter((v) => !value.includes(v));
      continue;
    }
    if (key.startsWith('$')) continue;
    if (value === null) {
      delete result[key];
      continue;
    }
    const current = result[key];
    const childPath = [...path, key];
    if (Array.isArray(value)) {
      const mergeKey = mergeKeyFor(childPath);
      if (mergeKey && Array.isArray(current))
        result[key] = mergeList(current, value, mergeKey, childPath);
      else if (primitiveMergeLists.has(key) && Array.isArray(current))
        result[key] = [...current, ...value.filter((v) => !current.includes(v))];
      else result[key] = stripDirectives(value);
      continue;
    }
    if (isPlainObject(value)) {
      const merged = strategicMergePatch(current, value, childPath);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
      continue;
    }
    result[key] = value;
  }

  const retain = patch['$retainKeys'];
  if (Array.isArray(retain)) {
    for (const k of Object.keys(result)) if (!retain.includes(k)) delete result[k];
  }
  return result;
}
