// KServe InferenceServices in serverless (Knative) mode. A change to spec.predictor (other than
// canaryTrafficPercent) creates a new revision NAME-predictor-0000N with its own Deployment;
// once its pods are ready the revision is ready and traffic moves as KServe documents it:
//   canaryTrafficPercent: N   -> latest revision N %, previous rolled-out revision 100-N %
//   null / 100                -> latest revision 100 % (it becomes latestRolledoutRevision)
//   0                         -> 100 % back to the previous rolled-out revision, no restart
// While a new revision is still starting, traffic stays where it was and Ready is Unknown; a
// revision that cannot start leaves the service Ready=False with the failure in modelStatus.
import { getPath, isPlainObject, kubeTime, type KubeObject } from '../api/types';
import type { ScenarioClock } from '../scenario/clock';
import type { Entry, ObjectStore } from '../store/object-store';
import type { EventRecorder } from './event-recorder';
import { canonicalJson, controllerOf, mergeConditions, shortHash, type Condition } from './helpers';
import {
  revisionDeployment,
  revisionDeploymentName,
  revisionName,
  runtimeFor,
} from './inference-service-spec';
import type { OwnerIndex } from './owner-index';
import type { PodLifecycle, StartupFailure } from './pod-lifecycle';
import type { WorkQueue } from './work-queue';

interface IsvcState {
  counter: number;
  specHash: string;
  latestCreated: string;
  ready: Set<string>;
  failed: Map<string, StartupFailure>;
}

interface TrafficTarget {
  tag?: string;
  revisionName: string;
  latestRevision: boolean;
  percent: number;
  url?: string;
}

function predictorHash(isvc: KubeObject): string {
  const predictor = getPath(isvc, 'spec.predictor');
  const copy = isPlainObject(predictor) ? { ...predictor } : {};
  delete copy['canaryTrafficPercent'];
  return shortHash(copy);
}

function revisionNumber(name: string | undefined): number {
  const m = /-(\d{5})$/.exec(name ?? '');
  return m?.[1] ? Number(m[1]) : 0;
}

export class InferenceServiceController {
  private readonly states = new Map<string, IsvcState>();
  private readonly failures = new Map<string, StartupFailure>();
  private readonly isvcType;
  private readonly deployType;

  constructor(
    private readonly store: ObjectStore,
    private readonly owners: OwnerIndex,
    private readonly queue: WorkQueue,
    private readonly events: EventRecorder,
    private readonly clock: ScenarioClock,
    private readonly pods: PodLifecycle,
  ) {
    this.deployType = store.registry.find('apps', 'deployments')!;
    this.isvcType = () => store.registry.find('serving.kserve.io', 'inferenceservices');
    store.subscribe((event) => {
      const { entry } = event;
      const isvc = this.isvcType();
      if (!isvc) return;
      if (entry.type === isvc) {
        if (event.type === 'DELETED') this.states.delete(entry.obj.metadata.uid ?? '');
        else this.enqueue(entry.namespace, entry.name);
        return;
      }
      if (entry.type === this.deployType) {
        const owner = controllerOf(entry.obj);
        if (owner?.kind === 'InferenceService') this.enqueue(entry.namespace, owner.name);
      }
    });
  }

  /** Revisions of this service created from now on fail to start (model load error). */
  registerFailure(namespace: string, name: string, failure: StartupFailure): void {
    this.failures.set(`${namespace}/${name}`, failure);
  }

  clearFailure(namespace: string, name: string): void {
    this.failures.delete(`${namespace}/${name}`);
  }

  private enqueue(namespace: string, name: string): void {
    this.queue.add(`isvc:${namespace}/${name}`, () => this.reconcile(namespace, name));
  }

  private stateFor(isvc: KubeObject): IsvcState {
    const uid = isvc.metadata.uid ?? '';
    let state = this.states.get(uid);
    if (state) return state;
    const predictor = getPath(isvc, 'status.components.predictor');
    const p = isPlainObject(predictor) ? predictor : {};
    const latestCreated =
      typeof p['latestCreatedRevision'] === 'string' ? p['latestCreatedRevision'] : '';
    state = {
      counter: revisionNumber(latestCreated),
      specHash: latestCreated ? predictorHash(isvc) : '',
      latestCreated,
      ready: new Set(
        ['latestReadyRevision', 'latestRolledoutRevision', 'previousRolledoutRevision']
          .map((k) => p[k])
          .filter((v): v is string => typeof v === 'string' && v !== ''),
      ),
      failed: new Map(),
    };
    const failure = this.failures.get(`${isvc.metadata.namespace}/${isvc.metadata.name}`);
    if (failure && latestCreated && !state.ready.has(latestCreated))
      state.failed.set(latestCreated, failure);
    this.states.set(uid, state);
    return state;
  }

