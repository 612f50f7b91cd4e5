// The demo workspace: a simulated Kubernetes cluster (TLS, RBAC, watch), an MLflow-speaking model
// registry and a metrics store replaying a real GPU recording, on loopback ports, run in a worker
// thread (demo-worker.ts). The console reaches them through the same source clients as real
// systems, so the demo exercises the real code paths; Prometheus is even reached through the
// cluster's service proxy.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Connection } from '../../../shared/model/connection';
import { simAssetsDir } from '../../sim/assets-dir';
import { appRoot } from '../app-root';
import type { Logger } from '../log/logger';
import type { DemoProvider } from '../workspace/catalog';
import type { DemoWorkerInput, DemoWorkerMessage } from './demo-worker';

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
      if (current) await (await current.catch(() => undefined))?.stop();
    },
  };
}

/** The worker's entry: the bundled file when running from dist-electron, else the TypeScript source via tsx. */
function workerEntry(): string {
  return fileURLToPath(import.meta.url).includes('dist-electron')
    ? join(appRoot(), 'dist-electron', 'demo-worker.mjs')
    : join(appRoot(), 'electron', 'host', 'demo', 'demo-worker-from-source.mjs');
}

async function startDemo({ dataDir, log }: { dataDir: string; log: Logger }): Promise<Running> {
  const demoDir = join(dataDir, 'demo');
  mkdirSync(demoDir, { recursive: true });
  const kubeconfig = join(demoDir, 'kubeconfig');
  const input: DemoWorkerInput = {
    kubeconfigPath: kubeconfig,
    contextPrefix: 'demo',
    fixturesDir: join(simAssetsDir(), 'gpu'),
  };
  const worker = new Worker(workerEntry(), { workerData: input });
  const ready = await new Promise<Extract<DemoWorkerMessage, { type: 'ready' }>>(
    (resolve, reject) => {
      worker.on('message', (message: DemoWorkerMessage) => {
        if (message.type === 'ready') resolve(message);
        if (message.type === 'failed')
          reject(new Error(`The demo's simulators did not start: ${message.message}`));
      });
      worker.once('error', (error) =>
        reject(new Error(`The demo's simulators crashed: ${error.message}`)),
      );
      worker.once('exit', (code) =>
        reject(new Error(`The demo's simulators exited (${code}) before they were ready`)),
      );
    },
  );
  worker.unref();
  log.info(
    { ms: ready.startedMs, registry: ready.registryUrl },
    'demo workspace simulators started',
  );

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
      trackingUri: ready.registryUrl,
      auth: { type: 'none' },
    },
    {
      id: demoConnectionIds.prometheus,
      name: 'Demo Prometheus (through the cluster)',
      kind: 'prometheus',
      viaKubernetes: {
        connection: demoConnectionIds.cluster,
        context: 'demo-operator',
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
      url: ready.alertmanagerUrl,
      auth: { type: 'none' },
    },
  ];
  return {
    connections,
    stop: async () => {
      const stopped = new Promise<void>((resolve) => {
        worker.on(
          'message',
          (message: DemoWorkerMessage) => message.type === 'stopped' && resolve(),
        );
        worker.once('exit', () => resolve());
      });
      worker.postMessage('stop');
      // At most 3 s for the simulators to close; the wait's timer is cleared, or it would hold
      // the process open for the full 3 s after every stop.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([stopped, new Promise((r) => (timer = setTimeout(r, 3000)))]);
      clearTimeout(timer);
      await worker.terminate();
    },
  };
}
