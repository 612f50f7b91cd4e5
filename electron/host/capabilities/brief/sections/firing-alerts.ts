// Firing alerts from every Alertmanager connection of the workspace (not silenced, not
// inhibited), grouped by alert name and severity so a storm reads as one line.
import type { BriefItem } from '../../../../../shared/contract/brief';
import type { AlertmanagerLiveSource } from '../../sources/adapters/alertmanager';
import type { BriefSectionProvider } from './section';

const severityOf = (label: string | undefined): BriefItem['severity'] =>
  label === 'critical' || label === 'page' ? 'critical' : label === 'info' ? 'info' : 'warning';

export const firingAlerts: BriefSectionProvider = {
  id: 'firing-alerts',
  title: 'Firing alerts',
  async read({ workspace }) {
    const connections = workspace.definition.connections
      .map((c) => c.connection)
      .filter((c) => c.kind === 'alertmanager');
    if (connections.length === 0) return undefined;
    const answers = await Promise.allSettled(
      connections.map(async (connection) => ({
        connection,
        alerts: await (workspace.source(connection.id) as AlertmanagerLiveSource).client.alerts({
          active: true,
          silenced: false,
          inhibited: false,
        }),
      })),
    );
    const failed = answers.filter((a) => a.status === 'rejected');
    if (failed.length === answers.length) throw (failed[0] as PromiseRejectedResult).reason;
    const items: BriefItem[] = [];
    for (const answer of answers) {
      if (answer.status !== 'fulfilled') continue;
      const { connection, alerts } = answer.value;
      const groups = new Map<string, typeof alerts>();
      for (const alert of alerts) {
        const key = `${alert.labels['alertname'] ?? 'alert'}|${alert.labels['severity'] ?? ''}`;
        groups.set(key, [...(groups.get(key) ?? []), alert]);
      }
      for (const [key, group] of groups) {
        const [name, severity] = key.split('|') as [string, string];
        const first = group.reduce((a, b) => (a.startsAt <= b.startsAt ? a : b));
        const summary = first.annotations['summary'] ?? first.annotations['description'];
        items.push({
          id: `alert:${connection.id}:${key}`,
          title: group.length > 1 ? `${name} (${group.length} alerts)` : name,
          ...(summary ? { detail: summary } : {}),
          severity: severityOf(severity || undefined),
          since: first.startsAt,
          where: connection.name,
          link: '/alerts',
        });
      }
    }
    const order = { critical: 0, warning: 1, info: 2 };
    items.sort((a, b) => order[a.severity] - order[b.severity] || a.title.localeCompare(b.title));
    return {
      items,
      ...(failed.length
        ? { note: `${failed.length} of ${answers.length} Alertmanagers did not answer` }
        : {}),
    };
  },
};
