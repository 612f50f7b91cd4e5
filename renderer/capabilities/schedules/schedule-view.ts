// The Schedules table's rows: status in the user's words, filtering to what needs a look.
import type { Schedule, StaleModel } from '../../../shared/contract/schedules';

export type ScheduleStatus = 'missed' | 'problem' | 'suspended' | 'stale' | 'ok';

export function scheduleStatus(s: Schedule, stale: Map<string, StaleModel>): ScheduleStatus {
  if (s.problem) return 'problem';
  if (s.missed) return 'missed';
  if (stale.has(s.id)) return 'stale';
  if (s.suspended) return 'suspended';
  return 'ok';
}

export const statusLabel: Record<ScheduleStatus, string> = {
  missed: 'Missed',
  problem: 'Cannot read',
  suspended: 'Suspended',
  stale: 'Model stale',
  ok: 'On schedule',
};

export function filterSchedules(
  schedules: Schedule[],
  stale: Map<string, StaleModel>,
  opts: { text: string; onlyProblems: boolean },
): Schedule[] {
  const text = opts.text.trim().toLowerCase();
  return schedules.filter((s) => {
    if (opts.onlyProblems && ['ok', 'suspended'].includes(scheduleStatus(s, stale))) return false;
    if (!text) return true;
    return [s.name, s.namespace, s.context, s.model ?? '', s.kind].some((v) =>
      v.toLowerCase().includes(text),
    );
  });
}
