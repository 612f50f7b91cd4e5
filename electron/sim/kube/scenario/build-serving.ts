// Seeds KServe InferenceServices with a revision history, an optional canary split and an
// optional revision that cannot load its model, plus the Knative revision Deployments and pods
// behind the routed revisions. The InferenceService controller takes over from there.
import { randomUUID } from 'node:crypto';
import { kubeTime, type KubeObject } from '../api/types';
import { revisionDeployment, revisionName } from '../controllers/inference-service-spec';
import type { SimRuntime } from '../runtime';
import { seedDeployment } from './build-deployments';
import type { InferenceServiceSpec } from './schema';
import { parseDuration } from './time';

interface Revision {
  name: string;
  storageUri: string;
  at: number;
}

function predictor(
  spec: InferenceServiceSpec,
  storageUri: string,
  canary?: number,
): Record<string, unknown> {
  return {
    ...(spec.minReplicas !== undefined ? { minReplicas: spec.minReplicas } : {}),
    ...(spec.maxReplicas !== undefined ? { maxReplicas: spec.maxReplicas } : {}),
    ...(canary !== undefined ? { canaryTrafficPercent: canary } : {}),
    model: {
      modelFormat: { name: spec.modelFormat },
      ...(spec.runtime ? { runtime: spec.runtime } : {}),
      storageUri,
      ...(spec.resources ? { resources: spec.resources } : {}),
    },
  };
}

export function buildInferenceServices(
  rt: SimRuntime,
  specs: InferenceServiceSpec[],
  now: number,
): void {
  for (const spec of specs) {
    const shell: KubeObject = {
      apiVersion: 'serving.kserve.io/v1beta1',
      kind: 'InferenceService',
      metadata: { name: spec.name, namespace: spec.namespace },
    };
    const history = spec.history ?? [];
    const revisions: Revision[] = history.map((h, i) => ({
      name: revisionName(shell, i + 1),
      storageUri: h.storageUri,
      at: now - parseDuration(h.age),
    }));
    const lastHistory = history.length
      ? parseDuration(history[history.length - 1]!.age)
      : undefined;
    const stableAt =
      lastHistory !== undefined
        ? now - lastHistory / 2
        : now - parseDuration(spec.age, 20 * 86_400_000);
    const stable: Revision = {
      name: revisionName(shell, revisions.length + 1),
      storageUri: spec.storageUri,
      at: stableAt,
    };
    revisions.push(stable);
    const canary = spec.canary
      ? {
          name: revisionName(shell, revisions.length + 1),
          storageUri: spec.canary.storageUri,
          at: now - parseDuration(spec.canary.age),
        }
      : undefined;
    const failed = spec.failure
      ? {
          name: revisionName(shell, revisions.length + (canary ? 2 : 1)),
          storageUri: spec.failure.storageUri,
          at: now - parseDuration(spec.failure.age),
        }
      : undefined;
    const previous = revisions.length > 1 ? revisions[revisions.length - 2] : undefined;

    const uid = randomUUID();
    const created = revisions[0]!.at - 60_000;
    const latestCreated = failed ?? canary ?? stable;
    const traffic = canary
      ? [
          {
            tag: 'latest',
            revisionName: canary.name,
            latestRevision: true,
            percent: spec.canary!.percent,
            url: `http://latest-${spec.name}-predictor.${spec.namespace}.example.com`,
          },
          {
            tag: 'prev',
            revisionName: stable.name,
            latestRevision: false,
            percent: 100 - spec.canary!.percent,
            url: `http://prev-${spec.name}-predictor.${spec.namespace}.example.com`,
          },
        ]
      : [{ revisionName: stable.name, latestRevision: true, percent: 100 }];
    const readyAt = kubeTime((canary ?? stable).at + 40_000);
    const failedAt = failed ? kubeTime(failed.at + 60_000) : undefined;
    const cond = (type: string, ok: boolean): Record<string, unknown> => ({
      type,
      status: ok ? 'True' : 'False',
      lastTransitionTime: ok ? readyAt : failedAt,
    });
    const healthyTypes = ['IngressReady', 'PredictorRouteReady', 'RoutesReady'];
    const isvc: KubeObject = {
      apiVersion: 'serving.kserve.io/v1beta1',
      kind: 'InferenceService',
      metadata: {
        name: spec.name,
        namespace: spec.namespace,
        uid,
        creationTimestamp: kubeTime(created),
        generation: revisions.length + (canary ? 1 : 0) + (failed ? 1 : 0),
        labels: { ...spec.labels },
        annotations: { 'serving.kserve.io/deploymentMode': 'Serverless', ...spec.annotations },
        finalizers: ['inferenceservice.finalizers'],
      },
      spec: {
        predictor: predictor(
          spec,
          (failed ?? canary ?? stable).storageUri,
          canary ? spec.canary!.percent : undefined,
        ),
      },
      status: {
        conditions: [
          ...healthyTypes,
          'LatestDeploymentReady',
          'PredictorConfigurationReady',
          'PredictorReady',
          'Ready',
        ].map((t) => cond(t, !failed || healthyTypes.includes(t))),
        components: {
          predictor: {
            latestCreatedRevision: latestCreated.name,
            latestReadyRevision: (canary ?? stable).name,
            latestRolledoutRevision: (canary ?? stable).name,
            ...(canary
              ? { previousRolledoutRevision: stable.name }
              : previous
                ? { previousRolledoutRevision: previous.name }
                : {}),
            traffic,
          },
        },
      },
    };
    if (failed) {
      const failure = {
        reason: 'ModelLoadFailed',
        message: spec.failure!.message,
        ...(spec.failure!.log ? { log: spec.failure!.log } : {}),
      };
      rt.inferenceServices.registerFailure(spec.namespace, spec.name, failure);
      rt.pods.registerFailure(spec.namespace, `${failed.name}-deployment-`, failure);
    }
    const entry = rt.store.apply(isvc, { keepMetadata: true, noCopy: true });
    const routed = canary ? [stable, canary] : [stable];
    const replicas = spec.minReplicas ?? 1;
    for (const rev of routed) {
      const withUri = structuredClone(entry.obj);
      (withUri['spec'] as Record<string, Record<string, Record<string, unknown>>>)['predictor']![
        'model'
      ]!['storageUri'] = rev.storageUri;
      const dep = revisionDeployment(withUri, rev.name, replicas);
      dep.metadata.creationTimestamp = kubeTime(rev.at);
      seedDeployment(
        rt,
        dep,
        [
          {
            template: dep['spec']
              ? ((dep['spec'] as Record<string, unknown>)['template'] as Record<string, unknown>)
              : {},
            createdAt: rev.at,
          },
        ],
        { now },
      );
    }
    if (failed) {
      const dep = revisionDeployment(entry.obj, failed.name, replicas);
      dep.metadata.creationTimestamp = kubeTime(failed.at);
      const restarts = Math.max(1, Math.floor((now - failed.at) / 300_000));
      seedDeployment(
        rt,
        dep,
        [
          {
            template: (dep['spec'] as Record<string, unknown>)['template'] as Record<
              string,
              unknown
            >,
            createdAt: failed.at,
          },
        ],
        {
          now,
          overrides: [
            {
              index: 0,
              waiting: 'CrashLoopBackOff',
              restarts,
              lastTerminated: 'Error',
              lastTerminatedAgo: '2m',
            },
          ],
          ...(spec.failure!.log ? { log: spec.failure!.log } : {}),
          readyReplicas: 0,
        },
      );
    }
  }
}
