// Functions over a range selector's window, as Prometheus 2.42 computes them: the same
// compensated sums and incremental mean, the same extrapolation in rate and increase.
import type { RangeFunction } from './parser';
import type { Sample } from './store';

/** Neumaier-compensated summation step, as Prometheus' kahanSumInc. */
function kahanInc(inc: number, sum: number, c: number): [number, number] {
  const t = sum + inc;
  if (Math.abs(sum) >= Math.abs(inc)) c += sum - t + inc;
  else c += inc - t + sum;
  return [t, c];
}

export function rangeFunction(
  func: RangeFunction,
  points: Sample[],
  rangeStart: number,
  rangeEnd: number,
  rangeMs: number,
): number | undefined {
  switch (func) {
    case 'count_over_time':
      return points.length;
    case 'sum_over_time': {
      let sum = 0;
      let c = 0;
      for (const p of points) [sum, c] = kahanInc(p.v, sum, c);
      return Number.isFinite(sum) ? sum + c : sum;
    }
    case 'avg_over_time': {
      let mean = 0;
      let c = 0;
      let count = 0;
      for (const p of points) {
        count++;
        if (!Number.isFinite(mean) && !Number.isNaN(mean)) {
          if (!Number.isFinite(p.v) && !Number.isNaN(p.v) && mean > 0 === p.v > 0) continue;
          if (Number.isFinite(p.v)) continue;
        }
        [mean, c] = kahanInc(p.v / count - mean / count, mean, c);
      }
      return !Number.isFinite(mean) && !Number.isNaN(mean) ? mean : mean + c;
    }
    case 'max_over_time':
    case 'min_over_time': {
      let best = (points[0] as Sample).v;
      for (const p of points) {
        const better = func === 'max_over_time' ? p.v > best : p.v < best;
        if (better || Number.isNaN(best)) best = p.v;
      }
      return best;
    }
    case 'rate':
    case 'increase':
      return extrapolatedRate(points, rangeStart, rangeEnd, rangeMs, func === 'rate');
  }
}

/** Prometheus 2.42's extrapolatedRate (the 2.40+ form) for counters: resets, zero-point and boundary extrapolation. */
function extrapolatedRate(
  points: Sample[],
  rangeStart: number,
  rangeEnd: number,
  rangeMs: number,
  isRate: boolean,
): number | undefined {
  if (points.length < 2) return undefined;
  const first = points[0] as Sample;
  const last = points[points.length - 1] as Sample;
  let result = last.v - first.v;
  let previous = 0;
  for (const p of points) {
    if (p.v < previous) result += previous;
    previous = p.v;
  }
  let durationToStart = (first.t - rangeStart) / 1000;
  const durationToEnd = (rangeEnd - last.t) / 1000;
  const sampledInterval = (last.t - first.t) / 1000;
  const averageInterval = sampledInterval / (points.length - 1);
  if (result > 0 && first.v >= 0) {
    const durationToZero = sampledInterval * (first.v / result);
    if (durationToZero < durationToStart) durationToStart = durationToZero;
  }
  const threshold = averageInterval * 1.1;
  let extrapolateTo = sampledInterval;
  extrapolateTo += durationToStart < threshold ? durationToStart : averageInterval / 2;
  extrapolateTo += durationToEnd < threshold ? durationToEnd : averageInterval / 2;
  // One factor, applied once: the order of operations decides the last digit.
  let factor = extrapolateTo / sampledInterval;
  if (isRate) factor /= rangeMs / 1000;
  return result * factor;
}
