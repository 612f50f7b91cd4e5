// Evaluating a parsed gate expression against the candidate's and the champion's metrics. A
// metric that is missing never passes: the result says which one is missing instead.
import type { Comparator, GateExpression, Subject, Term } from './parse';

export type MetricLookup = (subject: Subject, key: string) => number | undefined;

export type GateOutcome =
  | { kind: 'compared'; passed: boolean; actual: number; threshold: number }
  | { kind: 'missing'; missing: { subject: Subject; key: string }[] };

/** The metrics an expression reads, e.g. to know whether it needs a champion. */
export function metricsOf(expression: GateExpression): { subject: Subject; key: string }[] {
  const found: { subject: Subject; key: string }[] = [];
  const walk = (t: Term): void => {
    if (t.kind === 'metric') {
      if (!found.some((f) => f.subject === t.subject && f.key === t.key)) {
        found.push({ subject: t.subject, key: t.key });
      }
    } else if (t.kind === 'negate') walk(t.operand);
    else if (t.kind === 'binary') {
      walk(t.left);
      walk(t.right);
    }
  };
  walk(expression.left);
  walk(expression.right);
  return found;
}

function value(t: Term, lookup: MetricLookup): number {
  switch (t.kind) {
    case 'number':
      return t.value;
    case 'metric':
      return lookup(t.subject, t.key) ?? Number.NaN;
    case 'negate':
      return -value(t.operand, lookup);
    case 'binary': {
      const l = value(t.left, lookup);
      const r = value(t.right, lookup);
      if (t.op === '+') return l + r;
      if (t.op === '-') return l - r;
      if (t.op === '*') return l * r;
      return l / r;
    }
  }
}

// Metrics are floats logged by training code: equality allows for rounding in the last digits.
const closeEnough = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

function compare(a: number, comparator: Comparator, b: number): boolean {
  switch (comparator) {
    case '>=':
      return a > b || closeEnough(a, b);
    case '<=':
      return a < b || closeEnough(a, b);
    case '>':
      return a > b && !closeEnough(a, b);
    case '<':
      return a < b && !closeEnough(a, b);
    case '==':
      return closeEnough(a, b);
    case '!=':
      return !closeEnough(a, b);
  }
}

export function evaluateGateExpression(
  expression: GateExpression,
  lookup: MetricLookup,
): GateOutcome {
  const missing = metricsOf(expression).filter((m) => lookup(m.subject, m.key) === undefined);
  if (missing.length > 0) return { kind: 'missing', missing };
  const actual = value(expression.left, lookup);
  const threshold = value(expression.right, lookup);
  // NaN (0/0) fails rather than passing by accident.
  const passed =
    Number.isFinite(actual) &&
    Number.isFinite(threshold) &&
    compare(actual, expression.comparator, threshold);
  return { kind: 'compared', passed, actual, threshold };
}
