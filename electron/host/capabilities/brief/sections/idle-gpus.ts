// GPUs allocated but idle: held by a pod and under the workspace's utilisation threshold for its
// window, one line per GPU with the pod, how long and what it has cost so far.
import type { BriefItem } from '../../../../../shared/contract/brief';
import { readGpuFleet } from '../../monitoring/gpu-fleet';
import { monitoringPrometheus } from '../../monitoring/prometheus-of';
import type { BriefSectionProvider } from './section';

export const idleGpus: BriefSectionProvider = {
  id: 'idle-gpus',
  title: 'Idle GPUs',
  async read({ ctx, workspace, now, runs }) {
    const hasPrometheus = workspace.definition.connections.some(
      (c) => c.connection.kind === 'prometheus',
    );
    if (!hasPrometheus) return undefined;
    const p = monitoringPrometheus(ctx, undefined);
    const known = await runs().catch(() => []);
    const fleet = await readGpuFleet(
      p.reader,
      p.settings,
      now.getTime(),
      known.map((r) => ({ namespace: r.namespace, name: r.name })),
    );
    const currency = fleet.settings.currency;
    const items: BriefItem[] = fleet.idle.map((g) => ({
      id: `idle-gpu:${g.key}:${g.pod ?? ''}`,
      title: `${g.node} GPU ${g.gpu} idle${g.pod ? ` in ${g.namespace}/${g.pod}` : ''}`,
      detail: `under ${fleet.settings.idleThresholdPercent} % for ${Math.round(g.idleSeconds / 60)} min, ${g.cost.toFixed(2)} ${currency} so far${g.owner ? ` · owner ${g.owner}` : ''}`,
      severity: 'warning',
      since: new Date(g.idleSince).toISOString(),
      where: p.connection.name,
      link: '/gpus?tab=cost',
    }));
    const total = fleet.idle.reduce((sum, g) => sum + g.cost, 0);
    return {
      items,
      ...(items.length ? { note: `${total.toFixed(2)} ${currency} spent on idle GPUs` } : {}),
    };
  },
};
