// The alerts the demo workspace opens with: what an ML platform team would plausibly have firing
// on a given morning — a GPU hardware error, a model endpoint over its latency objective, and a
// feature drift alarm — labelled the way the usual rules (DCGM, KServe, a drift job) label them.
import type { PostableAlert } from './alertmanager-api';
import type { GpuAssignment, GpuNode } from './fleet';
import { degradedModel, type ServedModel } from './inference/traffic';

export interface DemoAlertContext {
  nodes: GpuNode[];
  gpuAssignments?: GpuAssignment[];
  /** The demo's model servers: the latency alert names the one the simulator degrades. */
  servedModels?: ServedModel[];
  /** For generatorURL links back to the (simulated) Prometheus. */
  prometheusUrl: string;
  now: number;
}

export function demoAlerts(ctx: DemoAlertContext): PostableAlert[] {
  const node = ctx.nodes.at(-1) ?? { name: 'gpu-node-1', gpus: 1, model: 'NVIDIA H200' };
  const gpu = String(Math.min(3, Math.max(0, node.gpus - 1)));
  const holder = ctx.gpuAssignments?.find((a) => a.node === node.name && a.gpu === gpu);
  const servingNamespace =
    ctx.gpuAssignments?.find((a) => /serv|infer/.test(a.namespace))?.namespace ?? 'serving';
  const slow = degradedModel(ctx.servedModels ?? []);
  const ago = (minutes: number) => new Date(ctx.now - minutes * 60_000).toISOString();
  const link = (expr: string) =>
    `${ctx.prometheusUrl.replace(/\/$/, '')}/graph?g0.expr=${encodeURIComponent(expr)}&g0.tab=1`;

  return [
    {
      labels: {
        alertname: 'GPUXidError',
        severity: 'critical',
        Hostname: node.name,
        gpu,
        modelName: node.model,
        err_code: '48',
        namespace: holder?.namespace ?? 'gpu-operator',
        ...(holder ? { pod: holder.pod } : {}),
      },
      annotations: {
        summary: `XID 48 (double-bit ECC error) on GPU ${gpu} of ${node.name}`,
        description:
          'The GPU reported an uncorrectable memory error. Drain the node and reset the GPU before scheduling more work on it.',
        runbook_url: 'https://docs.nvidia.com/deploy/xid-errors/',
      },
      startsAt: ago(23),
      generatorURL: link('DCGM_FI_DEV_XID_ERRORS > 0'),
    },
    {
      labels: {
        alertname: 'InferenceServiceLatencyHigh',
        severity: 'warning',
        namespace: slow?.namespace ?? servingNamespace,
        inferenceservice: slow?.name ?? 'fraud-detector',
        revision_name: slow?.service ?? 'fraud-detector-predictor-00004',
      },
      annotations: {
        summary: `${slow?.name ?? 'fraud-detector'} p99 latency is over its 500 ms objective for 10 minutes`,
        description: `Requests queue on the predictor since revision ${(slow?.service ?? '00004').replace(/^.*-/, '')} rolled out.`,
      },
      startsAt: ago(12),
      generatorURL: link(
        slow
          ? `histogram_quantile(0.99, sum by (le, destination_service_name) (rate(istio_request_duration_milliseconds_bucket{reporter="destination",destination_service_namespace="${slow.namespace}"}[5m]))) > 500`
          : 'histogram_quantile(0.99, sum by (le, revision_name) (rate(revision_request_latencies_bucket{namespace_name="' +
              servingNamespace +
              '"}[5m]))) > 500',
      ),
    },
    {
      labels: {
        alertname: 'FeatureDriftDetected',
        severity: 'warning',
        namespace: servingNamespace,
        model: 'fraud-detector',
        feature: 'transaction_amount',
        method: 'wasserstein',
      },
      annotations: {
        summary:
          'transaction_amount drifted: normed Wasserstein distance 0.23 (threshold 0.1) against the training reference',
        description:
          'Last 24 h of scored requests compared with the reference set of the model version in production.',
      },
      startsAt: ago(130),
      generatorURL: link('model_feature_drift_score{feature="transaction_amount"} >= 0.1'),
    },
  ];
}
