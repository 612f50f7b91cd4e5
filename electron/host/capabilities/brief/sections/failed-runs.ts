// Pipeline runs that failed in the last 24 hours, newest first, with their classified cause.
import type { BriefSectionProvider } from './section';

const windowMs = 24 * 3_600_000;

export const failedRuns: BriefSectionProvider = {
  id: 'failed-runs',
  title: 'Failed runs (last 24 h)',
  async read({ runs, now }) {
    const since = now.getTime() - windowMs;
    const failed = (await runs())
      .filter((r) => r.status === 'Failed' || r.status === 'Error')
      .filter((r) => {
        const at = r.finishedAt ?? r.startedAt;
        return at !== undefined && new Date(at).getTime() >= since;
      })
      .sort((a, b) =>
        (b.finishedAt ?? b.startedAt ?? '').localeCompare(a.finishedAt ?? a.startedAt ?? ''),
      );
    return {
      items: failed.map((r) => ({
        id: `run:${r.id}`,
        title: `${r.name} failed${r.failedStep ? ` at ${r.failedStep}` : ''}`,
        ...(r.cause ? { detail: r.cause.summary } : {}),
        severity: 'critical' as const,
        ...((r.finishedAt ?? r.startedAt) ? { since: r.finishedAt ?? r.startedAt } : {}),
        where: `${r.context} / ${r.namespace}`,
        link: `/pipelines?run=${encodeURIComponent(r.id)}`,
      })),
    };
  },
};
