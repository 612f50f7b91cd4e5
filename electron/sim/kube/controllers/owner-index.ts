// Who owns what: ownerReference uid -> dependents, kept current from store changes. The garbage
// collector and the workload controllers use it to find a Deployment's ReplicaSets, a
// ReplicaSet's pods, and so on.
import type { ResourceType } from '../api/resource-type';
import type { Entry, ObjectStore } from '../store/object-store';

export interface DependentRef {
  type: ResourceType;
  namespace: string;
  name: string;
}

export class OwnerIndex {
  private readonly byOwner = new Map<string, Map<string, DependentRef>>();

  constructor(private readonly store: ObjectStore) {
    store.subscribe((event) => {
      if (event.previous) this.remove(event.previous);
      if (event.type !== 'DELETED') this.add(event.entry);
    });
  }

  private refKey(entry: Entry): string {
    return `${entry.type.group}/${entry.type.resource}/${entry.key}`;
  }

  private add(entry: Entry): void {
    for (const owner of entry.obj.metadata.ownerReferences ?? []) {
      let set = this.byOwner.get(owner.uid);
      if (!set) this.byOwner.set(owner.uid, (set = new Map()));
      set.set(this.refKey(entry), {
        type: entry.type,
        namespace: entry.namespace,
        name: entry.name,
      });
    }
  }

  private remove(entry: Entry): void {
    for (const owner of entry.obj.metadata.ownerReferences ?? [])
      this.byOwner.get(owner.uid)?.delete(this.refKey(entry));
  }

  dependents(ownerUid: string): DependentRef[] {
    return [...(this.byOwner.get(ownerUid)?.values() ?? [])];
  }

  /** Current entries of one type owned by `ownerUid`. */
  owned(ownerUid: string, type: ResourceType): Entry[] {
    const out: Entry[] = [];
    for (const ref of this.dependents(ownerUid)) {
      if (ref.type !== type) continue;
      const entry = this.store.get(type, ref.namespace, ref.name);
      if (entry) out.push(entry);
    }
    return out;
  }
}
