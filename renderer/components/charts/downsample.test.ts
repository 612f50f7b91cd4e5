import { describe, expect, it } from 'vitest';
import { downsampleToWidth, type ChartPoint } from './downsample';

const wave = (n: number): ChartPoint[] =>
  Array.from({ length: n }, (_, i) => [i * 1000, Math.sin(i / 50) * 100] as const);

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
});
