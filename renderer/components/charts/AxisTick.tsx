// An axis label as plain SVG text. recharts' default label measures its text in the DOM to wrap
// it, a forced layout per label on every pass; the chart's labels are short and never wrap.
import type { BaseTickContentProps } from 'recharts';

const shift = { start: '0.71em', middle: '0.355em', end: '0' } as const;

export function AxisTick({
  x,
  y,
  payload,
  textAnchor,
  verticalAnchor,
  tickFormatter,
}: Pick<BaseTickContentProps, 'payload' | 'textAnchor' | 'verticalAnchor' | 'tickFormatter'> & {
  x: number | string;
  y: number | string;
}) {
  const value: unknown = payload.value;
  return (
    <text
      x={x}
      y={y}
      dy={shift[verticalAnchor]}
      textAnchor={textAnchor}
      fill="var(--text-muted)"
      fontSize={11}
      className="recharts-cartesian-axis-tick-value"
    >
      {tickFormatter ? tickFormatter(value, payload.index) : String(value)}
    </text>
  );
}
