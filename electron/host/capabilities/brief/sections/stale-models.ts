// Models whose retraining pipeline has not succeeded for longer than its expected period.
import type { BriefSectionProvider } from './section';

export const staleModels: BriefSectionProvider = {
  id: 'stale-models',
  title: 'Stale models',
  async read({ schedules }) {
    const view = await schedules();
    return {
      items: view.staleModels.map((m) => ({
        id: `stale:${m.scheduleId}`,
        title: `${m.model} is stale`,
        detail: m.summary,
        severity: 'warning' as const,
        since: m.staleSince,
        where: `${m.context} / ${m.namespace}`,
        link: `/schedules?schedule=${encodeURIComponent(m.scheduleId)}`,
      })),
    };
  },
};
