// Two-proportion z-test as Evidently's "z" test for binary columns: the smallest value (Python
// `sorted` order) is coded 0 and every other value 1, then the pooled two-proportion z statistic
// and the two-sided p = 2·(1 - Φ(|z|)), written exactly that way so it rounds as Evidently's.
// Both samples holding one and the same value give p = 1 by definition (z would be 0/0).
// Drift when p < threshold (strictly; default 0.05).

import type { CleanValue } from './column-values';
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

function distinct(values: ArrayLike<CleanValue>): Set<CleanValue> {
  const set = new Set<CleanValue>();
  for (let i = 0; i < values.length; i++) set.add(values[i]!);
  return set;
}

export function zTestDrift(
  reference: ArrayLike<CleanValue>,
  current: ArrayLike<CleanValue>,
): ZTestResult {
  const refSet = distinct(reference);
  const curSet = distinct(current);
  if (refSet.size === 1 && curSet.size === 1) {
    const [r] = refSet;
    const [c] = curSet;
    if (sameKey(r!, c!)) return { statistic: 0, pValue: 1 };
  }
  const first = pythonSortedFirst([...new Set([...refSet, ...curSet])]);
  const ones = (values: ArrayLike<CleanValue>): number => {
    let count = 0;
    for (let i = 0; i < values.length; i++) if (!sameKey(values[i]!, first)) count++;
    return count;
  };
  const n1 = reference.length;
  const n2 = current.length;
  const p1 = ones(reference) / n1;
  const p2 = ones(current) / n2;
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const statistic = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
  return { statistic, pValue: 2 * (1 - normalCdf(Math.abs(statistic))) };
}
