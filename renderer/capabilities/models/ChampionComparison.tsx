// A version beside the champion: metrics with deltas and a chart, the params and datasets that
// differ. A version that is the champion, or a model without one, says so.
import { useState } from 'react';
import { FreshPanel } from '../../components/FreshPanel';
import { Badge } from '../../components/StatusBadge';
import { useFreshCall } from '../../data/fresh';
import type { VersionComparison } from '../../../shared/contract/models';
import { LazyMetricChart as MetricChart } from './LazyMetricChart';
import { deltaTone, formatDelta, formatMetric } from './registry';

export function ChampionComparison({
  registryId,
  name,
  version,
}: {
  registryId: string;
  name: string;
  version: string;
}) {
  const fresh = useFreshCall('models.compare', {
    id: registryId,
    name,
    version,
    against: 'champion',
  });
  return (
    <FreshPanel fresh={fresh} skeletonLines={6}>
      {(c) => <ComparisonView comparison={c} />}
    </FreshPanel>
  );
}

function ComparisonView({ comparison: c }: { comparison: VersionComparison }) {
  const [metric, setMetric] = useState(c.metrics[0]?.key);
  if (!c.baseline) {
    return <p className="muted">{c.model} has no champion alias to compare with.</p>;
  }
  if (c.baseline.version === c.candidate) {
    return <p className="muted">v{c.candidate} is the champion.</p>;
  }
  const chosen = c.metrics.find((m) => m.key === metric);
  const candidateLabel = `v${c.candidate}`;
  const baselineLabel = `v${c.baseline.version} (champion)`;
  return (
    <div data-testid="comparison">
      <h3 className="subsection-title">
        Metrics: v{c.candidate} against champion v{c.baseline.version}
      </h3>
      <table className="data-table" data-testid="comparison-metrics">
        <thead>
          <tr>
            <th>Metric</th>
            <th className="num">{candidateLabel}</th>
            <th className="num">{baselineLabel}</th>
            <th className="num">Delta</th>
          </tr>
        </thead>
        <tbody>
          {c.metrics.map((m) => (
            <tr key={m.key} data-testid={`compare-metric-${m.key}`}>
              <td>
                <button type="button" className="link-button mono" onClick={() => setMetric(m.key)}>
                  {m.key}
                </button>
              </td>
              <td className="num">{formatMetric(m.candidate)}</td>
              <td className="num">{formatMetric(m.baseline)}</td>
              <td className="num">
                <span className={`delta tone-text-${deltaTone(m.key, m.delta)}`}>
                  {formatDelta(m.delta)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {chosen && (
        <MetricChart
          metric={chosen.key}
          series={[
            { label: candidateLabel, points: chosen.candidateHistory, color: 'var(--accent)' },
            { label: baselineLabel, points: chosen.baselineHistory, color: 'var(--warn)' },
          ]}
        />
      )}
      <h3 className="subsection-title">Parameters that differ</h3>
      {c.params.length === 0 ? (
        <p className="muted">Same parameters.</p>
      ) : (
        <table className="data-table" data-testid="comparison-params">
          <thead>
            <tr>
              <th>Parameter</th>
              <th>{candidateLabel}</th>
              <th>{baselineLabel}</th>
            </tr>
          </thead>
          <tbody>
            {c.params.map((p) => (
              <tr key={p.key}>
                <td className="mono">{p.key}</td>
                <td className="mono">{p.candidate ?? '—'}</td>
                <td className="mono">{p.baseline ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="subsection-title">Datasets that differ</h3>
      {c.datasets.length === 0 ? (
        <p className="muted">Same datasets.</p>
      ) : (
        <table className="data-table" data-testid="comparison-datasets">
          <thead>
            <tr>
              <th>Dataset</th>
              <th>{candidateLabel}</th>
              <th>{baselineLabel}</th>
            </tr>
          </thead>
          <tbody>
            {c.datasets.map((d) => (
              <tr key={d.label}>
                <td>{d.label}</td>
                <td className="mono">
                  {d.candidate ? d.candidate.digest : <Badge tone="warn">absent</Badge>}
                </td>
                <td className="mono">
                  {d.baseline ? d.baseline.digest : <Badge tone="warn">absent</Badge>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
