// The named signals the monitoring pages read, with default PromQL for the common exporters:
// NVIDIA dcgm-exporter (either label dialect: Hostname/hostname, pod/exported_pod — the labels
// are read tolerantly, so the queries need no dialect), kube-state-metrics' GPU requests, OpenCost
// and Knative/Istio request metrics (KServe). Every organisation names things its own way, so
// each is overridable in the workspace file (`overrides.signals`) under the same name.
// Placeholders: `$window` (the idle window), `$rate` (the rate window).

import { driftSignals } from '../drift-scores/signals';

export const signalCatalogue = {
  'gpu.utilisation': { label: 'GPU utilisation (%)', query: 'DCGM_FI_DEV_GPU_UTIL' },
  'gpu.memoryUsed': { label: 'GPU framebuffer used (MiB)', query: 'DCGM_FI_DEV_FB_USED' },
  'gpu.memoryFree': { label: 'GPU framebuffer free (MiB)', query: 'DCGM_FI_DEV_FB_FREE' },
  'gpu.power': { label: 'GPU power (W)', query: 'DCGM_FI_DEV_POWER_USAGE' },
  'gpu.temperature': { label: 'GPU temperature (°C)', query: 'DCGM_FI_DEV_GPU_TEMP' },
  'gpu.smClock': { label: 'SM clock (MHz)', query: 'DCGM_FI_DEV_SM_CLOCK' },
  'gpu.memoryClock': { label: 'Memory clock (MHz)', query: 'DCGM_FI_DEV_MEM_CLOCK' },
  'gpu.xidError': {
    label: 'Last XID error code',
    // A gauge holding the last XID seen; it never resets, so a non-zero value is shown as history.
    query: 'DCGM_FI_DEV_XID_ERRORS',
  },
  'gpu.peakUtilisation': {
    label: 'GPU peak utilisation over the idle window (%)',
    query: 'max_over_time(DCGM_FI_DEV_GPU_UTIL[$window])',
  },
  'gpu.requests': {
    label: 'GPUs requested per pod (kube-state-metrics)',
    query: 'kube_pod_container_resource_requests{resource=~"nvidia_com_gpu|nvidia.com/gpu"}',
  },
  'gpu.hourlyCost': { label: 'GPU hourly cost per node (OpenCost)', query: 'node_gpu_hourly_cost' },
  'gpu.podPipeline': {
    label: 'Pods of Argo workflows (kube-state-metrics pod labels)',
    query: 'kube_pod_labels{label_workflows_argoproj_io_workflow!=""}',
  },
  'inference.requestRate': {
    label: 'Requests per second per revision (Knative)',
    query: 'sum by (namespace_name, revision_name) (rate(revision_request_count[$rate]))',
  },
  'inference.errorRate': {
    label: '5xx per second per revision (Knative)',
    query:
      'sum by (namespace_name, revision_name) (rate(revision_request_count{response_code_class="5xx"}[$rate]))',
  },
  'inference.latencyMs': {
    label: 'Latency quantile per revision, ms (Knative)',
    query:
      'histogram_quantile($quantile, sum by (le, namespace_name, revision_name) (rate(revision_request_latencies_bucket[$rate])))',
  },
  'inference.istioRequestRate': {
    label: 'Requests per second per service (Istio)',
    query:
      'sum by (destination_service_namespace, destination_service_name) (rate(istio_requests_total{reporter="destination"}[$rate]))',
  },
  'inference.istioErrorRate': {
    label: '5xx per second per service (Istio)',
    query:
      'sum by (destination_service_namespace, destination_service_name) (rate(istio_requests_total{reporter="destination",response_code=~"5.."}[$rate]))',
  },
  'inference.istioLatencyMs': {
    label: 'Latency quantile per service, ms (Istio)',
    query:
      'histogram_quantile($quantile, sum by (le, destination_service_namespace, destination_service_name) (rate(istio_request_duration_milliseconds_bucket{reporter="destination"}[$rate])))',
  },
  ...driftSignals,
} as const;

export type SignalName = keyof typeof signalCatalogue;

export function isSignalName(name: string): name is SignalName {
  return Object.prototype.hasOwnProperty.call(signalCatalogue, name);
}

/** The signal's PromQL: the workspace's override when there is one, placeholders filled in. */
export function signalQuery(
  name: SignalName,
  overrides: Record<string, string>,
  vars: Record<string, string> = {},
): string {
  const text = overrides[name] ?? signalCatalogue[name].query;
  return text.replace(/\$(window|rate|quantile)\b/g, (m, key: string) => vars[key] ?? m);
}

export interface SignalView {
  name: string;
  label: string;
  query: string;
  overridden: boolean;
}

export function describeSignals(overrides: Record<string, string>): SignalView[] {
  return (Object.keys(signalCatalogue) as SignalName[]).map((name) => ({
    name,
    label: signalCatalogue[name].label,
    query: overrides[name] ?? signalCatalogue[name].query,
    overridden: overrides[name] !== undefined,
  }));
}

// Labels across dcgm-exporter's dialects and ServiceMonitor renames (exported_*).
const first = (labels: Record<string, string>, names: string[]) => {
  for (const n of names) if (labels[n]) return labels[n];
  return undefined;
};
export const hostOf = (l: Record<string, string>) =>
  first(l, ['Hostname', 'hostname', 'node', 'kubernetes_node']) ?? l.instance?.replace(/:\d+$/, '');
export const podOf = (l: Record<string, string>) => first(l, ['exported_pod', 'pod', 'pod_name']);
export const namespaceOf = (l: Record<string, string>) =>
  first(l, ['exported_namespace', 'namespace', 'pod_namespace']);
export const gpuKeyOf = (l: Record<string, string>) =>
  first(l, ['UUID', 'uuid']) ?? `${hostOf(l) ?? '?'}/${l.gpu ?? l.device ?? '?'}`;
