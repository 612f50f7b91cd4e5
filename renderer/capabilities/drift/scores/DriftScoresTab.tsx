// "Scores over time": the drift monitor's scores from the metrics store, the features in alarm
// first, and the chosen feature's history.
import { useState } from 'react';
import { FreshPanel } from '../../../components/FreshPanel';
import { useFreshCall } from '../../../data/fresh';
import { DriftScoreChart } from './DriftScoreChart';
import { featureId } from './drift-view';
import { FeatureDriftTable } from './FeatureDriftTable';

export function DriftScoresTab() {
  const fresh = useFreshCall('driftScores.list', {});
  const [selected, setSelected] = useState<string | undefined>();
  return (
    <FreshPanel fresh={fresh} skeletonLines={6} emptyText="No drift scores in the metrics store.">
      {(board) => {
        const chosen = board.features.find((f) => featureId(f) === selected) ?? board.features[0];
        return (
          <div className="drift-scores">
            <section className="card">
              <header className="card-header">
                <h2 className="card-title">Features</h2>
                <span className="card-subtitle">
                  {board.prometheus.name} · <code className="mono">{board.queries.score}</code>
                </span>
              </header>
              {board.alertsError && (
                <p className="small tone-text-warn">
                  Drift alerts could not be read: {board.alertsError}
                </p>
              )}
              {board.features.length === 0 ? (
                <p className="muted empty-line">
                  No series for <code>{board.queries.score}</code>. Does the drift job export it, or
                  does this workspace name it differently (overrides.signals
                  &quot;drift.score&quot;)?
                </p>
              ) : (
                <FeatureDriftTable
                  features={board.features}
                  selected={chosen && featureId(chosen)}
                  onSelect={(f) => setSelected(featureId(f))}
                />
              )}
            </section>
            {chosen && <DriftScoreChart key={featureId(chosen)} feature={chosen} />}
          </div>
        );
      }}
    </FreshPanel>
  );
}
