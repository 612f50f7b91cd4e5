// Where drift scores come from: the chosen (or first) Prometheus of the workspace, the drift
// signals' queries after the workspace's overrides, and drift alerts firing in Alertmanager.
import type { DriftScoreBoard } from '../../../../shared/contract/drift-scores';
import type { FiringAlert } from '../../../../shared/contract/alerts';
import type { PrometheusConnection } from '../../../../shared/model/connection';
import type { HostContext } from '../../host-context';
import { CallFailure } from '../../transport/failure';
import { alertmanagersOf } from '../alerts/alertmanagers';
import { toFiringAlert } from '../alerts/grouping';
import type { PrometheusLiveSource } from '../sources/adapters/prometheus';
import { readLatestScores } from './read-scores';
import { driftQuery } from './signals';

export function prometheusOf(ctx: HostContext, id: string | undefined) {
  const workspace = ctx.workspace();
  const all = workspace.definition.connections
    .map((c) => c.connection)
    .filter((c): c is PrometheusConnection => c.kind === 'prometheus');
  const connection = id ? all.find((c) => c.id === id) : all[0];
  if (!connection) {
    if (id) workspace.connection(id);
    throw new CallFailure(
      id ? 'bad_request' : 'unavailable',
      id
        ? `"${id}" is not a Prometheus connection`
        : 'This workspace has no Prometheus connection: add one in Settings → Connections',
    );
  }
  const overrides = workspace.definition.signalOverrides;
  return {
    connection,
    client: (workspace.source(connection.id) as PrometheusLiveSource).client,
    snapshot: workspace.snapshotSource(connection.id),
    queries: {
      score: driftQuery('drift.score', overrides),
      threshold: driftQuery('drift.threshold', overrides),
    },
  };
}

/** Drift alerts firing now; a failing Alertmanager must not hide the scores. */
export async function driftAlerts(
  ctx: HostContext,
): Promise<{ alerts: FiringAlert[]; error?: string }> {
  const errors: string[] = [];
  const lists = await Promise.all(
    alertmanagersOf(ctx).map(async ({ client, connection }) => {
      try {
        const alerts = await client.alerts({ active: true, silenced: true, inhibited: false });
        return alerts
          .filter((a) => /drift/i.test(a.labels.alertname ?? ''))
          .map((a) => toFiringAlert(connection.id, a));
      } catch (error) {
        errors.push(`${connection.name}: ${(error as Error).message}`);
        return [];
      }
    }),
  );
  return { alerts: lists.flat(), ...(errors.length ? { error: errors.join('; ') } : {}) };
}

/** The latest drift score of every model feature, with its alarm. */
export async function readDriftBoard(
  ctx: HostContext,
  prometheus: ReturnType<typeof prometheusOf>,
): Promise<DriftScoreBoard> {
  const alerts = await driftAlerts(ctx);
  const features = await readLatestScores(prometheus.client, prometheus.queries, alerts.alerts);
  return {
    prometheus: { id: prometheus.connection.id, name: prometheus.connection.name },
    features,
    queries: prometheus.queries,
    ...(alerts.error ? { alertsError: alerts.error } : {}),
  };
}
