// The store as tests and scenarios see it: plain objects in and out, every write going through
// the real store so watches see it.
import type { KubeObject } from './api/types';
import { groupOf } from './api/types';
import type { SimRuntime } from './runtime';

export interface SimStore {
  /** Creates or replaces an object (resourceVersion ignored). */
  apply(obj: KubeObject): KubeObject;
  get(apiVersion: string, kind: string, namespace: string, name: string): KubeObject | undefined;
  list(apiVersion: string, kind: string, namespace?: string): KubeObject[];
  delete(apiVersion: string, kind: string, namespace: string, name: string): boolean;
  /** Appends container log lines (newline-separated) stamped with the scenario clock. */
  appendLog(namespace: string, pod: string, container: string, text: string): void;
  /** The current global resourceVersion. */
  resourceVersion(): number;
  /** Waits until the simulated controllers have reacted to every change. */
  settle(): Promise<void>;
}

export function createSimStore(rt: SimRuntime): SimStore {
  const typeOf = (apiVersion: string, kind: string) => {
    const type = rt.registry.forKind(groupOf(apiVersion), kind);
    if (!type) throw new Error(`the simulator does not serve ${kind} in ${apiVersion}`);
    return type;
  };
  return {
    apply: (obj) => structuredClone(rt.store.apply(obj).obj),
    get: (apiVersion, kind, namespace, name) => {
      const entry = rt.store.get(typeOf(apiVersion, kind), namespace, name);
      return entry ? structuredClone(entry.obj) : undefined;
    },
    list: (apiVersion, kind, namespace) =>
      rt.store.list(typeOf(apiVersion, kind), namespace).map((e) => structuredClone(e.obj)),
    delete: (apiVersion, kind, namespace, name) => {
      const type = typeOf(apiVersion, kind);
      if (!rt.store.get(type, namespace, name)) return false;
      rt.store.delete(type, namespace, name);
      return true;
    },
    appendLog: (namespace, pod, container, text) =>
      rt.logs.append(namespace, pod, container, text, rt.clock.nowMs()),
    resourceVersion: () => rt.store.resourceVersion,
    settle: () => rt.settle(),
  };
}
