import { describe, expect, it } from 'vitest';
import { workspace } from '../../../../../shared/model/workspace';
import { policyFor, type PromotionPolicy } from '../../../../../shared/model/promotion-policy';
import { evaluatePolicy, type GateFigures } from './evaluate-gates';

const policy: PromotionPolicy = {
  approvals: {
    default: { required: 1, twoPersonRule: true },
    fraud: { required: 2, twoPersonRule: true },
  },
  gates: {
    default: [{ kind: 'metric', expression: 'latency_ms <= 5' }],
    fraud: [
      { kind: 'metric', name: 'AUC vs champion', expression: 'auc >= champion.auc - 0.005' },
      { kind: 'metric', expression: 'precision >= 0.8' },
      { kind: 'validationRun', tag: 'validation_run_id' },
      { kind: 'noDriftAlarm', label: 'model' },
    ],
  },
};

const figures = (over: Partial<GateFigures> = {}): GateFigures => ({
  model: 'fraud',
  version: '4',
  candidateMetrics: new Map([
    ['auc', 0.946],
    ['precision', 0.815],
  ]),
  champion: { alias: 'champion', version: '3', metrics: new Map([['auc', 0.941]]) },
  tags: { validation_run_id: 'r1' },
  validationRuns: new Map([['r1', { status: 'FINISHED' }]]),
  alerts: [],
  approvals: 2,
  ...over,
});

const evaluate = (over: Partial<GateFigures> = {}, model = 'fraud') =>
  evaluatePolicy(policyFor(model, policy), figures({ model, ...over }), '2026-11-26T12:00:00Z');

describe('policyFor', () => {
  it("takes the model's own entry, else default, else the built-in rule", () => {
    expect(policyFor('fraud', policy).source).toEqual({ approvals: 'fraud', gates: 'fraud' });
    expect(policyFor('churn', policy).source).toEqual({ approvals: 'default', gates: 'default' });
    expect(policyFor('churn', {})).toMatchObject({
      approvals: { required: 1, twoPersonRule: true },
      gates: [],
      source: { approvals: 'built-in', gates: 'built-in' },
    });
  });
});

describe('evaluatePolicy', () => {
  it('passes every gate with the figures and thresholds', () => {
    const report = evaluate();
    expect(report.passed).toBe(true);
    expect(report.blocking).toEqual([]);
    expect(report.champion).toEqual({ alias: 'champion', version: '3' });
    expect(report.gates.map((g) => [g.name, g.kind, g.status, g.actual, g.threshold])).toEqual([
      ['AUC vs champion', 'metric', 'passed', 0.946, 0.936],
      ['precision >= 0.8', 'metric', 'passed', 0.815, 0.8],
      ['A passed validation run', 'validationRun', 'passed', 'FINISHED', 'FINISHED'],
      ['No drift alarm firing', 'noDriftAlarm', 'passed', 0, 0],
      ['2 approvals', 'approvals', 'passed', 2, 2],
    ]);
  });

  it('blocks on a metric under the champion-relative threshold, naming the champion', () => {
    const report = evaluate({
      candidateMetrics: new Map([
        ['auc', 0.93],
        ['precision', 0.9],
      ]),
    });
    expect(report.passed).toBe(false);
    expect(report.blocking).toEqual(['AUC vs champion']);
    expect(report.gates[0]?.explanation).toBe('0.93 misses >= 0.936 (champion v3).');
  });

  it('fails a missing metric and does not evaluate without a champion', () => {
    const report = evaluate({ candidateMetrics: new Map([['auc', 0.95]]), champion: null });
    expect(report.gates[0]).toMatchObject({ status: 'not_evaluated' });
    expect(report.gates[1]).toMatchObject({
      status: 'failed',
      explanation: 'Metric not logged: precision.',
    });
    expect(report.passed).toBe(false);
  });

  it('reads the validation run: unlinked, failed, unreadable', () => {
    expect(evaluate({ tags: {} }).gates[2]).toMatchObject({ status: 'failed' });
    expect(
      evaluate({ validationRuns: new Map([['r1', { status: 'FAILED' }]]) }).gates[2],
    ).toMatchObject({ status: 'failed', actual: 'FAILED' });
    expect(
      evaluate({ validationRuns: new Map([['r1', { status: 'FINISHED', passedTag: 'failed' }]]) })
        .gates[2],
    ).toMatchObject({ status: 'failed' });
    expect(
      evaluate({ validationRuns: new Map([['r1', { error: '403' }]]) }).gates[2],
    ).toMatchObject({
      status: 'not_evaluated',
    });
  });

  it('never passes the drift gate silently', () => {
    expect(evaluate({ alerts: null }).gates[3]).toMatchObject({
      status: 'not_evaluated',
      explanation: expect.stringContaining('no alert source'),
    });
    expect(evaluate({ alerts: { error: 'unreachable' } }).gates[3]).toMatchObject({
      status: 'not_evaluated',
    });
    const firing = evaluate({
      alerts: [
        { labels: { alertname: 'FeatureDriftDetected', model: 'fraud' } },
        { labels: { alertname: 'FeatureDriftDetected', model: 'churn' } },
        { labels: { alertname: 'HighLatency', model: 'fraud' } },
      ],
    });
    expect(firing.gates[3]).toMatchObject({
      status: 'failed',
      actual: 1,
      explanation: 'Firing: FeatureDriftDetected.',
    });
    expect(firing.blocking).toEqual(['No drift alarm firing']);
  });

  it('counts approvals against the required number', () => {
    expect(evaluate({ approvals: 1 }).gates[4]).toMatchObject({
      status: 'failed',
      actual: 1,
      threshold: 2,
    });
  });
});

describe('the workspace file', () => {
  const file = (overrides: unknown) =>
    workspace.safeParse({ version: 1, name: 'team', connections: [], overrides });

  it('accepts a policy and refuses a bad expression naming the field', () => {
    expect(file({ approvals: { default: { required: 2 } }, gates: policy.gates }).success).toBe(
      true,
    );
    const bad = file({ gates: { fraud: [{ kind: 'metric', expression: 'auc => 0.9' }] } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({
      path: ['overrides', 'gates', 'fraud', 0, 'expression'],
      message: expect.stringMatching(/invalid gate expression: .* at column 5/),
    });
    const unknownKind = file({ gates: { fraud: [{ kind: 'vibes' }] } });
    expect(unknownKind.error?.issues[0]?.path).toEqual(['overrides', 'gates', 'fraud', 0, 'kind']);
    const typo = file({ approvals: { fraud: { requierd: 2 } } });
    expect(typo.success).toBe(false);
  });
});
