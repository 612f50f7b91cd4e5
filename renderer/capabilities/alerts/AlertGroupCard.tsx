// One group of firing alerts (alertname / severity / cluster): each alert with its labels, its
// summary and description, a runbook link, whether a silence mutes it, and "Silence".
import type { AlertGroup, AlertSource, FiringAlert } from '../../../shared/contract/alerts';
import { Badge } from '../../components/StatusBadge';
import { formatClock } from '../../components/time';
import { alertTitle, runbookOf, severityTone } from './alerts-view';

export function AlertGroupCard({
  group,
  sources,
  onSilence,
}: {
  group: AlertGroup;
  sources: AlertSource[];
  onSilence: (alert: FiringAlert, source: AlertSource) => void;
}) {
  return (
    <section
      className="card alert-group"
      data-testid="alert-group"
      data-alertname={group.alertname}
      aria-label={`${group.alertname} (${group.severity}) on ${group.cluster}`}
    >
      <header className="card-header">
        <h2 className="card-title alert-group-title">
          <Badge tone={severityTone(group.severity)} testId="severity-badge">
            {group.severity}
          </Badge>{' '}
          {group.alertname}
        </h2>
        <span className="card-subtitle">
          {group.cluster} · {group.alerts.length} alert{group.alerts.length === 1 ? '' : 's'}
        </span>
      </header>
      <ul className="alert-list">
        {group.alerts.map((alert) => (
          <AlertRow
            key={alert.fingerprint}
            alert={alert}
            source={sources.find((s) => s.id === alert.connection)}
            onSilence={onSilence}
          />
        ))}
      </ul>
    </section>
  );
}

function AlertRow({
  alert,
  source,
  onSilence,
}: {
  alert: FiringAlert;
  source: AlertSource | undefined;
  onSilence: (alert: FiringAlert, source: AlertSource) => void;
}) {
  const runbook = runbookOf(alert);
  const silenced = alert.silencedBy.length > 0;
  const blocked = source && !source.silencing.allowed ? source.silencing.reason : undefined;
  return (
    <li className="alert-row" data-testid="alert-row" data-state={alert.state}>
      <div className="alert-row-main">
        <p className="alert-summary">
          {silenced && (
            <Badge
              tone="neutral"
              testId="silenced-badge"
              title={`Silence ${alert.silencedBy.join(', ')}`}
            >
              silenced
            </Badge>
          )}
          {alert.inhibitedBy.length > 0 && <Badge tone="neutral">inhibited</Badge>}{' '}
          {alertTitle(alert)}
        </p>
        {alert.annotations.description && alert.annotations.description !== alertTitle(alert) && (
          <p className="muted alert-description">{alert.annotations.description}</p>
        )}
        <ul className="alert-labels" aria-label="Labels">
          {Object.entries(alert.labels).map(([k, v]) => (
            <li key={k} className="mono">
              {k}={v}
            </li>
          ))}
        </ul>
        <p className="muted small">
          since {formatClock(alert.startsAt)} · {source?.name ?? alert.connection}
          {runbook && (
            <>
              {' · '}
              <a href={runbook} target="_blank" rel="noreferrer noopener">
                Runbook
              </a>
            </>
          )}
          {alert.generatorURL && /^https?:\/\//.test(alert.generatorURL) && (
            <>
              {' · '}
              <a href={alert.generatorURL} target="_blank" rel="noreferrer noopener">
                Source query
              </a>
            </>
          )}
        </p>
      </div>
      {source && (
        <div className="alert-row-actions">
          <button
            type="button"
            className="button small"
            data-testid="silence-button"
            disabled={Boolean(blocked)}
            title={blocked ?? `Create a silence on ${source.name}`}
            onClick={() => onSilence(alert, source)}
          >
            {silenced ? 'Silence again' : 'Silence…'}
          </button>
          {blocked && <p className="small tone-text-warn">{blocked}</p>}
        </div>
      )}
    </li>
  );
}
