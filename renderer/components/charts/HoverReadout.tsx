// The values under the pointer: for each drawn series, its sample nearest to the hovered time
// (from the downsampled points the line is drawn with, so the number matches the line).
import type { ChartPoint } from './downsample';
import type { DrawnSeries } from './SeriesCanvas';
import { formatInstant } from './time-range';

/** The point of `data` (sorted by time) nearest to `at`, or undefined when empty. */
export function nearest(data: readonly ChartPoint[], at: number): ChartPoint | undefined {
  let lo = 0;
  let hi = data.length - 1;
  if (hi < 0) return undefined;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (data[mid]![0] < at) lo = mid + 1;
    else hi = mid;
  }
  const before = data[lo - 1];
  return before && at - before[0] < data[lo]![0] - at ? before : data[lo];
}

export function HoverReadout({
  at,
  x,
  width,
  lines,
  format,
}: {
  at: number;
  x: number;
  width: number;
  lines: readonly DrawnSeries[];
  format: (v: number) => string;
}) {
  // The box sits beside the cursor, on the side with more room.
  const side = x > width / 2 ? { right: width - x + 8 } : { left: x + 8 };
  return (
    <div className="ts-chart-readout" style={side} role="status" data-testid="chart-readout">
      <div className="ts-chart-readout-time">{formatInstant(at)}</div>
      {lines.map((s) => {
        const p = nearest(s.data, at);
        const v = p?.[1];
        return (
          <div key={s.id}>
            <span className="swatch" style={{ background: s.color }} /> {s.label}:{' '}
            <strong>
              {v === null || v === undefined || !Number.isFinite(v) ? '–' : format(v)}
            </strong>
          </div>
        );
      })}
    </div>
  );
}
