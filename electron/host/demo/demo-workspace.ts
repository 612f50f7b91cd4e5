// The demo workspace: a simulated Kubernetes cluster (TLS, RBAC, watch), an MLflow-speaking model
// registry and a metrics store replaying a real GPU recording, all in-process on loopback ports.
// The console reaches them through the same source clients as real systems, so the demo
// exercises the real code paths; Prometheus is even reached through the cluster's service proxy.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from '../../../shared/model/connection';
import type { Logger } from '../log/logger';
import type { SimStore } from '../../sim/kube/index';
import type { DemoProvider } from '../workspace/catalog';
import { simAssetsDir } from '../../sim/assets-dir';

export type { DemoProvider };

export const demoConnectionIds = {
  cluster: 'demo-cluster',
  registry: 'demo-registry',
  prometheus: 'demo-prometheus',
  alertmanager: 'demo-alertmanager',
} as const;

interface Running {
  connections: Connection[];
  stop(): Promise<void>;
}

export function createDemoProvider(opts: { dataDir: string; log: Logger }): DemoProvider {
  let running: Promise<Running> | undefined;
  return {
    connections: async () => {
      running ??= startDemo(opts).catch((error: unknown) => {
        running = undefined;
        throw error;
      });
      return (await running).connections;
    },
    stop: async () => {
      const current = running;
      running = undefined;
      if (current) await (await current).stop();
    },
  };
}

async function startDemo({ dataDir, log }: { dataDir: string; log: Logger }): Promise<Running> {
  const started = performance.now();
  // Imported on first use: a user who never opens the demo never loads the simulators.
  const [{ startKubeSimulator }, { startMlflowSimulator }, { startMetricsSimulator }] =
    await Promise.all([
      import('../../sim/kube/index'),
      import('../../sim/mlflow/index'),
      import('../../sim/metrics/index'),
    ]);
  const kube = await startKubeSimulator({ scenario: 'ml-platform', realtimeClock: true });
  const gpuNodes = kube.store
    .list('v1', 'Node')
    .map((node) => ({
      name: node.metadata.name,
      gpus: Number(
        (node.status as { capacity?: Record<string, string> } | undefined)?.capacity?.[
          'nvidia.com/gpu'
        ] ?? 0,
      ),
      model: String(node.metadata.labels?.['nvidia.com/gpu.product'] ?? 'NVIDIA H200').replace(
        /-/g,
        ' ',
      ),
    }))
    .filter((node) => node.gpus > 0);
  const [registry, metrics] = await Promise.all([
    startMlflowSimulator({ seed: true }),
    startMetricsSimulator({
      nodes: gpuNodes,
      gpuAssignments: gpuAssignments(kube.store),
      fixturesDir: join(simAssetsDir(), 'gpu'),
    }),
  ]);
  const prometheusPort = new URL(metrics.prometheusUrl).port;
  kube.setServiceProxyTarget(`monitoring/prometheus:9090`, metrics.prometheusUrl);

  const demoDir = join(dataDir, 'demo');
  mkdirSync(demoDir, { recursive: true });
  const kubeconfig = join(demoDir, 'kubeconfig');
  await kube.writeKubeconfig(kubeconfig, { contextPrefix: 'demo' });
  log.info(
    {
      ms: Math.round(performance.now() - started),
      kube: kube.url,
      registry: registry.url,
      prometheusPort,
    },
    'demo workspace simulators started',
  );

  const operatorContext = 'demo-operator';
  const connections: Connection[] = [
    {
      id: demoConnectionIds.cluster,
      name: 'Demo cluster',
      kind: 'kubernetes',
      kubeconfigPaths: [kubeconfig],
    },
    {
      id: demoConnectionIds.registry,
      name: 'Demo model registry (MLflow)',
      kind: 'mlflow',
      trackingUri: registry.url,
      auth: { type: 'none' },
    },
    {
      id: demoConnectionIds.prometheus,
      name: 'Demo Prometheus (through the cluster)',
      kind: 'prometheus',
      viaKubernetes: {
        connection: demoConnectionIds.cluster,
        context: operatorContext,
        namespace: 'monitoring',
        service: 'prometheus',
        port: 9090,
        scheme: 'http',
      },
      auth: { type: 'none' },
    },
    {
      id: demoConnectionIds.alertmanager,
      name: 'Demo Alertmanager',
      kind: 'alertmanager',
      url: metrics.alertmanagerUrl,
      auth: { type: 'none' },
    },
  ];
  return {
    connections,
    stop: async () => {
      await Promise.allSettled([kube.stop(), registry.stop(), metrics.stop()]);
    },
  };
}

/** Which pod holds which GPU, from the simulated pods' nvidia.com/gpu requests, so metrics carry pod labels. */
function gpuAssignments(store: SimStore) {
  const nextIndex = new Map<string, number>();
  const assignments: { node: string; gpu: string; namespace: string; pod: string }[] = [];
  for (const pod of store.list('v1', 'Pod')) {
    const spec = pod.spec as
      | {
          nodeName?: string;
          containers?: {
            resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
          }[];
        }
      | undefined;
    const status = pod.status as { phase?: string } | undefined;
    if (!spec?.nodeName || status?.phase !== 'Running') continue;
    const gpus = (spec.containers ?? []).reduce(
      (sum, c) =>
        sum +
        Number(
          c.resources?.limits?.['nvidia.com/gpu'] ?? c.resources?.requests?.['nvidia.com/gpu'] ?? 0,
        ),
      0,
    );
    for (let i = 0; i < gpus; i++) {
      const index = nextIndex.get(spec.nodeName) ?? 0;
      nextIndex.set(spec.nodeName, index + 1);
      assignments.push({
        node: spec.nodeName,
        gpu: String(index),
        namespace: pod.metadata.namespace ?? 'default',
        pod: pod.metadata.name,
      });
    }
  }
  return assignments;
}
