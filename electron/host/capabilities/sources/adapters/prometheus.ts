// A Prometheus (or compatible) server as a live source: targets up, and how many GPUs report
// through dcgm-exporter.
import type { PrometheusConnection } from '../../../../../shared/model/connection';
import {
  createPrometheusSource,
  headline as targetsHeadline,
  testPrometheusConnection,
  type MetricsSourceDeps,
  type PrometheusSource,
  sampleValue,
} from '../../../sources/prometheus';
import type { LiveSource } from '../live-source';

export interface PrometheusLiveSource extends LiveSource {
  readonly client: PrometheusSource;
}

export function prometheusLiveSource(
  connection: PrometheusConnection,
  deps: MetricsSourceDeps,
): PrometheusLiveSource {
  const client = createPrometheusSource(connection, deps);
  return {
    connection,
    client,
    async test() {
      return [
        { target: describeTarget(connection), result: await testPrometheusConnection(client) },
      ];
    },
    async headline() {
      const [targets, gpus, serverVersion] = await Promise.all([
        targetsHeadline(client),
        // Counted per GPU UUID so the Hostname/hostname label variants of dcgm-exporter agree.
        client
          .query('count(count by (UUID) (DCGM_FI_DEV_GPU_UTIL))')
          .then((answer) => {
            const first = answer.data.resultType === 'vector' ? answer.data.result[0] : undefined;
            return first && 'value' in first ? sampleValue(first.value[1]) : 0;
          })
          .catch(() => undefined),
        client
          .buildInfo()
          .then((info) => `Prometheus ${info.version.replace(/\+.*$/, '')}`)
          .catch(() => undefined),
      ]);
      return {
        kind: 'prometheus',
        targetsUp: targets.up,
        targetsTotal: targets.total,
        ...(gpus === undefined ? {} : { gpusReporting: gpus }),
        ...(serverVersion ? { serverVersion } : {}),
      };
    },
    close: () => client.close(),
  };
}

export function describeTarget(connection: {
  url?: string | undefined;
  viaKubernetes?:
    { context: string; namespace: string; service: string; port: string | number } | undefined;
}): string {
  if (connection.url) return connection.url;
  const via = connection.viaKubernetes!;
  return `${via.context}: service ${via.namespace}/${via.service}:${via.port}`;
}
