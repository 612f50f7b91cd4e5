// Schedules whose due run did not start or did not succeed within its window.
import type { BriefSectionProvider } from './section';

export const missedSchedules: BriefSectionProvider = {
  id: 'missed-schedules',
  title: 'Missed schedules',
  async read({ schedules }) {
    const view = await schedules();
    const problems = view.schedules.filter((s) => s.problem);
    return {
      items: view.schedules.flatMap((s) =>
        s.missed
          ? [
              {
                id: `missed:${s.id}:${s.missed.dueAt}`,
                title: `${s.name} missed its ${s.missed.kind === 'not-started' ? 'run' : 'window'}`,
                detail: s.missed.summary,
                severity: 'warning' as const,
                since: s.missed.dueAt,
                where: `${s.context} / ${s.namespace}`,
                link: `/schedules?schedule=${encodeURIComponent(s.id)}`,
              },
            ]
          : [],
      ),
      ...(problems.length
        ? {
            note: `${problems.length} schedule(s) could not be read: ${problems[0]!.name}: ${problems[0]!.problem}`,
          }
        : {}),
    };
  },
};
