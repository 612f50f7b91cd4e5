// LTTB downsampling to the chart's pixel width: no line can show more than one point per pixel,
// so anything beyond that only costs paint time. Gaps (NaN, missing samples) are kept as gaps.
import { createLTTB } from 'downsample';

/** [epoch ms, value]; `null` is a gap that the line must not bridge. */
export type ChartPoint = readonly [number, number | null];

const lttb = createLTTB<ChartPoint>({
  x: (p: ChartPoint) => p[0],
  y: (p: ChartPoint) => p[1] ?? 0,
});

/**
 * Downsamples each run of finite values separately (LTTB needs numbers), then puts the gaps back
 * between the runs so the line breaks where the data does.
 */
export function downsampleToWidth(points: readonly ChartPoint[], width: number): ChartPoint[] {
  const target = Math.max(3, Math.floor(width));
  if (points.length <= target) return points.slice();
  const runs: ChartPoint[][] = [];
  let run: ChartPoint[] = [];
  for (const p of points) {
    if (p[1] === null || !Number.isFinite(p[1])) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(p);
  }
  if (run.length) runs.push(run);
  const finite = runs.reduce((n, r) => n + r.length, 0);
  const out: ChartPoint[] = [];
  for (const r of runs) {
    // Each run gets a share of the pixel budget proportional to its length.
    const share = Math.max(3, Math.round((target * r.length) / Math.max(1, finite)));
    const kept = r.length <= share ? r : (lttb(r, share) as ChartPoint[]);
    if (out.length) out.push([kept[0]![0] - 1, null]);
    out.push(...kept);
  }
  return out;
}
