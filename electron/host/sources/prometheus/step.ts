// The step of a range query, chosen as Grafana chooses it (pkg/promlib, intervalv2, gtime): the
// panel's pixel width as max data points, the scrape interval as the floor, "nice" rounding, a
// safety step that keeps every query under Prometheus' 11,000 points per series, and start/end
// aligned down to the step so caches stay warm and lines do not shift on refresh.

const ms = 1;
const s = 1000 * ms;
const min = 60 * s;
const h = 60 * min;
const d = 24 * h;
const w = 7 * d;
const y = 365 * d;

/** Grafana's RoundInterval: the first bound an interval does not exceed decides its nice value. */
const table: [bound: number, result: number][] = [
  [10 * ms, 1 * ms],
  [15 * ms, 10 * ms],
  [35 * ms, 20 * ms],
  [75 * ms, 50 * ms],
  [150 * ms, 100 * ms],
  [350 * ms, 200 * ms],
  [750 * ms, 500 * ms],
  [1.5 * s, 1 * s],
  [3.5 * s, 2 * s],
  [7.5 * s, 5 * s],
  [12.5 * s, 10 * s],
  [17.5 * s, 15 * s],
  [25 * s, 20 * s],
  [45 * s, 30 * s],
  [1.5 * min, 1 * min],
  [3.5 * min, 2 * min],
  [7.5 * min, 5 * min],
  [12.5 * min, 10 * min],
  [17.5 * min, 15 * min],
  [25 * min, 20 * min],
  [45 * min, 30 * min],
  [1.5 * h, 1 * h],
  [2.5 * h, 2 * h],
  [4.5 * h, 3 * h],
  [9 * h, 6 * h],
  [24 * h, 12 * h],
  [48 * h, 24 * h],
  [w, 24 * h],
  [3 * w, w],
  [2 * y, 30 * d],
];

/** Interval in ms → Grafana's nice interval in ms. */
export function roundInterval(intervalMs: number): number {
  for (const [bound, result] of table) if (intervalMs <= bound) return result;
  return y;
}

export const maxPointsPerSeries = 11_000;
export const defaultMinIntervalMs = 15 * s;
export const defaultMaxDataPoints = 1500;

export interface StepInput {
  /** Epoch ms. */
  from: number;
  to: number;
  /** The chart's width in pixels; Grafana's default when absent. */
  maxDataPoints?: number;
  /** The scrape interval (the data is no finer); 15 s when absent. */
  minIntervalMs?: number;
}

export interface FittedRange {
  /** Epoch ms, aligned down to the step. */
  start: number;
  end: number;
  stepMs: number;
}

export function chooseStep(input: StepInput): number {
  const span = Math.max(0, input.to - input.from);
  const minInterval = input.minIntervalMs ?? defaultMinIntervalMs;
  const resolution =
    input.maxDataPoints && input.maxDataPoints > 0 ? input.maxDataPoints : defaultMaxDataPoints;
  let calculated = Math.floor(span / resolution);
  // Under the floor Grafana takes the floor as is: it is not rounded.
  calculated = calculated < minInterval ? minInterval : roundInterval(calculated);
  const safe = roundInterval(Math.floor(span / maxPointsPerSeries));
  return Math.max(calculated, safe, 1);
}

/** Step and aligned window (Grafana's AlignTimeRange, UTC): both ends rounded down to the step. */
export function fitRange(input: StepInput): FittedRange {
  const stepMs = chooseStep(input);
  let start = Math.floor(input.from / stepMs) * stepMs;
  const end = Math.floor(input.to / stepMs) * stepMs;
  // Rounding can push one more point in; Prometheus refuses (end - start) / step > 11,000.
  while ((end - start) / stepMs > maxPointsPerSeries) start += stepMs;
  return { start, end, stepMs };
}
