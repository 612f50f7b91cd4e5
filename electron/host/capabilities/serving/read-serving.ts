// Serving health across every selected cluster: InferenceServices and model Deployments, with
// the pods of the namespaces they live in (for ready counts and restarts).
import type { ServingService, ServingView } from '../../../../shared/contract/serving';
import type { KubeClients } from '../../sources/kubernetes';
import type { OpenWorkspace } from '../../workspace/open-workspace';
import type { ClusterRef } from '../pipelines/normalize';
import {
  listAllPages,
  pageSize,
  readClusters,
  type ResourceList,
} from '../schedules/cluster-reads';
import {
  deploymentHealth,
  inferenceServiceHealth,
  podHealth,
  selects,
  servesModel,
} from './serving-health';

const inferenceServices: ResourceList = {
  name: 'InferenceServices',
  list: (clients: KubeClients) =>
    listAllPages(
      async (next) =>
        (await clients.customObjects.listClusterCustomObject({
          group: 'serving.kserve.io',
          version: 'v1beta1',
          plural: 'inferenceservices',
          limit: pageSize,
          ...(next ? { _continue: next } : {}),
        })) as never,
    ),
};

const deployments: ResourceList = {
  name: 'Deployments',
  list: (clients: KubeClients) =>
    listAllPages(
      async (next) =>
        (await clients.apps.listDeploymentForAllNamespaces({
          limit: pageSize,
          ...(next ? { _continue: next } : {}),
        })) as never,
    ),
};

type Obj = { metadata?: { namespace?: string; labels?: Record<string, string> } };

export async function readServing(
  workspace: OpenWorkspace,
  refs: ClusterRef[],
): Promise<ServingView> {
  const { reads, clusters } = await readClusters(workspace, refs, [inferenceServices, deployments]);
  const services: ServingService[] = [];
  await Promise.all(
    reads.map(async (read) => {
      const isvcs = (read.objects.get('InferenceServices') ?? []) as Obj[];
      const models = ((read.objects.get('Deployments') ?? []) as Obj[]).filter((d) =>
        servesModel(d),
      );
      const namespaces = [
        ...new Set([...isvcs, ...models].map((o) => o.metadata?.namespace ?? '')),
      ].filter(Boolean);
      const pods = new Map<string, Obj[]>();
      // Only the namespaces that serve something: pods of the whole cluster could be 20,000.
      await Promise.all(
        namespaces.map(async (namespace) => {
          try {
            const list = await listAllPages(
              async (next) =>
                (await read.clients!.core.listNamespacedPod({
                  namespace,
                  limit: pageSize,
                  ...(next ? { _continue: next } : {}),
                })) as never,
            );
            pods.set(namespace, list as Obj[]);
          } catch {
            // Without pods the replica counts come from the objects' status; restarts read 0.
            pods.set(namespace, []);
          }
        }),
      );
      for (const isvc of isvcs) {
        const name = (isvc as { metadata?: { name?: string } }).metadata?.name;
        const own = (pods.get(isvc.metadata?.namespace ?? '') ?? []).filter(
          (p) => p.metadata?.labels?.['serving.kserve.io/inferenceservice'] === name,
        );
        services.push(inferenceServiceHealth(read.ref, isvc, own.map(podHealth)));
      }
      for (const deployment of models) {
        const own = (pods.get(deployment.metadata?.namespace ?? '') ?? []).filter((p) =>
          selects(deployment, p),
        );
        services.push(deploymentHealth(read.ref, deployment, own.map(podHealth)));
      }
    }),
  );
  services.sort(
    (a, b) =>
      a.context.localeCompare(b.context) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  );
  return { services, clusters };
}
