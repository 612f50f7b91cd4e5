// The object store: what etcd is to the API server. One global, monotonically increasing
// resourceVersion; every write produces a new immutable entry (with its JSON kept, so large
// lists are served by joining strings) and a synchronous change event for watches and controllers.
import { randomUUID } from 'node:crypto';
import type { ResourceRegistry } from '../api/registry';
import { resourceKey, type ResourceType } from '../api/resource-type';
import { errors } from '../api/status';
import { clone, kubeTime, type KubeObject } from '../api/types';
import { applyCreateDefaults } from './defaults';

export class Entry {
  private serialized: string | undefined;
  constructor(
    readonly obj: KubeObject,
    readonly rv: number,
    readonly type: ResourceType,
  ) {}

  get json(): string {
    this.serialized ??= JSON.stringify(this.obj);
    return this.serialized;
  }

  get namespace(): string {
    return this.obj.metadata.namespace ?? '';
  }

  get name(): string {
    return this.obj.metadata.name;
  }

  get key(): string {
    return objectKey(this.namespace, this.name);
  }
}

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface ChangeEvent {
  type: ChangeType;
  entry: Entry;
  previous?: Entry;
  rv: number;
}

export type ChangeListener = (event: ChangeEvent) => void;

export interface WriteOptions {
  dryRun?: boolean;
  /** Seeding keeps the uid and creationTimestamp it was given. */
  keepMetadata?: boolean;
  /** "status" writes only status; "main" writes everything but status when the type has a status subresource. */
  subresource?: 'status' | 'main' | 'all';
  /** The caller hands over a fresh object it will not touch again (bulk seeding): skip the copy. */
  noCopy?: boolean;
}

