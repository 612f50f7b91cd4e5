// Cron arithmetic for schedules: next run, the last time a run was due, the expected period, and
// whether a run was missed. cron-parser does the calendar work, time zones and DST included, so
// "30 2 * * *" in Europe/Berlin is skipped on the spring-forward night exactly as cron would.
import { CronExpressionParser } from 'cron-parser';
import type { MissedRun } from '../../../../shared/contract/schedules';

export interface ScheduleSpec {
  /** One or more cron expressions (a CronWorkflow may carry several). */
  expressions: string[];
  /** IANA time zone; the cluster's (UTC) when absent. */
  timeZone?: string;
  /** How late a run may start and still count (CronJob/CronWorkflow startingDeadlineSeconds). */
  startingDeadlineSeconds?: number;
  /** How long a run may take (the run's activeDeadlineSeconds). */
  activeDeadlineSeconds?: number;
}

/** A start window for schedules that declare none: real controllers start runs within seconds. */
export const defaultStartWindowMs = 10 * 60_000;

function parse(expression: string, timeZone: string | undefined, at: Date) {
  return CronExpressionParser.parse(expression, {
    currentDate: at,
    tz: timeZone ?? 'UTC',
  });
}

/** Throws a readable error when an expression or the time zone cannot be used. */
export function checkSchedule(spec: ScheduleSpec): void {
  if (spec.expressions.length === 0) throw new Error('no schedule is set');
  if (spec.timeZone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: spec.timeZone });
    } catch {
      throw new Error(`unknown time zone "${spec.timeZone}"`);
    }
  }
  for (const expression of spec.expressions) {
    try {
      parse(expression, spec.timeZone, new Date());
    } catch (error) {
      throw new Error(`cron expression "${expression}": ${(error as Error).message}`);
    }
  }
}

/** The next time a run is due, after `now`. */
export function nextRun(spec: ScheduleSpec, now: Date): Date | undefined {
  const times = spec.expressions.map((e) => parse(e, spec.timeZone, now).next().getTime());
  return times.length ? new Date(Math.min(...times)) : undefined;
}

/** The last time a run was due, at or before `at`. */
export function lastDue(spec: ScheduleSpec, at: Date): Date | undefined {
  // cron-parser's prev() is strictly before currentDate; a run due exactly at `at` counts.
  const probe = new Date(at.getTime() + 1);
  const times = spec.expressions.map((e) => parse(e, spec.timeZone, probe).prev().getTime());
  return times.length ? new Date(Math.max(...times)) : undefined;
}

/**
 * The longest gap between consecutive due times over the coming weeks: the period after which a
 * missing success is overdue ("0 2 * * 1-5" gives three days, over the weekend).
 */
export function expectedPeriodMs(spec: ScheduleSpec, now: Date): number {
  const times: number[] = [];
  for (const expression of spec.expressions) {
    const it = parse(expression, spec.timeZone, now);
    for (let i = 0; i < 16; i++) times.push(it.next().getTime());
  }
  times.sort((a, b) => a - b);
  let longest = 0;
  for (let i = 1; i < times.length; i++) longest = Math.max(longest, times[i]! - times[i - 1]!);
  return longest;
}

export interface MissedInput {
  spec: ScheduleSpec;
  now: Date;
  suspended: boolean;
  createdAt?: Date;
  lastScheduled?: Date;
  lastSuccessful?: Date;
  /** A run of this schedule is running now. */
  running: boolean;
}

/**
 * Missed when a run that was due did not start within its start window, or when the last run
 * did not succeed within its window (its activeDeadlineSeconds, else until the next was due).
 * A suspended schedule misses nothing: it is shown as suspended instead.
 */
export function findMissedRun(input: MissedInput): MissedRun | undefined {
  const { spec, now, lastScheduled, lastSuccessful } = input;
  if (input.suspended) return undefined;
  const startWindow =
    spec.startingDeadlineSeconds !== undefined
      ? spec.startingDeadlineSeconds * 1000
      : defaultStartWindowMs;
  const due = lastDue(spec, new Date(now.getTime() - startWindow));
  // Runs due before the schedule existed were never expected.
  if (due && (!input.createdAt || due >= input.createdAt)) {
    // A second of slack: some controllers stamp the time the run was created, not the due time.
    if (!lastScheduled || lastScheduled.getTime() < due.getTime() - 1000) {
      return {
        kind: 'not-started',
        dueAt: due.toISOString(),
        summary: `The run due ${utc(due)} did not start${
          lastScheduled ? ` (last started ${utc(lastScheduled)})` : ''
        }`,
      };
    }
  }
  if (!lastScheduled || input.running) return undefined;
  if (lastSuccessful && lastSuccessful >= lastScheduled) return undefined;
  const window =
    spec.activeDeadlineSeconds !== undefined
      ? spec.activeDeadlineSeconds * 1000
      : (nextRun(spec, lastScheduled)?.getTime() ?? Infinity) - lastScheduled.getTime();
  if (now.getTime() - lastScheduled.getTime() <= window) return undefined;
  return {
    kind: 'not-succeeded',
    dueAt: lastScheduled.toISOString(),
    summary: `The run started ${utc(lastScheduled)} did not succeed within its window`,
  };
}

/** "2026-03-02 02:00 UTC": the host does not know the user's locale; UTC reads the same anywhere. */
export const utc = (d: Date): string => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** "36h", "7d", "90m", "1d12h" as milliseconds; undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m)?\s*$/.exec(text);
  if (!match || (!match[1] && !match[2] && !match[3])) return undefined;
  const [, d, h, m] = match;
  return ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(m ?? 0)) * 60_000;
}
