// The two reads of the Alerts page: firing alerts, grouped, and silences, newest state first.
import type {
  AlertBoard,
  FiringAlert,
  SilenceList,
  SilenceView,
} from '../../../../shared/contract/alerts';
import type { HostContext } from '../../host-context';
import { gatherFromAll, type Gathered } from './alertmanagers';
import { groupAlerts, toFiringAlert } from './grouping';
import type { SilencePermissions } from './permissions';

export async function readAlerts(
  ctx: HostContext,
  permissions: SilencePermissions,
  from: 'cache' | 'live',
  onLive?: (alerts: FiringAlert[]) => void,
): Promise<{ value: AlertBoard | null; freshness: Gathered<FiringAlert>['freshness'] }> {
  const gathered = await gatherFromAll<FiringAlert>(ctx, permissions, {
    key: 'alerts.firing',
    from,
    fetch: async (client) =>
      (await client.alerts({ active: true, silenced: true, inhibited: true })).map((a) =>
        toFiringAlert(client.id, a),
      ),
  });
  if (!gathered.value) return { value: null, freshness: gathered.freshness };
  const { items, sources } = gathered.value;
  const live = items.filter((a) => !sources.find((s) => s.id === a.connection)?.staleAsOf);
  if (from === 'live') onLive?.(live);
  const names = new Map(sources.map((s) => [s.id, s.name]));
  return {
    value: { groups: groupAlerts(items, (id) => names.get(id) ?? id), sources },
    freshness: gathered.freshness,
  };
}

const stateRank = { active: 0, pending: 1, expired: 2 } as const;

export async function readSilences(
  ctx: HostContext,
  permissions: SilencePermissions,
  from: 'cache' | 'live',
): Promise<{ value: SilenceList | null; freshness: Gathered<SilenceView>['freshness'] }> {
  const gathered = await gatherFromAll<SilenceView>(ctx, permissions, {
    key: 'alerts.silences',
    from,
    fetch: async (client) =>
      (await client.silences()).map((s) => ({
        connection: client.id,
        id: s.id,
        state: s.status.state,
        matchers: s.matchers,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        createdBy: s.createdBy,
        comment: s.comment,
      })),
  });
  if (!gathered.value) return { value: null, freshness: gathered.freshness };
  const silences = [...gathered.value.items].sort(
    (a, b) => stateRank[a.state] - stateRank[b.state] || b.endsAt.localeCompare(a.endsAt),
  );
  return { value: { silences, sources: gathered.value.sources }, freshness: gathered.freshness };
}
