// Arithmetic and comparison operators between scalars and instant vectors, with one-to-one
// vector matching (on / ignoring) and the errors Prometheus raises for ambiguous matches.
import { PromqlError } from './errors';
import type { BinaryOp, Expr } from './parser';
import { formatLabels, labelsKey, type Labels } from './store';
import { dropName, unique, vectorOf, type Value, type VectorSample } from './values';

const arithmetic = new Set(['+', '-', '*', '/', '%', '^']);

/** The value of `lhs op rhs`, and whether a comparison keeps the sample. */
function apply(op: BinaryOp, lhs: number, rhs: number): [number, boolean] {
  switch (op) {
    case '+':
      return [lhs + rhs, true];
    case '-':
      return [lhs - rhs, true];
    case '*':
      return [lhs * rhs, true];
    case '/':
      return [lhs / rhs, true];
    case '%':
      return [lhs % rhs, true];
    case '^':
      return [Math.pow(lhs, rhs), true];
    case '==':
      return [lhs, lhs === rhs];
    case '!=':
      return [lhs, lhs !== rhs];
    case '>':
      return [lhs, lhs > rhs];
    case '<':
      return [lhs, lhs < rhs];
    case '>=':
      return [lhs, lhs >= rhs];
    case '<=':
      return [lhs, lhs <= rhs];
  }
}

export function binary(expr: Extract<Expr, { kind: 'binary' }>, lhs: Value, rhs: Value): Value {
  const { op, bool } = expr;
  if (lhs.type === 'scalar' && rhs.type === 'scalar') {
    const [value, keep] = apply(op, lhs.v, rhs.v);
    return { type: 'scalar', v: arithmetic.has(op) ? value : keep ? 1 : 0 };
  }
  if (lhs.type === 'vector' && rhs.type === 'vector')
    return { type: 'vector', samples: vectorBinary(expr, lhs.samples, rhs.samples) };
  const vectorOnLeft = lhs.type === 'vector';
  const vector = vectorOf(vectorOnLeft ? lhs : rhs);
  const scalar = (vectorOnLeft ? rhs : lhs) as { type: 'scalar'; v: number };
  const out: VectorSample[] = [];
  for (const sample of vector) {
    let [value, keep] = vectorOnLeft
      ? apply(op, sample.v, scalar.v)
      : apply(op, scalar.v, sample.v);
    // A comparison keeps the vector's own value, whichever side it is on.
    if (!arithmetic.has(op) && !vectorOnLeft) value = sample.v;
    if (bool) {
      value = keep ? 1 : 0;
      keep = true;
    }
    if (!keep) continue;
    out.push({
      metric: arithmetic.has(op) || bool ? dropName(sample.metric) : sample.metric,
      v: value,
    });
  }
  return { type: 'vector', samples: unique(out) };
}

/** One-to-one vector matching on all labels but the name, or on()/ignoring() a list of them. */
function vectorBinary(
  expr: Extract<Expr, { kind: 'binary' }>,
  lhs: VectorSample[],
  rhs: VectorSample[],
): VectorSample[] {
  const { op, bool, matching } = expr;
  const signature = (labels: Labels): Labels => {
    const out: Labels = {};
    for (const [k, v] of Object.entries(labels)) {
      const listed = matching?.labels.includes(k) ?? false;
      if (matching?.on ? listed : k !== '__name__' && !listed) out[k] = v;
    }
    return out;
  };
  const right = new Map<string, VectorSample>();
  for (const sample of rhs) {
    const group = signature(sample.metric);
    const key = labelsKey(group);
    const duplicate = right.get(key);
    if (duplicate) {
      throw new PromqlError(
        'execution',
        `found duplicate series for the match group ${formatLabels(group)} on the right hand-side of the operation: [${formatLabels(sample.metric)}, ${formatLabels(duplicate.metric)}];many-to-many matching not allowed: matching labels must be unique on one side`,
      );
    }
    right.set(key, sample);
  }
  const matched = new Set<string>();
  const out: VectorSample[] = [];
  for (const sample of lhs) {
    const key = labelsKey(signature(sample.metric));
    const other = right.get(key);
    if (!other) continue;
    const [computed, keep] = apply(op, sample.v, other.v);
    if (!bool && !keep) continue;
    const value = bool ? (keep ? 1 : 0) : computed;
    if (matched.has(key))
      throw new PromqlError(
        'execution',
        'multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)',
      );
    matched.add(key);
    let metric = arithmetic.has(op) || bool ? dropName(sample.metric) : { ...sample.metric };
    if (matching) {
      const kept: Labels = {};
      for (const [k, v] of Object.entries(metric))
        if (matching.on === matching.labels.includes(k)) kept[k] = v;
      metric = kept;
    }
    out.push({ metric, v: value });
  }
  return unique(out);
}
