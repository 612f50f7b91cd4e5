// Records core/v1 Events the way client-go's recorder does: one Event per object, reason and
// message, with count and lastTimestamp bumped when it repeats.
import { randomBytes } from 'node:crypto';
import { kubeTime, type KubeObject } from '../api/types';
import type { ScenarioClock } from '../scenario/clock';
import type { ObjectStore } from '../store/object-store';

export interface EventInput {
  type?: 'Normal' | 'Warning';
  reason: string;
  message: string;
  component: string;
  host?: string;
  fieldPath?: string;
  /** Defaults to now. */
  at?: number;
  count?: number;
  firstAt?: number;
}

export class EventRecorder {
  private readonly recent = new Map<string, string>();

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: ScenarioClock,
  ) {}

  record(involved: KubeObject, input: EventInput): void {
    const namespace = involved.metadata.namespace || 'default';
    if (!this.store.get(this.store.registry.find('', 'namespaces')!, '', namespace)) return;
    const at = input.at ?? this.clock.nowMs();
    const eventType = this.store.registry.find('', 'events')!;
    const aggregateKey = `${involved.metadata.uid}/${input.reason}/${input.message}`;
    const existingName = this.recent.get(aggregateKey);
    const existing = existingName ? this.store.get(eventType, namespace, existingName) : undefined;
    if (existing) {
      const next = structuredClone(existing.obj);
      next['count'] = Number(next['count'] ?? 1) + (input.count ?? 1);
      next['lastTimestamp'] = kubeTime(at);
      next.metadata.resourceVersion = undefined;
      this.store.update(next, { noCopy: true });
      return;
    }
    const name = `${involved.metadata.name}.${randomBytes(8).toString('hex')}`;
    this.recent.set(aggregateKey, name);
    this.store.create(
      {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace, creationTimestamp: kubeTime(input.firstAt ?? at) },
        involvedObject: {
          kind: involved.kind,
          namespace: involved.metadata.namespace,
          name: involved.metadata.name,
          uid: involved.metadata.uid,
          apiVersion: involved.apiVersion,
          resourceVersion: involved.metadata.resourceVersion,
          ...(input.fieldPath ? { fieldPath: input.fieldPath } : {}),
        },
        reason: input.reason,
        message: input.message,
        source: { component: input.component, ...(input.host ? { host: input.host } : {}) },
        firstTimestamp: kubeTime(input.firstAt ?? at),
        lastTimestamp: kubeTime(at),
        count: input.count ?? 1,
        type: input.type ?? 'Normal',
        eventTime: null,
        reportingComponent: input.component,
        reportingInstance: input.host ?? '',
      },
      { keepMetadata: true, noCopy: true },
    );
  }
}
