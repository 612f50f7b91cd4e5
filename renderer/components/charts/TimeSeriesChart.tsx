// The console's time chart. Every series is LTTB-downsampled to the plot's pixel width and drawn
// on one canvas inside recharts, which keeps the axes, grid and annotations (recharts' own <Line>
// took seconds for a week of 64 GPUs: see bench/gpu-chart.ts). Drag across the plot zooms,
// hovering reads the values (up to 12 lines), the previous period can be drawn dashed on the same
// axes, and annotations mark promotions, rollbacks and pipeline failures.
import { memo, useMemo } from 'react';
import { CartesianGrid, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { ChartAnnotation } from '../../../shared/contract/monitoring';
import { AxisTick } from './AxisTick';
import { BrushZoom } from './BrushZoom';
import { timeTicks, valueAxis } from './chart-scales';
import { downsampleToWidth, type ChartPoint } from './downsample';
import { HoverReadout } from './HoverReadout';
import { SeriesCanvas, type DrawnSeries } from './SeriesCanvas';
import { formatInstant, formatTick, type ResolvedRange } from './time-range';
import { useElementWidth } from './useElementWidth';
import './charts.css';

export interface ChartSeries {
  id: string;
  label: string;
  points: readonly ChartPoint[];
  color?: string;
}

const palette = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];
const annotationColor: Record<ChartAnnotation['kind'], string> = {
  promotion: 'var(--ok)',
  rollback: 'var(--warning, #d08700)',
  'pipeline-failure': 'var(--danger)',
};
const margin = { top: 10, right: 16, bottom: 4, left: 4 };
const yAxisWidth = 56;

interface Props {
  title: string;
  series: readonly ChartSeries[];
  range: ResolvedRange;
  /** The previous period's series, in their own times; drawn shifted onto this range, dashed. */
  previous?: readonly ChartSeries[];
  annotations?: readonly ChartAnnotation[];
  unit?: string;
  height?: number;
  /** Fixed y domain, e.g. [0, 100] for a percentage. */
  yDomain?: [number, number];
  onZoom?: (from: number, to: number) => void;
  testId?: string;
}

