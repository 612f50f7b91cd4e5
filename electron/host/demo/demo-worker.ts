// The demo's simulators run in this worker thread, off the host's event loop: building the
// simulated platform and replaying the GPU recording costs CPU that would otherwise delay the
// console's first paint, and a real cluster or registry is not in the console's process either.
import { parentPort, workerData } from 'node:worker_threads';
import { startKubeSimulator, type SimStore } from '../../sim/kube/index';
import { startMetricsSimulator } from '../../sim/metrics/index';
import { startMlflowSimulator } from '../../sim/mlflow/index';
import { servedModels } from './served-models';

export interface DemoWorkerInput {
  kubeconfigPath: string;
  contextPrefix: string;
  fixturesDir: string;
}

export type DemoWorkerMessage =
  | {
      type: 'ready';
      registryUrl: string;
      prometheusUrl: string;
      alertmanagerUrl: string;
      startedMs: number;
    }
  | { type: 'failed'; message: string }
  | { type: 'stopped' };

async function main(): Promise<void> {
  const input = workerData as DemoWorkerInput;
  const started = performance.now();
  const kube = await startKubeSimulator({ scenario: 'ml-platform', realtimeClock: true });
  const [registry, metrics] = await Promise.all([
    startMlflowSimulator({ seed: true }),
    startMetricsSimulator({
      nodes: gpuNodes(kube.store),
      gpuAssignments: gpuAssignments(kube.store),
      servedModels: servedModels(kube.store),
      fixturesDir: input.fixturesDir,
    }),
  ]);
  // The console reaches Prometheus the way it would in a real cluster: through the service proxy.
  kube.setServiceProxyTarget('monitoring/prometheus:9090', metrics.prometheusUrl);
  await kube.writeKubeconfig(input.kubeconfigPath, { contextPrefix: input.contextPrefix });

  parentPort?.on('message', (message: unknown) => {
    if (message !== 'stop') return;
    void Promise.allSettled([kube.stop(), registry.stop(), metrics.stop()]).then(() => {
      parentPort?.postMessage({ type: 'stopped' } satisfies DemoWorkerMessage);
    });
  });
  parentPort?.postMessage({
    type: 'ready',
    registryUrl: registry.url,
    prometheusUrl: metrics.prometheusUrl,
    alertmanagerUrl: metrics.alertmanagerUrl,
    startedMs: Math.round(performance.now() - started),
  } satisfies DemoWorkerMessage);
}

function gpuNodes(store: SimStore) {
  return store
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

main().catch((error: unknown) => {
  parentPort?.postMessage({
    type: 'failed',
    message: error instanceof Error ? error.message : String(error),
  } satisfies DemoWorkerMessage);
});
