// Serves a custom resource as soon as its CRD is stored and stops when it is deleted, taking its
// objects with it. Synchronous, so a client may use the resource right after creating the CRD.
import type { ObjectStore } from '../store/object-store';

export function startCrdController(store: ObjectStore): void {
  const crds = store.registry.find('apiextensions.k8s.io', 'customresourcedefinitions')!;
  store.subscribe((event) => {
    if (event.entry.type !== crds) return;
    if (event.type === 'DELETED') {
      const type = store.registry.removeCrd(event.entry.obj);
      if (type) store.dropType(type);
    } else {
      store.registry.addCrd(event.entry.obj);
    }
  });
}