  private reconcile(namespace: string, name: string): void {
    const type = this.isvcType();
    const entry = type && this.store.get(type, namespace, name);
    if (!entry || entry.obj.metadata.deletionTimestamp) return;
    const isvc = entry.obj;
    const state = this.stateFor(isvc);
    const hash = predictorHash(isvc);
    if (hash !== state.specHash) {
      state.counter += 1;
      state.specHash = hash;
      state.latestCreated = revisionName(isvc, state.counter);
      const failure = this.failures.get(`${namespace}/${name}`);
      if (failure) {
        state.failed.set(state.latestCreated, failure);
        this.pods.registerFailure(
          namespace,
          `${revisionDeploymentName(state.latestCreated)}-`,
          failure,
        );
      }
      this.events.record(isvc, {
        reason: 'InferenceServiceReady',
        message: `Created revision ${state.latestCreated}`,
        component: 'v1beta1Controllers',
      });
    }
    this.observeReadiness(isvc, state);
    const status = this.computeStatus(isvc, state);
    this.syncDeployments(isvc, state, status.traffic);
    const next = structuredClone(isvc);
    next['status'] = status.body;
    if (canonicalJson(next['status']) !== canonicalJson(isvc['status'])) {
      next.metadata.resourceVersion = undefined;
      const wasReady = (getPath(isvc, 'status.conditions') as Condition[] | undefined)?.find(
        (c) => c.type === 'Ready',
      )?.status;
      this.store.update(next, { subresource: 'status' });
      const nowReady = (status.body['conditions'] as Condition[]).find(
        (c) => c.type === 'Ready',
      )?.status;
      if (nowReady === 'True' && wasReady !== 'True') {
        this.events.record(isvc, {
          reason: 'InferenceServiceReady',
          message: `InferenceService [${name}] is Ready`,
          component: 'v1beta1Controllers',
        });
      }
    }
  }

  private revisionDeploymentEntry(isvc: KubeObject, revision: string): Entry | undefined {
    return this.store.get(
      this.deployType,
      isvc.metadata.namespace ?? '',
      revisionDeploymentName(revision),
    );
  }

  private observeReadiness(isvc: KubeObject, state: IsvcState): void {
    for (const dep of this.owners.owned(isvc.metadata.uid ?? '', this.deployType)) {
      const revision = dep.obj.metadata.labels?.['serving.knative.dev/revision'];
      if (
        revision &&
        !state.failed.has(revision) &&
        Number(getPath(dep.obj, 'status.availableReplicas') ?? 0) > 0
      )
        state.ready.add(revision);
    }
  }

