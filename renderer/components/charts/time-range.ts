// Time ranges as the user picks them: "last 6 hours" (relative, follows the clock) or a fixed
// window (after zooming with the brush). Pure, so the picker and the chart share one meaning.

export type TimeRange =
  { kind: 'relative'; seconds: number } | { kind: 'absolute'; from: number; to: number };

export interface ResolvedRange {
  /** Epoch milliseconds. */
  from: number;
  to: number;
}

export const relativeRanges: readonly { label: string; seconds: number }[] = [
  { label: '15m', seconds: 15 * 60 },
  { label: '1h', seconds: 3600 },
  { label: '6h', seconds: 6 * 3600 },
  { label: '24h', seconds: 24 * 3600 },
  { label: '7d', seconds: 7 * 86400 },
  { label: '30d', seconds: 30 * 86400 },
];

export const defaultRange: TimeRange = { kind: 'relative', seconds: 3600 };

export function resolveRange(range: TimeRange, now: number = Date.now()): ResolvedRange {
  if (range.kind === 'absolute') return { from: range.from, to: range.to };
  return { from: now - range.seconds * 1000, to: now };
}

/** The window just before `range`, of the same length: what "compare" overlays. */
export function previousPeriod(range: ResolvedRange): ResolvedRange {
  const length = range.to - range.from;
  return { from: range.from - length, to: range.from };
}

export function rangeLabel(range: TimeRange): string {
  if (range.kind === 'relative') {
    const preset = relativeRanges.find((r) => r.seconds === range.seconds);
    return `Last ${preset?.label ?? formatSpan(range.seconds * 1000)}`;
  }
  return `${formatInstant(range.from)} → ${formatInstant(range.to)}`;
}

export function formatSpan(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.round(s / 60)}m`;
  if (s < 172800) return `${Math.round(s / 3600)}h`;
  return `${Math.round(s / 86400)}d`;
}

export function formatInstant(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** Axis ticks: time of day for short spans, day and hour for longer ones. */
export function formatTick(ms: number, spanMs: number): string {
  const iso = new Date(ms).toISOString();
  if (spanMs <= 36 * 3600 * 1000) return iso.slice(11, spanMs <= 30 * 60 * 1000 ? 19 : 16);
  return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
}
