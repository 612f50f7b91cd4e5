// A configured Alertmanager connection: the client and its "Test connection" probe.
import type {
  AlertmanagerConnection,
  ConnectionTestResult,
} from '../../../../shared/model/connection';
import { runConnectionTest } from '../connection-test';
import { MetricsEndpoint, type MetricsSourceDeps } from '../prometheus/endpoint';
import { AlertmanagerClient, readAlertmanagerError } from './client';

export type AlertmanagerSource = AlertmanagerClient;

export function createAlertmanagerSource(
  conn: AlertmanagerConnection,
  deps: MetricsSourceDeps,
): AlertmanagerSource {
  return new AlertmanagerClient(new MetricsEndpoint(conn, deps, readAlertmanagerError));
}

/** "Alertmanager 0.25.0" from /api/v2/status, with the cluster state when it is clustered. */
export function testAlertmanagerConnection(
  source: AlertmanagerSource,
): Promise<ConnectionTestResult> {
  return runConnectionTest(source.id, async () => {
    const status = await source.status();
    const serverVersion = `Alertmanager ${status.versionInfo.version.replace(/\+.*$/, '')}`;
    const cluster =
      status.cluster.status === 'disabled' ? '' : ` (cluster ${status.cluster.status})`;
    return { serverVersion, message: `Connected to ${serverVersion}${cluster}` };
  });
}
