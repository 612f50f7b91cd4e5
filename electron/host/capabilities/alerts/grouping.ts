// How firing alerts are grouped on screen: by alertname, severity and cluster, as a route with
// `group_by: [alertname, severity, cluster]` would group them. The same alert reaching us from
// two Alertmanagers of an HA pair (same fingerprint) is shown once.
import type { AlertGroup, FiringAlert } from '../../../../shared/contract/alerts';
import type { GettableAlert } from '../../sources/alertmanager';

const severityRank: Record<string, number> = { critical: 0, page: 0, error: 1, warning: 2 };

export function toFiringAlert(connection: string, alert: GettableAlert): FiringAlert {
  return {
    connection,
    fingerprint: alert.fingerprint,
    labels: alert.labels,
    annotations: alert.annotations,
    startsAt: alert.startsAt,
    state: alert.status.state,
    silencedBy: alert.status.silencedBy,
    inhibitedBy: alert.status.inhibitedBy,
    ...(alert.generatorURL ? { generatorURL: alert.generatorURL } : {}),
  };
}

/** Critical first, then by alertname and cluster; within a group, the oldest first. */
export function groupAlerts(
  alerts: FiringAlert[],
  connectionName: (id: string) => string,
): AlertGroup[] {
  const seen = new Set<string>();
  const groups = new Map<string, AlertGroup>();
  for (const alert of alerts) {
    if (seen.has(alert.fingerprint)) continue;
    seen.add(alert.fingerprint);
    const alertname = alert.labels.alertname ?? '(no alertname)';
    const severity = alert.labels.severity ?? 'none';
    const cluster = alert.labels.cluster ?? connectionName(alert.connection);
    const key = `${alertname}/${severity}/${cluster}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, alertname, severity, cluster, alerts: [] }));
    group.alerts.push(alert);
  }
  const list = [...groups.values()];
  for (const group of list) group.alerts.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return list.sort(
    (a, b) =>
      rank(a.severity) - rank(b.severity) ||
      a.alertname.localeCompare(b.alertname) ||
      a.cluster.localeCompare(b.cluster),
  );
}

function rank(severity: string): number {
  return severityRank[severity.toLowerCase()] ?? 3;
}

/** Severities that warrant a desktop notification. */
export function isCritical(alert: FiringAlert): boolean {
  const severity = (alert.labels.severity ?? '').toLowerCase();
  return severity === 'critical' || severity === 'page';
}