function objectKey(namespace: string, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

const nameChars = 'bcdfghjklmnpqrstvwxz2456789';
export function randomSuffix(length = 5): string {
  let s = '';
  for (let i = 0; i < length; i++) s += nameChars[Math.floor(Math.random() * nameChars.length)];
  return s;
}

const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

class ResourceTable {
  readonly entries = new Map<string, Entry>();
  readonly byNamespace = new Map<string, Set<string>>();
  private sorted = new Map<string, string[]>();

  put(entry: Entry, isNew: boolean): void {
    this.entries.set(entry.key, entry);
    if (isNew) {
      let set = this.byNamespace.get(entry.namespace);
      if (!set) this.byNamespace.set(entry.namespace, (set = new Set()));
      set.add(entry.key);
      this.sorted.clear();
    }
  }

  remove(entry: Entry): void {
    this.entries.delete(entry.key);
    this.byNamespace.get(entry.namespace)?.delete(entry.key);
    this.sorted.clear();
  }

  /** Keys in etcd order (namespace/name), for one namespace or all. */
  keys(namespace: string | undefined): string[] {
    const cacheKey = namespace ?? '\u0000all';
    let keys = this.sorted.get(cacheKey);
    if (!keys) {
      keys =
        namespace === undefined
          ? [...this.entries.keys()]
          : [...(this.byNamespace.get(namespace) ?? [])];
      keys.sort();
      this.sorted.set(cacheKey, keys);
    }
    return keys;
  }
}

export class ObjectStore {
  private rvCounter = 0;
  private readonly tables = new Map<string, ResourceTable>();
  private readonly listeners = new Set<ChangeListener>();

  constructor(
    readonly registry: ResourceRegistry,
    private readonly now: () => Date,
  ) {}

  get resourceVersion(): number {
    return this.rvCounter;
  }

  /** Advances the global resourceVersion without a change (compaction marks a new epoch). */
  bumpResourceVersion(): number {
    return ++this.rvCounter;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  typeOf(obj: Pick<KubeObject, 'apiVersion' | 'kind'>): ResourceType {
    const type = this.registry.forObject(obj);
    if (!type)
      throw errors.badRequest(`no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`);
    return type;
  }

  private table(type: ResourceType): ResourceTable {
    const key = resourceKey(type);
    let table = this.tables.get(key);
    if (!table) this.tables.set(key, (table = new ResourceTable()));
    return table;
  }

  get(type: ResourceType, namespace: string, name: string): Entry | undefined {
    return this.tables
      .get(resourceKey(type))
      ?.entries.get(objectKey(type.namespaced ? namespace : '', name));
  }

  mustGet(type: ResourceType, namespace: string, name: string): Entry {
    const entry = this.get(type, namespace, name);
    if (!entry) throw errors.notFound(type.group, type.resource, name);
    return entry;
  }

  /** Entries sorted by namespace/name; `namespace` undefined means all namespaces. */
  list(type: ResourceType, namespace?: string): Entry[] {
    const table = this.tables.get(resourceKey(type));
    if (!table) return [];
    const ns = type.namespaced ? namespace : undefined;
    const out: Entry[] = [];
    for (const key of table.keys(ns)) {
      const entry = table.entries.get(key);
      if (entry) out.push(entry);
    }
    return out;
  }

  count(type: ResourceType): number {
    return this.tables.get(resourceKey(type))?.entries.size ?? 0;
  }

  private emit(event: ChangeEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  create(input: KubeObject, options: WriteOptions = {}): Entry {
    const type = this.typeOf(input);
    const obj = options.noCopy ? input : clone(input);
    const meta = obj.metadata ?? (obj.metadata = { name: '' });
    if (!type.namespaced) delete meta.namespace;
    else if (!meta.namespace)
      throw errors.badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${randomSuffix()}`;
    if (!meta.name) {
      throw errors.invalid(type.group, type.kind, '', [
        {
          field: 'metadata.name',
          message: 'Required value: name or generateName is required',
          reason: 'FieldValueRequired',
        },
      ]);
    }
    if (meta.name.length > 253 || !dnsSubdomain.test(meta.name)) {
      throw errors.invalid(type.group, type.kind, meta.name, [
        {
          field: 'metadata.name',
          message: `Invalid value: "${meta.name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
        },
      ]);
    }
    const table = this.table(type);
    if (type.namespaced && !this.get(this.registry.find('', 'namespaces')!, '', meta.namespace!)) {
      throw errors.notFound('', 'namespaces', meta.namespace!);
    }
    if (table.entries.has(objectKey(meta.namespace ?? '', meta.name))) {
      throw errors.alreadyExists(type.group, type.resource, meta.name);
    }
    if (!options.keepMetadata || !meta.uid) meta.uid = randomUUID();
    if (!options.keepMetadata || !meta.creationTimestamp)
      meta.creationTimestamp = kubeTime(this.now());
    if (type.group !== '' && meta.generation === undefined) meta.generation = 1;
    delete meta.deletionTimestamp;
    applyCreateDefaults(obj);
    if (options.dryRun) return new Entry(obj, this.rvCounter, type);
    const rv = ++this.rvCounter;
    meta.resourceVersion = String(rv);
    const entry = new Entry(obj, rv, type);
    table.put(entry, true);
    this.emit({ type: 'ADDED', entry, rv });
    return entry;
  }

  /**
   * Replaces an object. A resourceVersion in the input is a precondition (409 on mismatch);
   * an update that changes nothing keeps the old resourceVersion and emits nothing.
   */
  update(input: KubeObject, options: WriteOptions = {}): Entry {
    const type = this.typeOf(input);
    const namespace = type.namespaced ? (input.metadata.namespace ?? '') : '';
    const existing = this.mustGet(type, namespace, input.metadata.name);
    const requested = input.metadata.resourceVersion;
    if (requested && requested !== String(existing.rv))
      throw errors.conflict(type.group, type.resource, existing.name);
    const obj = options.noCopy ? input : clone(input);
    const old = existing.obj;
    const sub = options.subresource ?? 'all';
    if (type.statusSubresource && sub === 'main') {
      if (old['status'] === undefined) delete obj['status'];
      else obj['status'] = clone(old['status']);
    }
    if (sub === 'status') {
      for (const key of Object.keys(obj))
        if (key !== 'status' && key !== 'metadata') delete obj[key];
      for (const [key, value] of Object.entries(old))
        if (key !== 'status' && key !== 'metadata') obj[key] = clone(value);
      obj.metadata = {
        ...clone(old.metadata),
        labels: obj.metadata.labels ?? old.metadata.labels,
        annotations: obj.metadata.annotations ?? old.metadata.annotations,
      };
    }
    const meta = obj.metadata;
    meta.name = old.metadata.name;
    if (type.namespaced) meta.namespace = old.metadata.namespace;
    else delete meta.namespace;
    meta.uid = old.metadata.uid;
    meta.creationTimestamp = old.metadata.creationTimestamp;
    if (old.metadata.deletionTimestamp) meta.deletionTimestamp = old.metadata.deletionTimestamp;
    if (old.metadata.generation !== undefined) {
      meta.generation = old.metadata.generation;
      if (specChanged(old, obj)) meta.generation += 1;
    }
    meta.resourceVersion = String(existing.rv);
    if (JSON.stringify(obj) === existing.json) return existing;
    if (options.dryRun) return new Entry(obj, existing.rv, type);
    if (meta.deletionTimestamp && !(meta.finalizers ?? []).length) {
      return this.remove(type, new Entry(obj, existing.rv, type), existing);
    }
    const rv = ++this.rvCounter;
    meta.resourceVersion = String(rv);
    const entry = new Entry(obj, rv, type);
    this.table(type).put(entry, false);
    this.emit({ type: 'MODIFIED', entry, previous: existing, rv });
    return entry;
  }

  /** Deletes now, or marks for deletion while finalizers remain. */
  delete(
    type: ResourceType,
    namespace: string,
    name: string,
    options: { dryRun?: boolean; uid?: string } = {},
  ): Entry {
    const existing = this.mustGet(type, namespace, name);
    if (options.uid && options.uid !== existing.obj.metadata.uid) {
      throw errors.conflict(type.group, type.resource, name);
    }
    if (options.dryRun) return existing;
    if ((existing.obj.metadata.finalizers ?? []).length) {
      if (existing.obj.metadata.deletionTimestamp) return existing;
      const marked = clone(existing.obj);
      marked.metadata.deletionTimestamp = kubeTime(this.now());
      marked.metadata.resourceVersion = undefined;
      return this.update(marked);
    }
    return this.remove(type, existing, existing);
  }

  private remove(type: ResourceType, last: Entry, existing: Entry): Entry {
    const rv = ++this.rvCounter;
    const obj = clone(last.obj);
    obj.metadata.resourceVersion = String(rv);
    const entry = new Entry(obj, rv, type);
    this.table(type).remove(existing);
    this.emit({ type: 'DELETED', entry, previous: existing, rv });
    return entry;
  }

  /** Creates or replaces, ignoring resourceVersion: for seeding, controllers and tests. */
  apply(obj: KubeObject, options: WriteOptions = {}): Entry {
    const type = this.typeOf(obj);
    const existing = this.get(type, obj.metadata.namespace ?? '', obj.metadata.name);
    if (!existing) return this.create(obj, { keepMetadata: true, ...options });
    const next = options.noCopy ? obj : clone(obj);
    next.metadata.resourceVersion = undefined;
    return this.update(next, options);
  }

  /** Drops every object of a type without events (used when a CRD is removed). */
  dropType(type: ResourceType): Entry[] {
    const table = this.tables.get(resourceKey(type));
    if (!table) return [];
    const dropped = [...table.entries.values()];
    this.tables.delete(resourceKey(type));
    return dropped;
  }
}

/** True when anything outside metadata and status differs: that bumps metadata.generation. */
function specChanged(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject): string => {
    const { metadata: _m, status: _s, ...rest } = o;
    return JSON.stringify(rest);
  };
  return strip(a) !== strip(b);
}
