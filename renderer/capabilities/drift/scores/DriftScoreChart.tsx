// One feature's drift score over time with its threshold on the same axes; the method and the
// threshold are written beside the latest number, so the line is never read without them.
import type { FeatureDrift } from '../../../../shared/contract/drift-scores';
import { FreshPanel } from '../../../components/FreshPanel';
import { Badge } from '../../../components/StatusBadge';
import { TimeRangePicker } from '../../../components/charts/TimeRangePicker';
import { TimeSeriesChart } from '../../../components/charts/TimeSeriesChart';
import { useTimeRange } from '../../../components/charts/useTimeRange';
import { useFreshCall } from '../../../data/fresh';
import { alarmText, alarmTone, formatScore, methodName, thresholdText } from './drift-view';

export function DriftScoreChart({ feature }: { feature: FeatureDrift }) {
  const time = useTimeRange({ kind: 'relative', seconds: 6 * 3600 });
  const rangeSeconds = Math.max(300, Math.round((time.resolved.to - time.resolved.from) / 1000));
  const fresh = useFreshCall('driftScores.series', {
    model: feature.model,
    feature: feature.feature,
    rangeSeconds,
    widthPx: 800,
    ...(time.range.kind === 'absolute' ? { end: time.resolved.to } : {}),
  });
  return (
    <section className="card drift-chart-card" data-testid="drift-chart-card">
      <header className="card-header">
        <h2 className="card-title">
          {feature.model} · {feature.feature}
        </h2>
        <p className="drift-headline" data-testid="drift-headline">
          <strong className="mono">{formatScore(feature.score)}</strong>{' '}
          <span>{methodName(feature.method)}</span> · <span>{thresholdText(feature)}</span>{' '}
          <Badge tone={alarmTone[feature.alarm]}>{alarmText[feature.alarm]}</Badge>
        </p>
      </header>
      {feature.alert && <p className="small tone-text-danger">Alert: {feature.alert}</p>}
      <TimeRangePicker value={time.range} onChange={time.choose} onResetZoom={time.resetZoom} />
      <FreshPanel fresh={fresh} skeletonLines={6} emptyText="No drift score in this window.">
        {(series) => (
          <TimeSeriesChart
            title={`Drift score (${methodName(series.method)})`}
            range={time.resolved}
            onZoom={time.zoom}
            testId="drift-score-chart"
            series={[
              { id: 'score', label: 'score', points: series.points, color: '#4e79a7' },
              {
                id: 'threshold',
                label: 'threshold',
                points: series.thresholdPoints,
                color: '#e15759',
              },
            ]}
          />
        )}
      </FreshPanel>
    </section>
  );
}
