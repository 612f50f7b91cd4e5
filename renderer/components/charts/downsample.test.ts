import { createLTTB } from 'downsample';
import { describe, expect, it } from 'vitest';
import { downsampleToWidth, type ChartPoint } from './downsample';

const wave = (n: number): ChartPoint[] =>
  Array.from({ length: n }, (_, i) => [i * 1000, Math.sin(i / 50) * 100] as const);

// The `downsample` package's LTTB, per run of finite values, is the reference the chart's own
// LTTB must equal point for point.
const reference = createLTTB<ChartPoint>({
  x: (p: ChartPoint) => p[0],
  y: (p: ChartPoint) => p[1] ?? 0,
});
function referenceDownsample(points: readonly ChartPoint[], width: number): ChartPoint[] {
  const runs: ChartPoint[][] = [[]];
  for (const p of points) {
    if (p[1] === null || !Number.isFinite(p[1])) runs.push([]);
    else runs.at(-1)!.push(p);
  }
  const filled = runs.filter((r) => r.length > 0);
  const finite = filled.reduce((n, r) => n + r.length, 0);
  const out: ChartPoint[] = [];
  for (const r of filled) {
    const share = Math.max(3, Math.round((width * r.length) / finite));
    const kept = r.length <= share ? r : (reference(r, share) as ChartPoint[]);
    if (out.length) out.push([kept[0]![0] - 1, null]);
    out.push(...kept);
  }
  return out;
}

describe('downsampleToWidth', () => {
  it('keeps short series untouched', () => {
    expect(downsampleToWidth(wave(10), 800)).toHaveLength(10);
  });

  it('reduces a long series to about the pixel width, keeping first, last and peaks', () => {
    const points = wave(100_000);
    const out = downsampleToWidth(points, 800);
    expect(out.length).toBeLessThanOrEqual(800);
    expect(out[0]).toEqual(points[0]);
    expect(out.at(-1)).toEqual(points.at(-1));
    const max = Math.max(...out.map((p) => p[1] ?? -Infinity));
    expect(max).toBeGreaterThan(99.9);
  });

  it('keeps gaps as gaps', () => {
    const points: ChartPoint[] = [
      ...wave(5000),
      [5_000_000, null],
      ...wave(5000).map(([t, v]) => [t + 6_000_000, v] as const),
    ];
    const out = downsampleToWidth(points, 400);
    expect(out.filter((p) => p[1] === null)).toHaveLength(1);
    expect(out.length).toBeLessThanOrEqual(402);
  });

  it('equals the reference LTTB point for point, gaps and NaN included', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    const cases: [number, number, (i: number, n: number) => boolean][] = [
      [40_625, 1124, () => false],
      [40_625, 1124, (i) => i % 3001 === 1500],
      [9_999, 333, (i, n) => i > n / 2 && i < n / 2 + 40],
      [9_999, 333, (i, n) => i === 0 || i === n - 1],
      [1_500, 1_000, (i) => i === 1],
      [700, 50, (i) => i % 100 === 99],
    ];
    for (const [n, width, gap] of cases) {
      const points: ChartPoint[] = Array.from({ length: n }, (_, i) => {
        const v = 50 + 40 * Math.sin(i / 97) + 10 * random();
        return [i * 15_000, gap(i, n) ? (i % 2 ? null : NaN) : v] as const;
      });
      expect(downsampleToWidth(points, width)).toEqual(referenceDownsample(points, width));
    }
  });
});
