import { describe, expect, it } from 'vitest';
import {
  expectedPeriodMs,
  findMissedRun,
  lastDue,
  nextRun,
  parseDuration,
  checkSchedule,
} from './schedule-math';

const at = (iso: string) => new Date(iso);
const H = 3_600_000;

describe('next run and last due across time zones and DST', () => {
  it('reads a schedule in its time zone, not the cluster clock', () => {
    const spec = { expressions: ['30 3 * * *'], timeZone: 'Europe/Berlin' };
    // 03:30 in Berlin in winter is 02:30 UTC.
    expect(nextRun(spec, at('2026-01-15T00:00:00Z'))?.toISOString()).toBe(
      '2026-01-15T02:30:00.000Z',
    );
    // …and 01:30 UTC in summer.
    expect(nextRun(spec, at('2026-07-15T00:00:00Z'))?.toISOString()).toBe(
      '2026-07-15T01:30:00.000Z',
    );
  });

  it('skips a local time that does not exist on the spring-forward night', () => {
    // Europe/Berlin jumps from 02:00 to 03:00 on 2026-03-29: 02:30 never happens that day.
    const spec = { expressions: ['30 2 * * *'], timeZone: 'Europe/Berlin' };
    const next = nextRun(spec, at('2026-03-28T23:00:00Z'))!;
    expect(next.getTime()).not.toBe(at('2026-03-29T00:30:00Z').getTime());
    expect(next.getTime()).toBeGreaterThan(at('2026-03-29T00:30:00Z').getTime());
  });

  it('runs an hourly schedule 23 times on the spring-forward day in New York', () => {
    const spec = { expressions: ['0 * * * *'], timeZone: 'America/New_York' };
    let t = at('2026-03-08T05:00:00Z'); // midnight in New York
    const runs: Date[] = [];
    while (runs.length < 30) {
      t = nextRun(spec, t)!;
      if (t >= at('2026-03-09T04:00:00Z')) break; // next midnight (EDT)
      runs.push(t);
    }
    expect(runs.length).toBe(22);
  });

  it('counts a run due exactly now as due', () => {
    const spec = { expressions: ['0 2 * * *'] };
    expect(lastDue(spec, at('2026-03-02T02:00:00Z'))?.toISOString()).toBe(
      '2026-03-02T02:00:00.000Z',
    );
    expect(lastDue(spec, at('2026-03-02T01:59:59Z'))?.toISOString()).toBe(
      '2026-03-01T02:00:00.000Z',
    );
  });

  it('takes the earliest of several schedules (CronWorkflow schedules list)', () => {
    const spec = { expressions: ['0 6 * * *', '0 18 * * *'], timeZone: 'Asia/Tokyo' };
    expect(nextRun(spec, at('2026-03-02T00:00:00Z'))?.toISOString()).toBe(
      '2026-03-02T09:00:00.000Z',
    );
  });

  it('derives the expected period from the longest gap', () => {
    expect(expectedPeriodMs({ expressions: ['0 */6 * * *'] }, at('2026-03-02T00:00:00Z'))).toBe(
      6 * H,
    );
    // Weekdays only: Friday to Monday is three days.
    expect(expectedPeriodMs({ expressions: ['0 2 * * 1-5'] }, at('2026-03-02T00:00:00Z'))).toBe(
      72 * H,
    );
  });

  it('names a bad expression and an unknown time zone', () => {
    expect(() => checkSchedule({ expressions: ['61 * * * *'] })).toThrow(/61 \* \* \* \*/);
    expect(() => checkSchedule({ expressions: ['0 * * * *'], timeZone: 'Mars/Olympus' })).toThrow(
      /unknown time zone/,
    );
    expect(() => checkSchedule({ expressions: [] })).toThrow(/no schedule/);
  });
});

describe('missed runs', () => {
  const daily = { expressions: ['0 2 * * *'], startingDeadlineSeconds: 300 };
  const base = { spec: daily, suspended: false, running: false };

  it('is not missed while the start window is open', () => {
    expect(
      findMissedRun({
        ...base,
        now: at('2026-03-02T02:04:00Z'),
        lastScheduled: at('2026-03-01T02:00:00Z'),
        lastSuccessful: at('2026-03-01T02:40:00Z'),
      }),
    ).toBeUndefined();
  });

  it('is missed when the due run did not start within startingDeadlineSeconds', () => {
    expect(
      findMissedRun({
        ...base,
        now: at('2026-03-02T02:06:00Z'),
        lastScheduled: at('2026-03-01T02:00:00Z'),
        lastSuccessful: at('2026-03-01T02:40:00Z'),
      }),
    ).toEqual({
      kind: 'not-started',
      dueAt: '2026-03-02T02:00:00.000Z',
      summary: 'The run due 2026-03-02 02:00 UTC did not start (last started 2026-03-01 02:00 UTC)',
    });
  });

  it('uses the due time in the schedule time zone', () => {
    const spec = { expressions: ['0 2 * * *'], timeZone: 'America/Los_Angeles' };
    // 02:00 in Los Angeles is 10:00 UTC in March (PDT from 8 March).
    const missed = findMissedRun({
      ...base,
      spec,
      now: at('2026-03-10T11:00:00Z'),
      lastScheduled: at('2026-03-09T09:00:00Z'),
    });
    expect(missed?.dueAt).toBe('2026-03-10T09:00:00.000Z');
  });

  it('is missed when the last run did not succeed within its deadline', () => {
    const spec = { expressions: ['0 */6 * * *'], activeDeadlineSeconds: 4 * 3600 };
    const missed = findMissedRun({
      spec,
      suspended: false,
      running: false,
      now: at('2026-03-02T17:00:00Z'),
      lastScheduled: at('2026-03-02T12:00:00Z'),
      lastSuccessful: at('2026-03-02T09:00:00Z'),
    });
    expect(missed).toMatchObject({ kind: 'not-succeeded', dueAt: '2026-03-02T12:00:00.000Z' });
  });

  it('misses nothing when suspended, running, or created after the due time', () => {
    const late = { now: at('2026-03-02T09:00:00Z'), lastScheduled: at('2026-02-20T02:00:00Z') };
    expect(findMissedRun({ ...base, ...late, suspended: true })).toBeUndefined();
    expect(
      findMissedRun({ ...base, now: late.now, createdAt: at('2026-03-02T03:00:00Z') }),
    ).toBeUndefined();
  });
});

describe('durations', () => {
  it('reads annotation durations', () => {
    expect(parseDuration('36h')).toBe(36 * H);
    expect(parseDuration('1d12h')).toBe(36 * H);
    expect(parseDuration('90m')).toBe(1.5 * H);
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseDuration('')).toBeUndefined();
  });
});
