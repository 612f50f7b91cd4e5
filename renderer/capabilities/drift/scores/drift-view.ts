// Pure helpers of the drift scores tab: how a score, its method and its alarm read.
import type { DriftAlarm, FeatureDrift } from '../../../../shared/contract/drift-scores';
import type { Tone } from '../../../components/StatusBadge';

export const alarmText: Record<DriftAlarm, string> = {
  ok: 'no drift',
  'over-threshold': 'drift: over threshold',
  'alert-firing': 'drift alert firing',
};

export const alarmTone: Record<DriftAlarm, Tone> = {
  ok: 'ok',
  'over-threshold': 'danger',
  'alert-firing': 'danger',
};

export const methodNames: Record<string, string> = {
  ks: 'K-S p-value',
  wasserstein: 'Wasserstein (normed)',
  jensenshannon: 'Jensen-Shannon distance',
  chisquare: 'chi-square p-value',
  z: 'Z-test p-value',
  psi: 'PSI',
};

export function methodName(method: string): string {
  return methodNames[method.toLowerCase()] ?? method;
}

export function formatScore(value: number | null): string {
  if (value === null) return '—';
  if (value !== 0 && Math.abs(value) < 0.001) return value.toExponential(2);
  return Number(value.toPrecision(3)).toString();
}

/** "threshold 0.1 (drift at or above)" / "threshold 0.05 (drift below)". */
export function thresholdText(f: Pick<FeatureDrift, 'threshold' | 'direction'>): string {
  if (f.threshold === null) return 'no threshold';
  return `threshold ${formatScore(f.threshold)} (drift ${f.direction === 'p-value' ? 'below' : 'at or above'})`;
}

export const featureId = (f: Pick<FeatureDrift, 'model' | 'feature'>) => `${f.model}/${f.feature}`;
