// Every model feature's latest drift score, its method and threshold beside it, and the alarm.
import type { FeatureDrift } from '../../../../shared/contract/drift-scores';
import { Badge } from '../../../components/StatusBadge';
import { formatClock } from '../../../components/time';
import {
  alarmText,
  alarmTone,
  featureId,
  formatScore,
  methodName,
  thresholdText,
} from './drift-view';

export function FeatureDriftTable({
  features,
  selected,
  onSelect,
}: {
  features: FeatureDrift[];
  selected: string | undefined;
  onSelect: (f: FeatureDrift) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table drift-table" data-testid="drift-table">
        <thead>
          <tr>
            <th>Model</th>
            <th>Feature</th>
            <th className="num">Score</th>
            <th>Method</th>
            <th>Threshold</th>
            <th>State</th>
            <th>As of</th>
          </tr>
        </thead>
        <tbody>
          {features.map((f) => (
            <tr
              key={featureId(f)}
              data-testid="drift-row"
              data-alarm={f.alarm}
              aria-selected={selected === featureId(f)}
              className={selected === featureId(f) ? 'selected' : undefined}
            >
              <td>{f.model}</td>
              <td>
                <button type="button" className="link-button" onClick={() => onSelect(f)}>
                  {f.feature}
                </button>
              </td>
              <td className="num mono">{formatScore(f.score)}</td>
              <td>{methodName(f.method)}</td>
              <td className="small">{thresholdText(f)}</td>
              <td>
                <Badge tone={alarmTone[f.alarm]} title={f.alert} testId="drift-alarm">
                  {alarmText[f.alarm]}
                </Badge>
              </td>
              <td className="nowrap small">{f.at ? formatClock(f.at) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
