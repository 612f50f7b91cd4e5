// The chart's axes, decided here rather than by recharts: recharts derives a number-typed time
// axis's ticks from every data point (tens of thousands of candidate ticks, each measured as text),
// and an 'auto' value axis from every point of every Line. The chart draws its own lines, so it
// hands recharts round UTC ticks and a nice value domain instead.
import { scaleLinear, scaleUtc } from 'd3-scale';
import type { ChartPoint } from './downsample';

/**
 * Round UTC instants (hours, days, ...) across the range, about one per 110 px, leaving out one
 * so close to the right edge that its label would be cut off.
 */
export function timeTicks([from, to]: readonly [number, number], plotWidth: number): number[] {
  const count = Math.max(2, Math.floor(plotWidth / 110));
  const last = to - ((to - from) * 24) / Math.max(1, plotWidth);
  return scaleUtc()
    .domain([from, to])
    .ticks(count)
    .map((d) => d.getTime())
    .filter((t) => t <= last);
}

/**
 * The value axis: the fixed domain if given, else the data's extent rounded outwards, with round
 * ticks (0, 0.05, 0.1, ... rather than fifths of the domain).
 */
export function valueAxis(
  lines: readonly { data: readonly ChartPoint[] }[],
  fixed?: [number, number],
): { domain: [number, number]; ticks: number[] } {
  if (fixed) {
    const scale = scaleLinear().domain(fixed);
    return { domain: fixed, ticks: scale.ticks(5) };
  }
  let min = Infinity;
  let max = -Infinity;
  // Indexed loops: this runs once per chart, before the JIT has warmed up to destructuring.
  for (const line of lines) {
    const data = line.data;
    for (let i = 0; i < data.length; i++) {
      const v = data[i]![1];
      if (v === null || !Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (min > max) [min, max] = [0, 1];
  // A flat line sits in the middle of the chart rather than on its edge.
  if (min === max)
    [min, max] = min === 0 ? [0, 1] : [min - Math.abs(min) / 2, max + Math.abs(max) / 2];
  const scale = scaleLinear().domain([min, max]).nice(5);
  const [lo, hi] = scale.domain() as [number, number];
  return { domain: [lo, hi], ticks: scale.ticks(5) };
}
