import { describe, expect, it } from 'vitest';
import {
  evaluateGateExpression,
  GateExpressionError,
  metricsOf,
  parseGateExpression,
  type MetricLookup,
} from './index';

const metrics =
  (candidate: Record<string, number>, champion: Record<string, number> = {}): MetricLookup =>
  (subject, key) =>
    (subject === 'champion' ? champion : candidate)[key];

const run = (text: string, lookup: MetricLookup) =>
  evaluateGateExpression(parseGateExpression(text), lookup);

describe('parseGateExpression', () => {
  it('reads a champion-relative threshold', () => {
    const e = parseGateExpression('auc >= champion.auc - 0.005');
    expect(e.comparator).toBe('>=');
    expect(e.left).toEqual({ kind: 'metric', subject: 'candidate', key: 'auc' });
    expect(e.right).toEqual({
      kind: 'binary',
      op: '-',
      left: { kind: 'metric', subject: 'champion', key: 'auc' },
      right: { kind: 'number', value: 0.005 },
    });
  });

  it('keeps precedence: * and / before + and -, parentheses first', () => {
    expect(run('x == 1 + 2 * 3', metrics({ x: 7 }))).toMatchObject({ passed: true, threshold: 7 });
    expect(run('x == (1 + 2) * 3', metrics({ x: 9 }))).toMatchObject({ passed: true });
    expect(run('x == 10 - 4 - 3', metrics({ x: 3 }))).toMatchObject({ passed: true });
    expect(run('x == -2 * -3', metrics({ x: 6 }))).toMatchObject({ passed: true });
    expect(run('x == 1e-3', metrics({ x: 0.001 }))).toMatchObject({ passed: true });
  });

  it('reads dotted names, explicit candidate and backquoted keys', () => {
    expect(metricsOf(parseGateExpression('val.auc >= champion.val.auc'))).toEqual([
      { subject: 'candidate', key: 'val.auc' },
      { subject: 'champion', key: 'val.auc' },
    ]);
    expect(metricsOf(parseGateExpression('candidate.f1 > 0.5'))).toEqual([
      { subject: 'candidate', key: 'f1' },
    ]);
    expect(
      metricsOf(parseGateExpression('`eval/auc@k=10` >= champion.`eval/auc@k=10` * 0.99')),
    ).toEqual([
      { subject: 'candidate', key: 'eval/auc@k=10' },
      { subject: 'champion', key: 'eval/auc@k=10' },
    ]);
  });

  it.each([
    ['auc', /comparison .* expected, found the end at column 4/],
    ['auc = 0.9', /"=" is not a comparison; use "==" at column 5/],
    ['auc >= ', /a number or metric expected, found the end at column 8/],
    ['auc >= (0.9', /"\)" expected, found the end/],
    ['auc >= 0.9 0.1', /unexpected "0.1" after the comparison at column 12/],
    ['auc >= 0.9 and f1 > 1', /unexpected "and"/],
    ['auc >= champion.', /a metric name expected at column 17/],
    ['auc >= `x', /unclosed ` at column 8/],
    ['auc ; 1', /unexpected ";" at column 5/],
    ['1 >= 2 >= 3', /unexpected ">="/],
  ])('refuses %j naming the column', (text, message) => {
    expect(() => parseGateExpression(text)).toThrow(GateExpressionError);
    expect(() => parseGateExpression(text)).toThrow(message);
  });

  it('never evaluates code', () => {
    expect(() => parseGateExpression('process.exit(1) >= 0')).toThrow(/found "\(" at column 13/);
    expect(() => parseGateExpression("auc >= constructor['x']")).toThrow(GateExpressionError);
  });
});

describe('evaluateGateExpression', () => {
  it('passes and fails against the champion with the computed threshold', () => {
    const e = 'auc >= champion.auc - 0.005';
    const passed = run(e, metrics({ auc: 0.946 }, { auc: 0.941 }));
    expect(passed).toMatchObject({ kind: 'compared', passed: true, actual: 0.946 });
    expect(passed.kind === 'compared' && passed.threshold).toBeCloseTo(0.936, 12);
    expect(run(e, metrics({ auc: 0.93 }, { auc: 0.941 }))).toMatchObject({ passed: false });
  });

  it('treats the boundary as equal despite float rounding', () => {
    // 0.941 - 0.005 is 0.9359999999999999 in floating point.
    expect(
      run('auc >= champion.auc - 0.005', metrics({ auc: 0.936 }, { auc: 0.941 })),
    ).toMatchObject({
      passed: true,
    });
    expect(
      run('auc > champion.auc - 0.005', metrics({ auc: 0.936 }, { auc: 0.941 })),
    ).toMatchObject({
      passed: false,
    });
    expect(run('x != 0.3', metrics({ x: 0.1 + 0.2 }))).toMatchObject({ passed: false });
    expect(run('x <= 1', metrics({ x: 1 }))).toMatchObject({ passed: true });
    expect(run('x < 1', metrics({ x: 1 }))).toMatchObject({ passed: false });
  });

  it('reports missing metrics instead of passing', () => {
    expect(run('auc >= champion.auc', metrics({}, { auc: 0.9 }))).toEqual({
      kind: 'missing',
      missing: [{ subject: 'candidate', key: 'auc' }],
    });
  });

  it('fails a division by zero rather than comparing NaN', () => {
    expect(run('x / 0 >= 0', metrics({ x: 0 }))).toMatchObject({ passed: false });
  });
});
