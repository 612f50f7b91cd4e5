// Who a silence is created by: Alertmanager records `createdBy` as free text, so the console
// writes the login the connection uses when it has one (basic auth), else the local user.
import type { AlertmanagerConnection } from '../../../../shared/model/connection';

export function silenceAuthor(connection: AlertmanagerConnection, localActor: string): string {
  if (connection.auth.type === 'basic') return connection.auth.username;
  return localActor.replace(/^local:/, '');
}
