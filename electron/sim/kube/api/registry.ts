// The set of resources currently served: the built-ins plus one entry per stored
// CustomResourceDefinition, so discovery and routing follow CRDs as they come and go.
import { builtinResources } from './builtin-resources';
import { allVerbs, resourceKey, type PrinterColumn, type ResourceType } from './resource-type';
import { getPath, groupOf, isPlainObject, versionOf, type KubeObject } from './types';

export interface ApiGroupInfo {
  name: string;
  versions: string[];
  preferredVersion: string;
}

export class ResourceRegistry {
  private readonly byKey = new Map<string, ResourceType>();

  constructor() {
    for (const type of builtinResources) this.byKey.set(resourceKey(type), type);
  }

  all(): ResourceType[] {
    return [...this.byKey.values()];
  }

  find(group: string, resource: string): ResourceType | undefined {
    return this.byKey.get(`${group}/${resource}`);
  }

  /** The type served at GROUP/VERSION/RESOURCE, or undefined when that version is not served. */
  findServed(group: string, version: string, resource: string): ResourceType | undefined {
    const type = this.find(group, resource);
    return type && type.version === version ? type : undefined;
  }

  forObject(obj: Pick<KubeObject, 'apiVersion' | 'kind'>): ResourceType | undefined {
    const group = groupOf(obj.apiVersion);
    const version = versionOf(obj.apiVersion);
    for (const type of this.byKey.values()) {
      if (type.group === group && type.kind === obj.kind && type.version === version) return type;
    }
    return undefined;
  }

  forKind(group: string, kind: string): ResourceType | undefined {
    for (const type of this.byKey.values())
      if (type.group === group && type.kind === kind) return type;
    return undefined;
  }

  /** Groups in discovery order: the legacy core group first, then built-ins, then CRD groups. */
  groups(): ApiGroupInfo[] {
    const seen = new Map<string, ApiGroupInfo>();
    for (const type of this.byKey.values()) {
      const info = seen.get(type.group) ?? {
        name: type.group,
        versions: [],
        preferredVersion: type.version,
      };
      if (!info.versions.includes(type.version)) info.versions.push(type.version);
      seen.set(type.group, info);
    }
    return [...seen.values()];
  }

  inGroupVersion(group: string, version: string): ResourceType[] {
    return this.all().filter((t) => t.group === group && t.version === version);
  }

  addCrd(crd: KubeObject): ResourceType | undefined {
    const type = typeFromCrd(crd);
    if (type) this.byKey.set(resourceKey(type), type);
    return type;
  }

  removeCrd(crd: KubeObject): ResourceType | undefined {
    const type = typeFromCrd(crd);
    if (!type) return undefined;
    const existing = this.byKey.get(resourceKey(type));
    if (existing?.crd) this.byKey.delete(resourceKey(type));
    return existing;
  }
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

/** Reads an apiextensions.k8s.io/v1 CRD: the first served version is the one we serve. */
export function typeFromCrd(crd: KubeObject): ResourceType | undefined {
  const spec = crd['spec'];
  if (!isPlainObject(spec)) return undefined;
  const names = spec['names'];
  const versions = spec['versions'];
  if (!isPlainObject(names) || !Array.isArray(versions)) return undefined;
  const served =
    versions.find((v) => isPlainObject(v) && v['served'] !== false && v['storage'] !== false) ??
    versions.find((v) => isPlainObject(v) && v['served'] !== false);
  if (!isPlainObject(served)) return undefined;
  const group = String(spec['group'] ?? '');
  const kind = String(names['kind'] ?? '');
  const plural = String(names['plural'] ?? '');
  const subresources = isPlainObject(served['subresources']) ? served['subresources'] : {};
  const hasStatus = 'status' in subresources;
  const hasScale = 'scale' in subresources;
  const columns = Array.isArray(served['additionalPrinterColumns'])
    ? served['additionalPrinterColumns'].filter(isPlainObject).map((c): PrinterColumn => ({
        name: String(c['name']),
        type: String(c['type'] ?? 'string'),
        ...(c['format'] ? { format: String(c['format']) } : {}),
        ...(c['description'] ? { description: String(c['description']) } : {}),
        ...(typeof c['priority'] === 'number' ? { priority: c['priority'] } : {}),
        jsonPath: String(c['jsonPath']),
      }))
    : undefined;
  const shortNames = stringList(names['shortNames']);
  const categories = stringList(names['categories']);
  return {
    group,
    version: String(served['name']),
    resource: plural,
    singular: String(names['singular'] ?? kind.toLowerCase()),
    kind,
    listKind: String(names['listKind'] ?? `${kind}List`),
    namespaced: spec['scope'] !== 'Cluster',
    verbs: allVerbs,
    ...(shortNames ? { shortNames } : {}),
    ...(categories ? { categories } : {}),
    subresources: [
      ...(hasStatus ? [{ name: 'status', kind, verbs: ['get', 'patch', 'update'] }] : []),
      ...(hasScale
        ? [
            {
              name: 'scale',
              kind: 'Scale',
              group: 'autoscaling',
              version: 'v1',
              verbs: ['get', 'patch', 'update'],
            },
          ]
        : []),
    ],
    statusSubresource: hasStatus,
    ...(columns ? { printerColumns: columns } : {}),
    crd: String(getPath(crd, 'metadata.name')),
    strategicMerge: false,
  };
}
