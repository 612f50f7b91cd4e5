// Drift scores for the demo, as a drift job would export them every minute: per model and
// feature a `model_feature_drift_score{model, feature, method}` and its
// `model_feature_drift_threshold`. Deterministic: a function of time around the simulator's
// start. fraud-detector's transaction_amount climbs past its threshold over the 150 minutes
// before the start (the demo's FeatureDriftDetected alert); everything else stays calm.
import type { Labels, Sample, Series, SeriesStore } from './promql/store';
import { seriesMatches } from './promql/store';

const everyMs = 60_000;
/** How far back the demo's drift job has been exporting. */
const historyMs = 30 * 86_400_000;

interface DemoFeature {
  model: string;
  feature: string;
  method: string;
  threshold: number;
  /** The score `minutesBeforeStart` minutes before the simulator started (negative: after). */
  score(minutesBeforeStart: number, t: number): number;
}

/** A small, repeatable wobble in [-1, 1] for a time and a seed. */
function wobble(t: number, seed: number): number {
  const minute = Math.floor(t / everyMs);
  return Math.sin(minute * 0.37 + seed) * 0.6 + Math.sin(minute * 0.011 + seed * 3) * 0.4;
}

export const demoDriftFeatures: DemoFeature[] = [
  {
    model: 'fraud-detector',
    feature: 'transaction_amount',
    method: 'wasserstein',
    threshold: 0.1,
    score: (before, t) => {
      const ramp = Math.min(1, Math.max(0, (150 - before) / 150));
      return 0.04 + ramp * 0.19 + wobble(t, 1) * 0.004;
    },
  },
  {
    model: 'fraud-detector',
    feature: 'merchant_category',
    method: 'jensenshannon',
    threshold: 0.1,
    score: (_b, t) => 0.03 + wobble(t, 2) * 0.01,
  },
  {
    model: 'fraud-detector',
    feature: 'customer_age',
    method: 'wasserstein',
    threshold: 0.1,
    score: (_b, t) => 0.021 + wobble(t, 3) * 0.005,
  },
  {
    model: 'churn-model',
    feature: 'tenure_months',
    method: 'ks',
    threshold: 0.05,
    score: (_b, t) => 0.42 + wobble(t, 4) * 0.2,
  },
  {
    model: 'churn-model',
    feature: 'plan_type',
    method: 'chisquare',
    threshold: 0.05,
    score: (_b, t) => 0.61 + wobble(t, 5) * 0.2,
  },
];

class GeneratedSeries implements Series {
  constructor(
    readonly labels: Labels,
    private readonly value: (t: number) => number,
    private readonly startMs: number,
    private readonly now: () => number,
  ) {}

  samples(minMs: number, maxMs: number): Sample[] {
    const from = Math.max(minMs, this.startMs - historyMs);
    const to = Math.min(maxMs, this.now());
    const out: Sample[] = [];
    for (let t = Math.ceil(from / everyMs) * everyMs; t <= to; t += everyMs) {
      out.push({ t, v: this.value(t) });
    }
    return out;
  }

  latest(minMs: number, maxMs: number): Sample | undefined {
    const t = Math.floor(Math.min(maxMs, this.now()) / everyMs) * everyMs;
    return t >= minMs && t >= this.startMs - historyMs ? { t, v: this.value(t) } : undefined;
  }
}

export function driftScoreStore(startMs: number, now: () => number): SeriesStore {
  const series: Series[] = demoDriftFeatures.flatMap((f) => {
    const ids = { model: f.model, feature: f.feature, method: f.method };
    const round = (v: number) => Math.round(v * 10_000) / 10_000;
    return [
      new GeneratedSeries(
        { __name__: 'model_feature_drift_score', ...ids, job: 'drift-monitor' },
        (t) => round(f.score((startMs - t) / 60_000, t)),
        startMs,
        now,
      ),
      new GeneratedSeries(
        { __name__: 'model_feature_drift_threshold', ...ids, job: 'drift-monitor' },
        () => f.threshold,
        startMs,
        now,
      ),
    ];
  });
  return {
    select: (matchers) => series.filter((s) => seriesMatches(s.labels, matchers)),
    all: () => series,
  };
}

/** Two stores answering as one. */
export function joinStores(...stores: SeriesStore[]): SeriesStore {
  return {
    select: (matchers) => stores.flatMap((s) => s.select(matchers)),
    all: () => stores.flatMap((s) => s.all()),
  };
}
