// Where the evaluator reads samples from: any set of series that can list their samples in a
// time window. The metrics simulator's replayed GPU fleet is one; tests use `memoryStore`.
import { matcherMatches, type LabelMatcher } from './matchers';

export type Labels = Record<string, string>;

export interface Sample {
  /** Unix milliseconds. */
  t: number;
  v: number;
}

export interface Series {
  /** Includes `__name__`. */
  labels: Labels;
  /** Samples with minMs <= t <= maxMs, oldest first. */
  samples(minMs: number, maxMs: number): Sample[];
  /** The newest sample with minMs <= t <= maxMs. */
  latest(minMs: number, maxMs: number): Sample | undefined;
}

export interface SeriesStore {
  select(matchers: LabelMatcher[]): Series[];
  /** Every series, for the labels and label values endpoints. */
  all(): Series[];
}

export function seriesMatches(labels: Labels, matchers: LabelMatcher[]): boolean {
  return matchers.every((m) => matcherMatches(m, labels[m.name] ?? ''));
}

/** A store over fixed samples (sorted by time), for tests. */
export function memoryStore(series: { labels: Labels; samples: Sample[] }[]): SeriesStore {
  const stored: Series[] = series.map(({ labels, samples }) => ({
    labels,
    samples: (minMs, maxMs) => samples.filter((s) => s.t >= minMs && s.t <= maxMs),
    latest: (minMs, maxMs) => samples.filter((s) => s.t >= minMs && s.t <= maxMs).at(-1),
  }));
  return {
    select: (matchers) => stored.filter((s) => seriesMatches(s.labels, matchers)),
    all: () => stored,
  };
}

const keys = new WeakMap<Labels, string>();

/** A stable identity for a label set, independent of key order (label sets are never mutated). */
export function labelsKey(labels: Labels): string {
  let key = keys.get(labels);
  if (key === undefined) {
    key = JSON.stringify(
      Object.keys(labels)
        .sort()
        .map((k) => [k, labels[k]]),
    );
    keys.set(labels, key);
  }
  return key;
}

/** Orders label sets the way Prometheus compares them: name by name, then value. */
export function compareLabels(a: Labels, b: Labels): number {
  const ak = Object.keys(a).sort();
  const bk = Object.keys(b).sort();
  for (let i = 0; i < Math.min(ak.length, bk.length); i++) {
    const an = ak[i] as string;
    const bn = bk[i] as string;
    if (an !== bn) return an < bn ? -1 : 1;
    const av = a[an] as string;
    const bv = b[bn] as string;
    if (av !== bv) return av < bv ? -1 : 1;
  }
  return ak.length - bk.length;
}

/** Prometheus' text form of a label set, used in its error messages: {a="1", b="2"}. */
export function formatLabels(labels: Labels): string {
  const parts = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`);
  return `{${parts.join(', ')}}`;
}
