// The drift signals: what a drift job exports, under the names the console assumes unless the
// workspace file says otherwise (`overrides.signals`). A score series carries `model`, `feature`
// and `method` labels; a threshold series `model` and `feature` (and optionally `method`).
export const driftSignals = {
  'drift.score': {
    label: 'Drift score per feature',
    query: 'model_feature_drift_score',
  },
  'drift.threshold': {
    label: 'Drift threshold per feature',
    query: 'model_feature_drift_threshold',
  },
} as const;

export type DriftSignal = keyof typeof driftSignals;

export function driftQuery(signal: DriftSignal, overrides: Record<string, string>): string {
  return overrides[signal] ?? driftSignals[signal].query;
}

/** Statistical tests answer a p-value (drift when under the threshold); the rest a distance. */
const pValueMethods = new Set([
  'ks',
  'chisquare',
  'z',
  'fisher_exact',
  'g_test',
  't_test',
  'anderson',
  'cramer_von_mises',
  'mannw',
  'epps_singleton',
  'empirical_mmd',
]);

export function directionOf(method: string): 'p-value' | 'distance' {
  return pValueMethods.has(method.toLowerCase()) ? 'p-value' : 'distance';
}

export function isOverThreshold(method: string, score: number, threshold: number): boolean {
  return directionOf(method) === 'p-value' ? score < threshold : score >= threshold;
}

/** A score as read in a sentence: three significant digits. */
export function formatDriftScore(value: number | null): string {
  if (value === null) return '—';
  return Number(value.toPrecision(3)).toString();
}
