// Deciding each gate from figures already fetched, with no I/O, so every rule is unit-tested.
// A gate that cannot be decided is `not_evaluated` and names why: it never passes silently.
import type { GateReport, GateResult } from '../../../../../shared/contract/approvals';
import {
  evaluateGateExpression,
  metricsOf,
  parseGateExpression,
} from '../../../../../shared/model/gate-expression';
import {
  gateName,
  type GateRule,
  type ModelPolicy,
} from '../../../../../shared/model/promotion-policy';

export interface GateFigures {
  model: string;
  version: string;
  candidateMetrics: ReadonlyMap<string, number>;
  /** The champion's version and metrics; null when the alias points nowhere. */
  champion: { alias: string; version: string; metrics: ReadonlyMap<string, number> } | null;
  /** The version's tags, e.g. the one naming its validation run. */
  tags: Readonly<Record<string, string>>;
  /** The validation run by id, or why it could not be read. */
  validationRuns: ReadonlyMap<
    string,
    { status?: string | undefined; passedTag?: string | undefined } | { error: string }
  >;
  /** Firing alerts; null when the workspace has no alert source, or an error message. */
  alerts: { labels: Record<string, string> }[] | null | { error: string };
  /** Current distinct approvals. */
  approvals: number;
}

const round = (n: number) => Number(n.toPrecision(6));

function metricGate(rule: Extract<GateRule, { kind: 'metric' }>, f: GateFigures): GateResult {
  const name = gateName(rule);
  const expression = parseGateExpression(rule.expression);
  const usesChampion = metricsOf(expression).some((m) => m.subject === 'champion');
  if (usesChampion && !f.champion) {
    return {
      name,
      kind: 'metric',
      status: 'not_evaluated',
      explanation: 'No version holds the champion alias yet, so there is nothing to compare with.',
    };
  }
  const outcome = evaluateGateExpression(expression, (subject, key) =>
    subject === 'champion' ? f.champion?.metrics.get(key) : f.candidateMetrics.get(key),
  );
  if (outcome.kind === 'missing') {
    const which = outcome.missing
      .map((m) => (m.subject === 'champion' ? `champion v${f.champion?.version} ${m.key}` : m.key))
      .join(', ');
    // A required metric that was never logged blocks: it is not a pass.
    return {
      name,
      kind: 'metric',
      status: 'failed',
      explanation: `Metric not logged: ${which}.`,
    };
  }
  const actual = round(outcome.actual);
  const threshold = round(outcome.threshold);
  return {
    name,
    kind: 'metric',
    status: outcome.passed ? 'passed' : 'failed',
    actual,
    threshold,
    explanation: `${actual} ${outcome.passed ? 'meets' : 'misses'} ${expression.comparator} ${threshold}${
      usesChampion ? ` (champion v${f.champion?.version})` : ''
    }.`,
  };
}

function validationGate(
  rule: Extract<GateRule, { kind: 'validationRun' }>,
  f: GateFigures,
): GateResult {
  const name = gateName(rule);
  const runId = f.tags[rule.tag];
  if (!runId) {
    return {
      name,
      kind: 'validationRun',
      status: 'failed',
      explanation: `No validation run is linked (version tag "${rule.tag}").`,
    };
  }
  const run = f.validationRuns.get(runId);
  if (!run || 'error' in run) {
    return {
      name,
      kind: 'validationRun',
      status: 'not_evaluated',
      explanation: `Validation run ${runId} could not be read: ${run && 'error' in run ? run.error : 'unknown'}.`,
    };
  }
  const status = run.status ?? 'UNKNOWN';
  const verdict = run.passedTag?.toLowerCase();
  const passed = status === 'FINISHED' && verdict !== 'failed' && verdict !== 'false';
  return {
    name,
    kind: 'validationRun',
    status: passed ? 'passed' : 'failed',
    actual: verdict ? `${status}, ${verdict}` : status,
    threshold: 'FINISHED',
    explanation: passed
      ? `Validation run ${runId} finished.`
      : `Validation run ${runId} is ${status}${verdict ? ` and says "${verdict}"` : ''}.`,
  };
}

function driftGate(rule: Extract<GateRule, { kind: 'noDriftAlarm' }>, f: GateFigures): GateResult {
  const name = gateName(rule);
  if (f.alerts === null) {
    return {
      name,
      kind: 'noDriftAlarm',
      status: 'not_evaluated',
      explanation:
        'Not evaluated: no alert source (this workspace has no Alertmanager connection).',
    };
  }
  if ('error' in f.alerts) {
    return {
      name,
      kind: 'noDriftAlarm',
      status: 'not_evaluated',
      explanation: `Not evaluated: Alertmanager could not be read (${f.alerts.error}).`,
    };
  }
  const isDrift = (alertname = '') =>
    rule.alertNames ? rule.alertNames.includes(alertname) : /drift/i.test(alertname);
  const firing = f.alerts.filter(
    (a) => a.labels[rule.label] === f.model && isDrift(a.labels.alertname),
  );
  const names = [...new Set(firing.map((a) => a.labels.alertname ?? 'unnamed'))];
  return {
    name,
    kind: 'noDriftAlarm',
    status: firing.length === 0 ? 'passed' : 'failed',
    actual: firing.length,
    threshold: 0,
    explanation:
      firing.length === 0
        ? `No drift alert firing with ${rule.label}="${f.model}".`
        : `Firing: ${names.join(', ')}.`,
  };
}

export function evaluatePolicy(
  policy: ModelPolicy,
  f: GateFigures,
  evaluatedAt: string,
): GateReport {
  const gates: GateResult[] = policy.gates.map((rule) => {
    if (rule.kind === 'metric') return metricGate(rule, f);
    if (rule.kind === 'validationRun') return validationGate(rule, f);
    return driftGate(rule, f);
  });
  const required = policy.approvals.required;
  if (required > 0) {
    gates.push({
      name: `${required} approval${required === 1 ? '' : 's'}`,
      kind: 'approvals',
      status: f.approvals >= required ? 'passed' : 'failed',
      actual: f.approvals,
      threshold: required,
      explanation: `${f.approvals} of ${required} required approval${required === 1 ? '' : 's'} recorded in the registry.`,
    });
  }
  const blocking = gates.filter((g) => g.status !== 'passed').map((g) => g.name);
  return {
    model: f.model,
    version: f.version,
    evaluatedAt,
    champion: f.champion ? { alias: f.champion.alias, version: f.champion.version } : null,
    policy: policy.source,
    gates,
    passed: blocking.length === 0,
    blocking,
  };
}
