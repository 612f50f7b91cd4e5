// The demo workspace's metrics: one loopback HTTP server answering as a Prometheus under
// /prometheus (the recorded GPU trace replayed across the demo fleet) and as an Alertmanager
// under /alertmanager (a few realistic alerts firing). Point the console's connections at
// `prometheusUrl` and `alertmanagerUrl`.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimulatedAlertmanager, type PostableAlert } from './alertmanager-api';
import { demoAlerts } from './demo-alerts';
import { driftScoreStore, joinStores } from './drift-scores';
import { replayFleet, type GpuAssignment, type GpuNode } from './fleet';
import { readGpuTrace, type GpuTrace } from './gpu-trace';
import { inferenceTrafficStore, type ServedModel } from './inference/traffic';
import { answerPrometheus, type ApiAnswer } from './prometheus-api';

export interface MetricsSimulatorOptions {
  /** Default: a free port. */
  port?: number;
  /** Default: two nodes of eight H200s. */
  nodes?: GpuNode[];
  /** GPUs held by pods get pod/namespace/container labels; the other GPUs then run idle. */
  gpuAssignments?: GpuAssignment[];
  /** Where gpu-trace.om and gpu-trace.csv are; default $CONSOLE_FIXTURES_DIR or shared/fixtures/gpu beside the repo. */
  fixturesDir?: string;
  trace?: GpuTrace;
  /** Where the first GPU's replay puts the trace's last sample; default: when the simulator starts. */
  traceEnd?: Date;
  /** Model servers whose request metrics (Istio's) the simulator reports; default none. */
  servedModels?: ServedModel[];
  /** The firing alerts; default: a GPU XID error, an InferenceService over its latency objective, a drift alarm. */
  alerts?: PostableAlert[];
  /** The clock, for tests. */
  now?: () => number;
}

export interface MetricsSimulator {
  prometheusUrl: string;
  alertmanagerUrl: string;
  stop(): Promise<void>;
}

export const defaultGpuNodes: GpuNode[] = [
  { name: 'gpu-node-1', gpus: 8, model: 'NVIDIA H200' },
  { name: 'gpu-node-2', gpus: 8, model: 'NVIDIA H200' },
];

const maxBodyBytes = 4 * 1024 * 1024;

export async function startMetricsSimulator(
  opts: MetricsSimulatorOptions = {},
): Promise<MetricsSimulator> {
  const now = opts.now ?? Date.now;
  const trace = opts.trace ?? readGpuTrace(opts.fixturesDir);
  const nodes = opts.nodes ?? defaultGpuNodes;
  let answer: (req: IncomingMessage, body: string) => ApiAnswer = () => {
    throw new Error('the simulator is still starting');
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      let reply: ApiAnswer;
      try {
        reply = answer(req, Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        reply = {
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ status: 'error', errorType: 'internal', error: message }),
        };
      }
      res.writeHead(reply.status, { 'content-type': reply.contentType });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const prometheusUrl = `${origin}/prometheus`;
  const alertmanagerUrl = `${origin}/alertmanager`;

  const fleet = replayFleet({
    trace,
    nodes,
    ...(opts.gpuAssignments ? { gpuAssignments: opts.gpuAssignments } : {}),
    traceEndMs: Math.floor((opts.traceEnd?.getTime() ?? now()) / 1000) * 1000,
    now,
    selfInstance: `127.0.0.1:${port}`,
  });
  // The demo's drift job: scores per model feature beside the GPU replay.
  const metricsStore = joinStores(
    fleet.store,
    driftScoreStore(now(), now),
    inferenceTrafficStore(opts.servedModels ?? [], now(), now),
  );
  const alertmanager = new SimulatedAlertmanager(
    now,
    opts.alerts ??
      demoAlerts({
        nodes,
        prometheusUrl,
        now: now(),
        ...(opts.gpuAssignments ? { gpuAssignments: opts.gpuAssignments } : {}),
        ...(opts.servedModels ? { servedModels: opts.servedModels } : {}),
      }),
  );

  answer = (req, body) => {
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith('/prometheus/')) {
      const params = new URLSearchParams(url.searchParams);
      if (method === 'POST' && /x-www-form-urlencoded/.test(req.headers['content-type'] ?? '')) {
        for (const [k, v] of new URLSearchParams(body)) params.append(k, v);
      }
      return answerPrometheus(url.pathname.slice('/prometheus'.length), params, {
        store: metricsStore,
        targets: fleet.targets,
        now,
      });
    }
    if (url.pathname.startsWith('/alertmanager/')) {
      return alertmanager.answer(
        method,
        url.pathname.slice('/alertmanager'.length),
        url.searchParams,
        body,
      );
    }
    return { status: 404, contentType: 'text/plain; charset=utf-8', body: '404 page not found\n' };
  };

  return {
    prometheusUrl,
    alertmanagerUrl,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
