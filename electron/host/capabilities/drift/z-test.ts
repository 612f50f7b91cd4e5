// Two-proportion z-test as Evidently's "z" test for binary columns: the smallest value (Python
// `sorted` order) is coded 0 and every other value 1, then the pooled two-proportion z statistic
// and the two-sided p = 2·(1 - Φ(|z|)), written exactly that way so it rounds as Evidently's.
// Both samples holding one and the same value give p = 1 by definition (z would be 0/0).
// Drift when p < threshold (strictly; default 0.05).

import { type CleanValue, type Sample, valueCounts } from './column-values';
import { normalCdf } from './normal-cdf';

export interface ZTestResult {
  statistic: number;
  pValue: number;
}

/** Python's sorted() order for one type; mixed numbers and text cannot be ordered there either. */
function pythonSortedFirst(keys: CleanValue[]): CleanValue {
  const types = new Set(keys.map((k) => (typeof k === 'boolean' ? 'number' : typeof k)));
  if (types.size > 1) {
    throw new TypeError(
      'z-test cannot order a column mixing numbers and text (Python cannot either)',
    );
  }
  const numeric = (k: CleanValue): number => (typeof k === 'boolean' ? Number(k) : (k as number));
  let first = keys[0]!;
  for (const k of keys) {
    if (typeof k === 'string' ? k < (first as string) : numeric(k) < numeric(first)) first = k;
  }
  return first;
}

function sameKey(a: CleanValue, b: CleanValue): boolean {
  // pandas compares True == 1 and 1 == 1.0; strings only equal strings.
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return Number(a) === Number(b);
}

export function zTestDrift(reference: Sample, current: Sample): ZTestResult {
  const refCounts = valueCounts(reference);
  const curCounts = valueCounts(current);
  if (refCounts.size === 1 && curCounts.size === 1) {
    const [r] = refCounts.keys();
    const [c] = curCounts.keys();
    if (sameKey(r!, c!)) return { statistic: 0, pValue: 1 };
  }
  const first = pythonSortedFirst([...new Set([...refCounts.keys(), ...curCounts.keys()])]);
  const ones = (counts: ReadonlyMap<CleanValue, number>): number => {
    let count = 0;
    for (const [value, n] of counts) if (!sameKey(value, first)) count += n;
    return count;
  };
  const n1 = reference.length;
  const n2 = current.length;
  const p1 = ones(refCounts) / n1;
  const p2 = ones(curCounts) / n2;
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const statistic = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
  return { statistic, pValue: 2 * (1 - normalCdf(Math.abs(statistic))) };
}
