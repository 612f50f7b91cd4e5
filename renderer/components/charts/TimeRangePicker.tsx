// Relative ranges ("last 6h") as a segmented control; a zoomed window shows as a fixed range with
// a way back to the relative range it came from.
import { relativeRanges, rangeLabel, type TimeRange } from './time-range';

export function TimeRangePicker({
  value,
  onChange,
  compare,
  onCompareChange,
  onResetZoom,
}: {
  value: TimeRange;
  onChange: (range: TimeRange) => void;
  /** Back to the range that was shown before zooming. */
  onResetZoom?: () => void;
  /** When given, a "compare with previous period" switch is shown. */
  compare?: boolean;
  onCompareChange?: (compare: boolean) => void;
}) {
  return (
    <div className="time-range-picker" role="group" aria-label="Time range">
      {relativeRanges.map((r) => (
        <button
          key={r.label}
          type="button"
          className="button small"
          aria-pressed={value.kind === 'relative' && value.seconds === r.seconds}
          onClick={() => onChange({ kind: 'relative', seconds: r.seconds })}
        >
          {r.label}
        </button>
      ))}
      {value.kind === 'absolute' && (
        <span className="time-range-fixed" data-testid="time-range-fixed">
          {rangeLabel(value)}
          <button
            type="button"
            className="button small"
            onClick={() =>
              onResetZoom
                ? onResetZoom()
                : onChange({
                    kind: 'relative',
                    seconds: Math.round((value.to - value.from) / 1000),
                  })
            }
          >
            Reset zoom
          </button>
        </span>
      )}
      {onCompareChange && (
        <label className="time-range-compare">
          <input
            type="checkbox"
            checked={compare ?? false}
            onChange={(e) => onCompareChange(e.target.checked)}
          />
          Compare with previous period
        </label>
      )}
    </div>
  );
}