export const TimeSeriesChart = memo(function TimeSeriesChart({
  title,
  series,
  range,
  previous,
  annotations = [],
  unit = '',
  height = 220,
  yDomain,
  onZoom,
  testId = 'time-series-chart',
}: Props) {
  const [ref, width, measured] = useElementWidth<HTMLDivElement>();
  const plotWidth = Math.max(50, width - margin.left - margin.right - yAxisWidth);
  const span = range.to - range.from;

  // Nothing is downsampled until the plot's real width is known.
  const lines = useMemo<DrawnSeries[]>(
    () =>
      measured
        ? series.map((s, i) => ({
            id: s.id,
            label: s.label,
            color: s.color ?? palette[i % palette.length]!,
            data: downsampleToWidth(s.points, plotWidth),
          }))
        : [],
    [series, plotWidth, measured],
  );
  const previousLines = useMemo<DrawnSeries[]>(
    () =>
      measured
        ? (previous ?? []).map((s, i) => ({
            id: s.id,
            label: `${s.label} (previous period)`,
            color: s.color ?? palette[i % palette.length]!,
            data: downsampleToWidth(s.points, plotWidth).map(([t, v]) => [t + span, v] as const),
          }))
        : [],
    [previous, plotWidth, span, measured],
  );
  // By value, so a caller's inline [0, 100] does not redraw the lines on every render.
  const [fixedLow, fixedHigh] = yDomain ?? [];
  const yAxis = useMemo(
    () =>
      valueAxis(
        [...lines, ...previousLines],
        fixedLow !== undefined && fixedHigh !== undefined ? [fixedLow, fixedHigh] : undefined,
      ),
    [lines, previousLines, fixedLow, fixedHigh],
  );
  const xDomain = useMemo(() => [range.from, range.to] as const, [range.from, range.to]);
  const xTicks = useMemo(() => timeTicks(xDomain, plotWidth), [xDomain, plotWidth]);
  const format = (v: number) => `${compact(v)}${unit ? ` ${unit}` : ''}`;
  const visibleAnnotations = annotations.filter((a) => a.at >= range.from && a.at <= range.to);
  const empty = series.every((s) => s.points.length === 0);

  return (
    <figure className="ts-chart" data-testid={testId} aria-label={title}>
      <figcaption className="ts-chart-title">
        {title}
        {unit && <span className="muted"> ({unit})</span>}
      </figcaption>
      <div className="ts-chart-plot" ref={ref} style={{ height }}>
        {empty ? (
          <p className="muted ts-chart-empty" data-testid="chart-empty">
            No samples between {formatInstant(range.from)} and {formatInstant(range.to)}.
          </p>
        ) : measured ? (
          <LineChart width={width} height={height} margin={margin}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis
              // recharts draws no time axis without a dataKey, though no data reaches it.
              dataKey="t"
              type="number"
              scale="time"
              domain={xDomain}
              ticks={xTicks}
              // The ticks are already spaced for the width: measuring each label's text to thin
              // them out would force a layout per label.
              interval={0}
              allowDataOverflow
              tickFormatter={(t: number) => formatTick(t, span)}
              tick={AxisTick}
              stroke="var(--text-muted)"
            />
            <YAxis
              width={yAxisWidth}
              stroke="var(--text-muted)"
              type="number"
              domain={yAxis.domain}
              ticks={yAxis.ticks}
              interval={0}
              allowDataOverflow
              tickFormatter={(v: number) => compact(v)}
              tick={AxisTick}
            />
            <SeriesCanvas
              lines={lines}
              previous={previousLines}
              xDomain={xDomain}
              yDomain={yAxis.domain}
            />
            {visibleAnnotations.map((a, i) => (
              <ReferenceLine
                key={`${a.kind}-${a.at}-${i}`}
                x={a.at}
                stroke={annotationColor[a.kind]}
                strokeDasharray="2 2"
                label={{ value: marker[a.kind], position: 'insideTopLeft', fontSize: 11 }}
              />
            ))}
          </LineChart>
        ) : null}
        {measured && !empty && (
          <BrushZoom
            left={margin.left + yAxisWidth}
            right={margin.right}
            range={range}
            onZoom={onZoom}
            // Past a dozen lines a list of values is no longer readable.
            readout={
              lines.length <= 12
                ? (at, x, w) => (
                    <HoverReadout
                      at={at}
                      x={x}
                      width={w}
                      lines={[...lines, ...previousLines]}
                      format={format}
                    />
                  )
                : undefined
            }
          />
        )}
      </div>
      {(lines.length > 1 || previousLines.length > 0) && (
        <ul className="ts-chart-legend">
          {lines.slice(0, 16).map((s) => (
            <li key={s.id}>
              <span className="swatch" style={{ background: s.color }} />
              {s.label}
            </li>
          ))}
          {lines.length > 16 && <li className="muted">and {lines.length - 16} more</li>}
          {previousLines.length > 0 && <li className="muted">dashed: previous period</li>}
        </ul>
      )}
      {visibleAnnotations.length > 0 && (
        <ul className="ts-chart-annotations" data-testid="chart-annotations">
          {visibleAnnotations.map((a, i) => (
            <li key={`${a.kind}-${a.at}-${i}`} title={a.detail}>
              <span style={{ color: annotationColor[a.kind] }}>{marker[a.kind]}</span>{' '}
              {formatInstant(a.at)} {a.title}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
});

const marker: Record<ChartAnnotation['kind'], string> = {
  promotion: '▲ promoted',
  rollback: '▼ rolled back',
  'pipeline-failure': '✖ failed',
};

/** 1234567 → 1.23M; keeps axes narrow. */
export function compact(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1e9) return `${+(v / 1e9).toPrecision(3)}G`;
  if (a >= 1e6) return `${+(v / 1e6).toPrecision(3)}M`;
  if (a >= 1e4) return `${+(v / 1e3).toPrecision(3)}k`;
  if (a === 0 || a >= 1) return String(+v.toPrecision(4));
  return String(+v.toPrecision(3));
}
