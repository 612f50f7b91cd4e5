// Cascading deletion: when an owner goes, its dependents follow (background propagation), unless
// the delete asked to orphan them. Deleting a namespace deletes what it holds; a deleted pod's
// logs go with it.
import type { ObjectStore } from '../store/object-store';
import type { PodLogs } from '../store/pod-logs';
import type { OwnerIndex } from './owner-index';
import type { WorkQueue } from './work-queue';

export function startGarbageCollector(
  store: ObjectStore,
  owners: OwnerIndex,
  queue: WorkQueue,
  logs: PodLogs,
  orphaned: Set<string>,
): void {
  const namespaces = store.registry.find('', 'namespaces')!;
  const pods = store.registry.find('', 'pods')!;
  store.subscribe((event) => {
    if (event.type !== 'DELETED') return;
    const obj = event.entry.obj;
    const uid = obj.metadata.uid ?? '';
    if (event.entry.type === pods) logs.deletePod(obj.metadata.namespace ?? '', obj.metadata.name);
    if (orphaned.delete(uid)) return;
    const dependents = owners.dependents(uid);
    if (dependents.length) {
      queue.add(`gc:${uid}`, () => {
        for (const ref of dependents) {
          if (store.get(ref.type, ref.namespace, ref.name))
            store.delete(ref.type, ref.namespace, ref.name);
        }
      });
    }
    if (event.entry.type === namespaces) {
      const namespace = obj.metadata.name;
      queue.add(`gc-namespace:${namespace}`, () => {
        for (const type of store.registry.all()) {
          if (!type.namespaced) continue;
          for (const entry of store.list(type, namespace))
            store.delete(type, namespace, entry.name);
        }
      });
    }
  });
}
