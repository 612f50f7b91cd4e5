// Deployments as kube-controller-manager runs them, enough for `kubectl rollout
// status|history|undo|restart`: a template change makes (or revives) a ReplicaSet named
// NAME-<pod-template-hash> carrying deployment.kubernetes.io/revision; the old ReplicaSets are
// scaled down once the new one is available; status and the Progressing/Available conditions
// converge as pods turn ready.
import { getPath, isPlainObject, type KubeObject } from '../api/types';
import type { ScenarioClock } from '../scenario/clock';
import type { Entry, ObjectStore } from '../store/object-store';
import type { EventRecorder } from './event-recorder';
import {
  canonicalJson,
  controllerOf,
  controllerRef,
  mergeConditions,
  shortHash,
  type Condition,
} from './helpers';
import type { OwnerIndex } from './owner-index';
import type { WorkQueue } from './work-queue';

const revisionKey = 'deployment.kubernetes.io/revision';
const historyKey = 'deployment.kubernetes.io/revision-history';
/** Deployment annotations that are not copied onto its ReplicaSets (deployment/util annotationsToSkip). */
const notCopied = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  revisionKey,
  historyKey,
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

function templateWithoutHash(template: unknown): unknown {
  if (!isPlainObject(template)) return template;
  const copy = structuredClone(template);
  const labels = getPath(copy, 'metadata.labels');
  if (isPlainObject(labels)) delete labels['pod-template-hash'];
  return copy;
}

// Entries are immutable, so a ReplicaSet's canonical template can be computed once.
const canonicalTemplates = new WeakMap<Entry, string>();
function canonicalTemplate(rs: Entry): string {
  let text = canonicalTemplates.get(rs);
  if (text === undefined) {
    text = canonicalJson(templateWithoutHash(getPath(rs.obj, 'spec.template')));
    canonicalTemplates.set(rs, text);
  }
  return text;
}

function revisionOf(rs: KubeObject): number {
  return Number(rs.metadata.annotations?.[revisionKey] ?? 0);
}

export function podTemplateHash(template: unknown): string {
  return shortHash(templateWithoutHash(template));
}

export class DeploymentController {
  private readonly deployType;
  private readonly rsType;

  constructor(
    private readonly store: ObjectStore,
    private readonly owners: OwnerIndex,
    private readonly queue: WorkQueue,
    private readonly events: EventRecorder,
    private readonly clock: ScenarioClock,
  ) {
    this.deployType = store.registry.find('apps', 'deployments')!;
    this.rsType = store.registry.find('apps', 'replicasets')!;
    store.subscribe((event) => {
      const { entry } = event;
      if (entry.type === this.deployType && event.type !== 'DELETED')
        this.enqueue(entry.namespace, entry.name);
      if (entry.type === this.rsType) {
        const owner = controllerOf(entry.obj);
        if (owner?.kind === 'Deployment') this.enqueue(entry.namespace, owner.name);
      }
    });
  }

  private enqueue(namespace: string, name: string): void {
    this.queue.add(`deploy:${namespace}/${name}`, () => this.reconcile(namespace, name));
  }

  private write(obj: KubeObject, subresource: 'main' | 'status' = 'main'): Entry {
    const next = structuredClone(obj);
    next.metadata.resourceVersion = undefined;
    return this.store.update(next, { subresource });
  }

  private reconcile(namespace: string, name: string): void {
    const deploy = this.store.get(this.deployType, namespace, name);
    if (!deploy || deploy.obj.metadata.deletionTimestamp) return;
    const d = deploy.obj;
    const desired = Number(getPath(d, 'spec.replicas') ?? 1);
    const template = getPath(d, 'spec.template');
    const wanted = canonicalJson(templateWithoutHash(template));
    const owned = this.owners.owned(d.metadata.uid ?? '', this.rsType);
    const maxRevision = owned.reduce((m, rs) => Math.max(m, revisionOf(rs.obj)), 0);
    let newRs = owned.find((rs) => canonicalTemplate(rs) === wanted);

    if (getPath(d, 'spec.paused') === true) {
      this.updateStatus(deploy, owned, newRs, desired);
      return;
    }
    if (!newRs) {
      newRs = this.createReplicaSet(d, template, maxRevision + 1, desired);
      return; // the new ReplicaSet's ADDED event brings us back
    }
    const rsRevision = revisionOf(newRs.obj);
    if (rsRevision < maxRevision) {
      // A rollback revived an old template: it becomes the newest revision, keeping its history.
      const next = structuredClone(newRs.obj);
      const annotations = (next.metadata.annotations ??= {});
      const history = annotations[historyKey]
        ? `${annotations[historyKey]},${rsRevision}`
        : String(rsRevision);
      annotations[historyKey] = history;
      annotations[revisionKey] = String(maxRevision + 1);
      newRs = this.write(next);
    }
    if (d.metadata.annotations?.[revisionKey] !== newRs.obj.metadata.annotations?.[revisionKey]) {
      const next = structuredClone(d);
      next.metadata.annotations = {
        ...next.metadata.annotations,
        [revisionKey]: newRs.obj.metadata.annotations?.[revisionKey] ?? '1',
      };
      this.write(next);
      return;
    }
    if (Number(getPath(newRs.obj, 'spec.replicas') ?? 0) !== desired) {
      const from = Number(getPath(newRs.obj, 'spec.replicas') ?? 0);
      const next = structuredClone(newRs.obj);
      (next['spec'] as Record<string, unknown>)['replicas'] = desired;
      next.metadata.annotations = {
        ...next.metadata.annotations,
        'deployment.kubernetes.io/desired-replicas': String(desired),
      };
      this.write(next);
      this.events.record(d, {
        reason: 'ScalingReplicaSet',
        message: `Scaled ${desired > from ? 'up' : 'down'} replica set ${newRs.name} from ${from} to ${desired}`,
        component: 'deployment-controller',
      });
      return;
    }
    const newAvailable = Number(getPath(newRs.obj, 'status.availableReplicas') ?? 0);
    if (newAvailable >= desired) {
      for (const old of owned) {
        if (old === newRs || Number(getPath(old.obj, 'spec.replicas') ?? 0) === 0) continue;
        const from = Number(getPath(old.obj, 'spec.replicas') ?? 0);
        const next = structuredClone(old.obj);
        (next['spec'] as Record<string, unknown>)['replicas'] = 0;
        this.write(next);
        this.events.record(d, {
          reason: 'ScalingReplicaSet',
          message: `Scaled down replica set ${old.name} from ${from} to 0`,
          component: 'deployment-controller',
        });
      }
      this.cleanupHistory(d, owned, newRs);
    }
    this.updateStatus(deploy, owned, newRs, desired);
  }

