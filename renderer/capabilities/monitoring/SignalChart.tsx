// A named signal over time on the shared chart: the host picks Grafana's step for the chart's
// width, the previous period is fetched when "compare" is on, annotations come with the window.
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Skeleton } from '../../components/Skeleton';
import { TimeRangePicker } from '../../components/charts/TimeRangePicker';
import { TimeSeriesChart, type ChartSeries } from '../../components/charts/TimeSeriesChart';
import { previousPeriod } from '../../components/charts/time-range';
import { useElementWidth } from '../../components/charts/useElementWidth';
import { useTimeRange } from '../../components/charts/useTimeRange';
import { useCall } from '../../data/queries';
import type { SeriesView } from '../../../shared/contract/monitoring';

/** "gpu-node-1 GPU 3", or the labels that tell series apart. */
export function seriesLabel(labels: Record<string, string>): string {
  const host = labels.Hostname ?? labels.hostname ?? labels.instance;
  if (labels.gpu !== undefined && host) return `${host} GPU ${labels.gpu}`;
  const rest = Object.entries(labels).filter(([k]) => k !== '__name__');
  return rest.length ? rest.map(([k, v]) => `${k}=${v}`).join(', ') : 'value';
}

const toChart = (series: SeriesView[]): ChartSeries[] =>
  series.map((s) => ({
    id: JSON.stringify(s.labels),
    label: seriesLabel(s.labels),
    points: s.points,
  }));

export function SignalChart({
  prometheus,
  signal,
  title,
  unit,
  yDomain,
}: {
  prometheus: string;
  signal: string;
  title: string;
  unit?: string;
  yDomain?: [number, number];
}) {
  const time = useTimeRange();
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const widthPx = Math.max(100, width - 80);
  const { from, to } = time.resolved;
  const prev = previousPeriod(time.resolved);
  const current = useCall(
    'monitoring.range',
    { prometheus, signal, from, to, widthPx },
    { placeholderData: keepPreviousData },
  );
  const previous = useCall(
    'monitoring.range',
    { prometheus, signal, from: prev.from, to: prev.to, widthPx },
    { enabled: time.compare, placeholderData: keepPreviousData },
  );
  const annotations = useCall('monitoring.annotations', { from, to });
  const series = useMemo(() => toChart(current.data?.series ?? []), [current.data]);
  const previousSeries = useMemo(
    () => (time.compare && previous.data ? toChart(previous.data.series) : undefined),
    [time.compare, previous.data],
  );

  return (
    <section className="card signal-chart" ref={ref} data-testid={`signal-chart-${signal}`}>
      <TimeRangePicker
        value={time.range}
        onChange={time.choose}
        onResetZoom={time.resetZoom}
        compare={time.compare}
        onCompareChange={time.setCompare}
      />
      {current.isPending ? (
        <Skeleton lines={6} label={`Loading ${title}`} />
      ) : current.isError ? (
        <ErrorMessage error={current.error} onRetry={() => void current.refetch()} compact />
      ) : (
        <>
          <TimeSeriesChart
            title={title}
            series={series}
            range={time.resolved}
            {...(previousSeries ? { previous: previousSeries } : {})}
            annotations={annotations.data?.annotations ?? []}
            {...(unit ? { unit } : {})}
            {...(yDomain ? { yDomain } : {})}
            onZoom={time.zoom}
          />
          <p className="muted chart-query">
            <span className="mono">{current.data.query}</span> · step{' '}
            {Math.round(current.data.stepMs / 1000)} s
          </p>
        </>
      )}
    </section>
  );
}
