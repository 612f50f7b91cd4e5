// Prometheus (and Prometheus-compatible servers): the client, its connection test and headline.
export {
  PrometheusClient,
  readPrometheusError,
  formatTime,
  type Answer,
  type PromTime,
  type QueryOptions,
  type RangeQueryOptions,
  type MetadataOptions,
} from './client';
export {
  createPrometheusSource,
  testPrometheusConnection,
  headline,
  type PrometheusSource,
  type TargetsHeadline,
} from './source';
export {
  MetricsEndpoint,
  serviceProxyPath,
  type MetricsSourceDeps,
  type KubernetesProxyTarget,
  type ViaKubernetes,
  type MetricsConnection,
} from './endpoint';
export * from './schemas';
