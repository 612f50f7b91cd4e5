import { describe, expect, it } from 'vitest';
import { parseDuration, parseDurationParam, parseTimeParam } from './duration';
import { formatValue } from './format';
import { parsePromql } from './parser';

describe('parsePromql', () => {
  it('binds operators as PromQL does', () => {
    expect(parsePromql('-2 ^ 2')).toEqual({
      kind: 'unary',
      expr: {
        kind: 'binary',
        op: '^',
        lhs: { kind: 'number', value: 2 },
        rhs: { kind: 'number', value: 2 },
        bool: false,
      },
    });
    const sum = parsePromql('1 + 2 * 3');
    expect(sum.kind === 'binary' && sum.op).toBe('+');
    const power = parsePromql('2 ^ 3 ^ 2');
    expect(power.kind === 'binary' && power.rhs.kind).toBe('binary');
  });

  it('reads selectors, grouping before or after the operand, and range durations', () => {
    expect(parsePromql('sum by (a, b) (x{c=~"d.*", e!="f"})')).toEqual(
      parsePromql('sum(x{c=~"d.*",e!="f",}) by (a,b)'),
    );
    expect(parsePromql("avg_over_time(up{job='x'}[1h30m])")).toMatchObject({
      kind: 'call',
      func: 'avg_over_time',
      arg: { rangeMs: 5_400_000 },
    });
    expect(parsePromql('{__name__="up"}')).toEqual(parsePromql('up'));
    expect(parsePromql('x # a comment')).toEqual(parsePromql('x'));
  });

  it('reads numbers in every PromQL form', () => {
    for (const [text, value] of [
      ['1e3', 1000],
      ['0x10', 16],
      ['.5', 0.5],
      ['Inf', Infinity],
      ['-inf', -Infinity],
    ] as const) {
      expect(parsePromql(text)).toEqual({ kind: 'number', value });
    }
    expect(parsePromql('NaN')).toMatchObject({ kind: 'number' });
  });
});

describe('durations and times', () => {
  it('parses durations largest unit first', () => {
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('1y')).toBe(365 * 86_400_000);
    expect(() => parseDuration('30m1h')).toThrow(/not a valid duration/);
  });

  it('parses API times and steps like Prometheus', () => {
    expect(parseTimeParam('1795701044.9305', 'time')).toBe(1795701044931);
    expect(parseTimeParam('2026-11-26T10:00:00.5Z', 'time')).toBe(
      Date.parse('2026-11-26T10:00:00.500Z'),
    );
    expect(() => parseTimeParam('yesterday', 'start')).toThrow(/invalid parameter "start"/);
    expect(parseDurationParam('15', 'step')).toBe(15_000);
    expect(parseDurationParam('1m', 'step')).toBe(60_000);
  });
});

describe('formatValue', () => {
  it("writes floats as Go's FormatFloat(v, 'f', -1, 64)", () => {
    expect(
      [NaN, Infinity, -Infinity, -0, 1e21, 1.5e-7, 96.18333333333334, 35357].map(formatValue),
    ).toEqual([
      'NaN',
      '+Inf',
      '-Inf',
      '-0',
      '1000000000000000000000',
      '0.00000015',
      '96.18333333333334',
      '35357',
    ]);
  });
});
