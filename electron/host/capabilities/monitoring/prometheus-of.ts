// Which Prometheus the monitoring reads use (the workspace's first, or the one named), with the
// workspace's signal overrides and GPU policy; shared by the calls and the brief's idle-GPU section.
import type { PrometheusConnection } from '../../../../shared/model/connection';
import type { HostContext } from '../../host-context';
import { CallFailure } from '../../transport/failure';
import type { PrometheusLiveSource } from '../sources/adapters/prometheus';
import { gpuSettings } from './gpu-settings';

export function monitoringPrometheus(ctx: HostContext, id: string | undefined) {
  const workspace = ctx.workspace();
  const all = workspace.definition.connections
    .map((c) => c.connection)
    .filter((c): c is PrometheusConnection => c.kind === 'prometheus');
  const connection = id ? all.find((c) => c.id === id) : all[0];
  if (!connection) {
    throw new CallFailure(
      id ? 'bad_request' : 'unavailable',
      id
        ? `"${id}" is not a Prometheus connection of this workspace`
        : 'This workspace has no Prometheus connection: add one in Settings → Connections',
    );
  }
  const overrides = workspace.definition.signalOverrides;
  return {
    connection,
    reader: { client: (workspace.source(connection.id) as PrometheusLiveSource).client, overrides },
    snapshot: workspace.snapshotSource(connection.id),
    settings: gpuSettings(workspace.definition.gpuPolicy),
    // Overrides and policy change the answer: they are part of the cache key.
    keySuffix: JSON.stringify([overrides, workspace.definition.gpuPolicy ?? {}]),
  };
}