  private computeStatus(
    isvc: KubeObject,
    state: IsvcState,
  ): { body: Record<string, unknown>; traffic: TrafficTarget[] } {
    const name = isvc.metadata.name;
    const ns = isvc.metadata.namespace ?? '';
    const old = getPath(isvc, 'status.components.predictor');
    const prior = isPlainObject(old) ? old : {};
    const latestReady = [...state.ready].sort((a, b) => revisionNumber(b) - revisionNumber(a))[0];
    let latestRolled =
      typeof prior['latestRolledoutRevision'] === 'string'
        ? prior['latestRolledoutRevision']
        : undefined;
    let prevRolled =
      typeof prior['previousRolledoutRevision'] === 'string'
        ? prior['previousRolledoutRevision']
        : undefined;
    const pending = state.latestCreated !== latestReady;
    const failure = state.failed.get(state.latestCreated);
    const canaryValue = getPath(isvc, 'spec.predictor.canaryTrafficPercent');
    const canary = typeof canaryValue === 'number' ? canaryValue : undefined;
    const host = (prefix: string): string => `http://${prefix}${name}-predictor.${ns}.example.com`;

    let traffic: TrafficTarget[] = [];
    if (latestReady && pending && Array.isArray(prior['traffic']) && prior['traffic'].length) {
      traffic = structuredClone(prior['traffic']) as TrafficTarget[];
    } else if (latestReady) {
      if (latestReady !== latestRolled && (canary === undefined || canary > 0 || !latestRolled)) {
        if (latestRolled) prevRolled = latestRolled;
        latestRolled = latestReady;
      }
      const stable = latestRolled === latestReady ? prevRolled : latestRolled;
      if (canary !== undefined && canary < 100 && stable && stable !== latestReady) {
        traffic = [
          {
            tag: 'latest',
            revisionName: latestReady,
            latestRevision: true,
            percent: canary,
            url: host('latest-'),
          },
          {
            tag: 'prev',
            revisionName: stable,
            latestRevision: false,
            percent: 100 - canary,
            url: host('prev-'),
          },
        ];
      } else {
        traffic = [{ revisionName: latestReady, latestRevision: true, percent: 100 }];
      }
    }

    const configuration: Condition = failure
      ? {
          type: 'PredictorConfigurationReady',
          status: 'False',
          reason: 'RevisionFailed',
          message: `Revision "${state.latestCreated}" failed with message: ${failure.message}.`,
        }
      : pending
        ? {
            type: 'PredictorConfigurationReady',
            status: 'Unknown',
            reason: 'RevisionMissing',
            message: `Configuration "${name}-predictor" is waiting for a Revision to become ready.`,
          }
        : { type: 'PredictorConfigurationReady', status: 'True' };
    const route: Condition = traffic.length
      ? { type: 'PredictorRouteReady', status: 'True' }
      : {
          type: 'PredictorRouteReady',
          status: failure ? 'False' : 'Unknown',
          reason: 'RevisionMissing',
          message: `Configuration "${name}-predictor" does not have any ready Revision.`,
        };
    const predictorReady: Condition =
      configuration.status === 'True' && route.status === 'True'
        ? { type: 'PredictorReady', status: 'True' }
        : {
            type: 'PredictorReady',
            status:
              configuration.status === 'False' || route.status === 'False' ? 'False' : 'Unknown',
            reason: configuration.reason ?? route.reason,
            message: configuration.message ?? route.message,
          };
    const ingress: Condition = traffic.length
      ? { type: 'IngressReady', status: 'True' }
      : { type: 'IngressReady', status: 'Unknown', reason: 'PredictorRouteReady not ready' };
    const ready: Condition =
      predictorReady.status === 'True' && ingress.status === 'True'
        ? { type: 'Ready', status: 'True' }
        : {
            type: 'Ready',
            status: predictorReady.status === 'False' ? 'False' : 'Unknown',
            reason: predictorReady.reason,
            message: predictorReady.message,
          };
    const conditions = mergeConditions(
      getPath(isvc, 'status.conditions'),
      [
        ingress,
        { ...configuration, type: 'LatestDeploymentReady' },
        configuration,
        predictorReady,
        route,
        ready,
        { ...route, type: 'RoutesReady' },
      ],
      this.clock.now(),
    );

    const readyPods = latestReady ? this.readyPods(isvc, latestReady) : 0;
    const modelStatus: Record<string, unknown> = {
      transitionStatus: failure ? 'BlockedByFailedLoad' : pending ? 'InProgress' : 'UpToDate',
      states: {
        activeModelState: latestReady ? 'Loaded' : failure ? 'FailedToLoad' : 'Pending',
        targetModelState: failure ? 'FailedToLoad' : pending ? 'Loading' : 'Loaded',
      },
      copies: { failedCopies: failure ? 1 : 0, totalCopies: readyPods },
    };
    if (failure) {
      const previousInfo = getPath(isvc, 'status.modelStatus.lastFailureInfo');
      modelStatus['lastFailureInfo'] =
        isPlainObject(previousInfo) && previousInfo['modelRevisionName'] === state.latestCreated
          ? previousInfo
          : {
              reason: 'ModelLoadFailed',
              message: failure.message,
              modelRevisionName: state.latestCreated,
              exitCode: failure.exitCode ?? 1,
              time: kubeTime(this.clock.now()),
            };
    }
    const predictor: Record<string, unknown> = {
      latestCreatedRevision: state.latestCreated,
      ...(latestReady ? { latestReadyRevision: latestReady } : {}),
      ...(latestRolled ? { latestRolledoutRevision: latestRolled } : {}),
      ...(prevRolled ? { previousRolledoutRevision: prevRolled } : {}),
      ...(traffic.length
        ? {
            traffic,
            url: host(''),
            address: { url: `http://${name}-predictor.${ns}.svc.cluster.local` },
          }
        : {}),
    };
    const body: Record<string, unknown> = {
      observedGeneration: isvc.metadata.generation ?? 1,
      conditions,
      components: { predictor },
      modelStatus,
      deploymentMode: 'Serverless',
      servingRuntimeName: runtimeFor(isvc).runtime,
      ...(traffic.length
        ? {
            url: `http://${name}.${ns}.example.com`,
            address: { url: `http://${name}.${ns}.svc.cluster.local` },
          }
        : {}),
    };
    return { body, traffic };
  }

  private readyPods(isvc: KubeObject, revision: string): number {
    const dep = this.revisionDeploymentEntry(isvc, revision);
    if (!dep) return 1;
    return Number(getPath(dep.obj, 'status.readyReplicas') ?? 0);
  }

  /** Revisions in the route keep their pods; the newest is started; the rest scale to zero. */
  private syncDeployments(isvc: KubeObject, state: IsvcState, traffic: TrafficTarget[]): void {
    const routed = new Set(traffic.map((t) => t.revisionName));
    routed.add(state.latestCreated);
    const minReplicas = Number(getPath(isvc, 'spec.predictor.minReplicas') ?? 1) || 1;
    const latestDeployment = this.revisionDeploymentEntry(isvc, state.latestCreated);
    if (!latestDeployment) {
      this.store.create(revisionDeployment(isvc, state.latestCreated, minReplicas));
    }
    for (const dep of this.owners.owned(isvc.metadata.uid ?? '', this.deployType)) {
      const revision = dep.obj.metadata.labels?.['serving.knative.dev/revision'] ?? '';
      const want = routed.has(revision)
        ? Math.max(minReplicas, Number(getPath(dep.obj, 'spec.replicas') ?? 0) || minReplicas)
        : 0;
      if (Number(getPath(dep.obj, 'spec.replicas') ?? 0) === want) continue;
      const next = structuredClone(dep.obj);
      (next['spec'] as Record<string, unknown>)['replicas'] = want;
      next.metadata.resourceVersion = undefined;
      this.store.update(next);
    }
  }
}