  private createReplicaSet(
    d: KubeObject,
    template: unknown,
    revision: number,
    desired: number,
  ): Entry {
    const hash = podTemplateHash(template);
    const podTemplate = structuredClone(isPlainObject(template) ? template : {}) as Record<
      string,
      unknown
    >;
    const meta = (podTemplate['metadata'] ??= {}) as Record<string, unknown>;
    meta['labels'] = {
      ...((meta['labels'] as Record<string, string> | undefined) ?? {}),
      'pod-template-hash': hash,
    };
    const selector = structuredClone(
      (getPath(d, 'spec.selector') as Record<string, unknown> | undefined) ?? {},
    );
    selector['matchLabels'] = {
      ...((selector['matchLabels'] as Record<string, string> | undefined) ?? {}),
      'pod-template-hash': hash,
    };
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.metadata.annotations ?? {}))
      if (!notCopied.has(k)) annotations[k] = v;
    annotations[revisionKey] = String(revision);
    annotations['deployment.kubernetes.io/desired-replicas'] = String(desired);
    annotations['deployment.kubernetes.io/max-replicas'] = String(
      desired + Math.max(1, Math.ceil(desired / 4)),
    );
    const name = `${d.metadata.name}-${hash}`;
    const rs: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        namespace: d.metadata.namespace,
        labels: { ...((meta['labels'] as Record<string, string>) ?? {}) },
        annotations,
        ownerReferences: [controllerRef(d)],
      },
      spec: { replicas: desired, selector, template: podTemplate },
      status: { replicas: 0 },
    };
    const entry = this.store.create(rs);
    this.events.record(d, {
      reason: 'ScalingReplicaSet',
      message: `Scaled up replica set ${name} from 0 to ${desired}`,
      component: 'deployment-controller',
    });
    return entry;
  }

  private cleanupHistory(d: KubeObject, owned: Entry[], newRs: Entry): void {
    const limit = Number(getPath(d, 'spec.revisionHistoryLimit') ?? 10);
    const old = owned
      .filter(
        (rs) =>
          rs !== newRs &&
          Number(getPath(rs.obj, 'spec.replicas') ?? 0) === 0 &&
          Number(getPath(rs.obj, 'status.replicas') ?? 0) === 0,
      )
      .sort((a, b) => revisionOf(a.obj) - revisionOf(b.obj));
    for (const rs of old.slice(0, Math.max(0, old.length - limit)))
      this.store.delete(this.rsType, rs.namespace, rs.name);
  }

  private updateStatus(
    deploy: Entry,
    owned: Entry[],
    newRs: Entry | undefined,
    desired: number,
  ): void {
    const d = deploy.obj;
    const sum = (key: string): number =>
      owned.reduce((n, rs) => n + Number(getPath(rs.obj, `status.${key}`) ?? 0), 0);
    const replicas = sum('replicas');
    const available = sum('availableReplicas');
    const updated = newRs ? Number(getPath(newRs.obj, 'status.replicas') ?? 0) : 0;
    const newAvailable = newRs ? Number(getPath(newRs.obj, 'status.availableReplicas') ?? 0) : 0;
    const complete =
      !!newRs && updated === desired && replicas === desired && newAvailable >= desired;
    const previous = getPath(d, 'status.conditions');
    const progressDeadline = (previous as Condition[] | undefined)?.find(
      (c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded',
    );
    const conditions: Condition[] = [
      available >= desired
        ? {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
          }
        : {
            type: 'Available',
            status: 'False',
            reason: 'MinimumReplicasUnavailable',
            message: 'Deployment does not have minimum availability.',
          },
      progressDeadline && !complete
        ? progressDeadline
        : complete
          ? {
              type: 'Progressing',
              status: 'True',
              reason: 'NewReplicaSetAvailable',
              message: `ReplicaSet "${newRs?.name ?? ''}" has successfully progressed.`,
            }
          : {
              type: 'Progressing',
              status: 'True',
              reason: 'ReplicaSetUpdated',
              message: `ReplicaSet "${newRs?.name ?? ''}" is progressing.`,
            },
    ];
    const status: Record<string, unknown> = {
      observedGeneration: d.metadata.generation ?? 1,
      replicas,
      updatedReplicas: updated,
      readyReplicas: sum('readyReplicas'),
      availableReplicas: available,
      ...(replicas - available > 0 ? { unavailableReplicas: replicas - available } : {}),
      conditions: mergeConditions(previous, conditions, this.clock.now(), true),
    };
    for (const key of ['readyReplicas', 'availableReplicas', 'updatedReplicas', 'replicas'])
      if (status[key] === 0) delete status[key];
    if (canonicalJson(status) === canonicalJson(d['status'])) return;
    const next = structuredClone(d);
    next['status'] = status;
    this.write(next, 'status');
  }
}
