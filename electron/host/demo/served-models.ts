// What serves a model in the demo cluster, for the metrics simulator's request metrics: each
// InferenceService revision that takes traffic (with its share of a canary split) and each plain
// Deployment whose containers name a `models:/` URI. Read from the simulated cluster, so the
// metrics' service names join with the serving objects the console lists.
import type { KubeObject } from '../../sim/kube/api/types';
import type { SimStore } from '../../sim/kube/index';
import type { ServedModel } from '../../sim/metrics/index';

interface TrafficTarget {
  revisionName?: string;
  percent?: number;
}

export function servedModels(store: SimStore): ServedModel[] {
  const out: ServedModel[] = [];
  for (const isvc of store.list('serving.kserve.io/v1beta1', 'InferenceService')) {
    const { namespace = 'default', name } = isvc.metadata;
    const status = isvc.status as
      { components?: { predictor?: { traffic?: TrafficTarget[] } } } | undefined;
    for (const target of status?.components?.predictor?.traffic ?? []) {
      if (!target.revisionName) continue;
      out.push({
        kind: 'InferenceService',
        namespace,
        name,
        service: target.revisionName,
        workload: `${target.revisionName}-deployment`,
        trafficPercent: target.percent ?? 100,
      });
    }
  }
  for (const deployment of store.list('apps/v1', 'Deployment')) {
    if (deployment.metadata.labels?.['serving.kserve.io/inferenceservice']) continue;
    if (!namesModel(deployment)) continue;
    const { namespace = 'default', name } = deployment.metadata;
    out.push({
      kind: 'Deployment',
      namespace,
      name,
      service: name,
      workload: name,
      trafficPercent: 100,
    });
  }
  return out;
}

function namesModel(deployment: KubeObject): boolean {
  const spec = deployment.spec as
    { template?: { spec?: { containers?: { env?: { value?: string }[] }[] } } } | undefined;
  return (spec?.template?.spec?.containers ?? []).some((c) =>
    (c.env ?? []).some((e) => e.value?.startsWith('models:/')),
  );
}
