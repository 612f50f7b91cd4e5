// Distribution overlays for the report: reference and current shares per bin, computed where the
// data is (the worker) and sent as bins, never as rows. Numerical columns get equal-width bins
// over both samples' range (Sturges' count, at most 30); categorical columns their most common
// values, the rest gathered as "other".

import type { Histogram } from '../../../../../shared/contract/drift';

const maxNumericBins = 30;
const maxCategories = 12;

export function numericHistogram(reference: Float64Array, current: Float64Array): Histogram {
  let lo = Infinity;
  let hi = -Infinity;
  for (const sample of [reference, current]) {
    for (let i = 0; i < sample.length; i++) {
      const v = sample[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const n = reference.length + current.length;
  const bins = Math.min(maxNumericBins, Math.max(1, Math.ceil(Math.log2(n) + 1)));
  const width = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width));
  const shares = (sample: Float64Array) => {
    const counts = new Array<number>(bins).fill(0);
    for (let i = 0; i < sample.length; i++) {
      counts[Math.min(bins - 1, Math.floor((sample[i]! - lo) / width))]!++;
    }
    return counts.map((c) => c / Math.max(1, sample.length));
  };
  return {
    kind: 'numerical',
    bins: edges
      .slice(0, -1)
      .map((e, i) => `[${short(e)}, ${short(edges[i + 1]!)}${i === bins - 1 ? ']' : ')'}`),
    edges,
    reference: shares(reference),
    current: shares(current),
  };
}

export function categoricalHistogram(
  reference: readonly string[],
  current: readonly string[],
): Histogram {
  const count = (sample: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const v of sample) counts.set(v, (counts.get(v) ?? 0) + 1);
    return counts;
  };
  const ref = count(reference);
  const cur = count(current);
  const share = (counts: Map<string, number>, key: string, size: number) =>
    (counts.get(key) ?? 0) / Math.max(1, size);
  const keys = [...new Set([...ref.keys(), ...cur.keys()])];
  const weight = (k: string) => share(ref, k, reference.length) + share(cur, k, current.length);
  keys.sort((a, b) => weight(b) - weight(a) || a.localeCompare(b));
  const top = keys.slice(0, maxCategories);
  const rest = keys.length > maxCategories;
  const shares = (counts: Map<string, number>, size: number) => {
    const out = top.map((k) => share(counts, k, size));
    if (rest) out.push(Math.max(0, 1 - out.reduce((a, b) => a + b, 0)));
    return out;
  };
  return {
    kind: 'categorical',
    bins: rest ? [...top, `other (${keys.length - maxCategories})`] : top,
    reference: shares(ref, reference.length),
    current: shares(cur, current.length),
  };
}

function short(value: number): string {
  return Number(value.toPrecision(4)).toString();
}
