// An Alertmanager as a live source: firing alerts and active silences at a glance.
import type { AlertmanagerConnection } from '../../../../../shared/model/connection';
import {
  createAlertmanagerSource,
  testAlertmanagerConnection,
  type AlertmanagerSource,
} from '../../../sources/alertmanager';
import type { MetricsSourceDeps } from '../../../sources/prometheus';
import type { LiveSource } from '../live-source';
import { describeTarget } from './prometheus';

export interface AlertmanagerLiveSource extends LiveSource {
  readonly client: AlertmanagerSource;
}

export function alertmanagerLiveSource(
  connection: AlertmanagerConnection,
  deps: MetricsSourceDeps,
): AlertmanagerLiveSource {
  const client = createAlertmanagerSource(connection, deps);
  return {
    connection,
    client,
    async test() {
      return [
        { target: describeTarget(connection), result: await testAlertmanagerConnection(client) },
      ];
    },
    async headline() {
      const [status, firing, silences] = await Promise.all([
        client.status(),
        client.alerts({ active: true, silenced: false, inhibited: false }),
        client.silences(),
      ]);
      return {
        kind: 'alertmanager',
        serverVersion: `Alertmanager ${status.versionInfo.version.replace(/\+.*$/, '')}`,
        firing: firing.length,
        silences: silences.filter((s) => s.status.state === 'active').length,
      };
    },
    close: () => client.close(),
  };
}
