// ReplicaSets keep spec.replicas pods alive from their template and report how many are ready.
import { getPath, isPlainObject, kubeTime, type KubeObject } from '../api/types';
import type { ScenarioClock } from '../scenario/clock';
import { randomSuffix, type Entry, type ObjectStore } from '../store/object-store';
import type { EventRecorder } from './event-recorder';
import { controllerOf, controllerRef } from './helpers';
import type { OwnerIndex } from './owner-index';
import type { WorkQueue } from './work-queue';

export function podIsReady(pod: KubeObject): boolean {
  const conditions = getPath(pod, 'status.conditions');
  return (
    getPath(pod, 'status.phase') === 'Running' &&
    Array.isArray(conditions) &&
    conditions.some((c) => isPlainObject(c) && c['type'] === 'Ready' && c['status'] === 'True')
  );
}

export class ReplicaSetController {
  private readonly rsType;
  private readonly podType;

  constructor(
    private readonly store: ObjectStore,
    private readonly owners: OwnerIndex,
    private readonly queue: WorkQueue,
    private readonly events: EventRecorder,
    private readonly clock: ScenarioClock,
  ) {
    this.rsType = store.registry.find('apps', 'replicasets')!;
    this.podType = store.registry.find('', 'pods')!;
    store.subscribe((event) => {
      const { entry } = event;
      if (entry.type === this.rsType && event.type !== 'DELETED')
        this.enqueue(entry.namespace, entry.name);
      if (entry.type === this.podType) {
        const owner = controllerOf(entry.obj);
        if (owner?.kind === 'ReplicaSet') this.enqueue(entry.namespace, owner.name);
      }
    });
  }

  private enqueue(namespace: string, name: string): void {
    this.queue.add(`rs:${namespace}/${name}`, () => this.reconcile(namespace, name));
  }

  private reconcile(namespace: string, name: string): void {
    const rs = this.store.get(this.rsType, namespace, name);
    if (!rs || rs.obj.metadata.deletionTimestamp) return;
    const pods = this.owners
      .owned(rs.obj.metadata.uid ?? '', this.podType)
      .filter((p) => !p.obj.metadata.deletionTimestamp);
    const desired = Number(getPath(rs.obj, 'spec.replicas') ?? 1);
    if (pods.length < desired) {
      for (let i = pods.length; i < desired; i++) this.createPod(rs);
      return;
    }
    if (pods.length > desired) {
      // Not-ready pods go first, then the youngest, as the ReplicaSet controller ranks them.
      const doomed = [...pods]
        .sort(
          (a, b) =>
            Number(podIsReady(a.obj)) - Number(podIsReady(b.obj)) ||
            (b.obj.metadata.creationTimestamp ?? '').localeCompare(
              a.obj.metadata.creationTimestamp ?? '',
            ),
        )
        .slice(0, pods.length - desired);
      for (const pod of doomed) {
        this.store.delete(this.podType, namespace, pod.name);
        this.events.record(rs.obj, {
          reason: 'SuccessfulDelete',
          message: `Deleted pod: ${pod.name}`,
          component: 'replicaset-controller',
        });
      }
      return;
    }
    this.updateStatus(rs, pods);
  }

  private createPod(rs: Entry): void {
    const template = getPath(rs.obj, 'spec.template');
    const metadata =
      isPlainObject(template) && isPlainObject(template['metadata']) ? template['metadata'] : {};
    const spec = isPlainObject(template) && isPlainObject(template['spec']) ? template['spec'] : {};
    const name = `${rs.name}-${randomSuffix()}`;
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: rs.namespace,
        labels: structuredClone((metadata['labels'] as Record<string, string> | undefined) ?? {}),
        ...(metadata['annotations']
          ? { annotations: structuredClone(metadata['annotations'] as Record<string, string>) }
          : {}),
        ownerReferences: [controllerRef(rs.obj)],
        creationTimestamp: kubeTime(this.clock.now()),
      },
      spec: structuredClone(spec),
      status: { phase: 'Pending' },
    };
    this.store.create(pod);
    this.events.record(rs.obj, {
      reason: 'SuccessfulCreate',
      message: `Created pod: ${name}`,
      component: 'replicaset-controller',
    });
  }

  private updateStatus(rs: Entry, pods: Entry[]): void {
    const ready = pods.filter((p) => podIsReady(p.obj)).length;
    const status = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: rs.obj.metadata.generation ?? 1,
    };
    const current = isPlainObject(rs.obj['status']) ? rs.obj['status'] : {};
    const same = Object.entries(status).every(([k, v]) => (current[k] ?? 0) === v);
    if (same) return;
    const next = structuredClone(rs.obj);
    next['status'] = status;
    next.metadata.resourceVersion = undefined;
    this.store.update(next, { subresource: 'status' });
  }
}
