// The state behind a time-range picker and its charts: the range, the range before a zoom (for
// "Reset zoom") and the compare switch. Relative ranges re-resolve on every refresh tick.
import { useCallback, useMemo, useState } from 'react';
import { defaultRange, resolveRange, type ResolvedRange, type TimeRange } from './time-range';

export function useTimeRange(initial: TimeRange = defaultRange, refreshMs = 30_000) {
  const [range, setRange] = useState<TimeRange>(initial);
  const [beforeZoom, setBeforeZoom] = useState<TimeRange | undefined>();
  const [compare, setCompare] = useState(false);
  // Rounding "now" to the refresh period keeps query keys stable between renders.
  const now = Math.floor(Date.now() / refreshMs) * refreshMs;
  const resolved: ResolvedRange = useMemo(() => resolveRange(range, now), [range, now]);

  const choose = useCallback((next: TimeRange) => {
    setBeforeZoom(undefined);
    setRange(next);
  }, []);
  const zoom = useCallback(
    (from: number, to: number) => {
      setBeforeZoom((prev) => prev ?? range);
      setRange({ kind: 'absolute', from: Math.round(from), to: Math.round(to) });
    },
    [range],
  );
  const resetZoom = useCallback(() => {
    setRange(beforeZoom ?? initial);
    setBeforeZoom(undefined);
  }, [beforeZoom, initial]);

  return { range, resolved, compare, setCompare, choose, zoom, resetZoom };
}
