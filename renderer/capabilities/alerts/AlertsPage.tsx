// The Alerts page: firing alerts of every Alertmanager of the workspace, grouped, each one
// silenceable; the silences below. Cached first, then live, like every screen.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { AlertBoard, AlertSource, FiringAlert } from '../../../shared/contract/alerts';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FreshPanel } from '../../components/FreshPanel';
import { formatClock } from '../../components/time';
import { useToasts } from '../../components/toasts';
import { useFreshCall } from '../../data/fresh';
import { AlertGroupCard } from './AlertGroupCard';
import { NotificationToggle } from './NotificationToggle';
import { SilenceDialog } from './SilenceDialog';
import { SilencesPanel } from './SilencesPanel';
import './alerts.css';

export function AlertsPage() {
  const fresh = useFreshCall('alerts.list', {});
  const toasts = useToasts();
  const [silencing, setSilencing] = useState<{ alert: FiringAlert; source: AlertSource }>();
  const done = (message: string) => toasts.show({ tone: 'info', title: 'Alerts', message });
  const noAlertmanager = fresh.view.state === 'error' && fresh.view.error.code === 'unavailable';

  return (
    <div className="page alerts-page">
      <header className="page-header">
        <div>
          <h1>Alerts</h1>
          <p className="page-subtitle">Firing alerts from every Alertmanager of this workspace</p>
        </div>
        <NotificationToggle />
      </header>
      {noAlertmanager ? (
        <div className="empty-state">
          <h2>No Alertmanager in this workspace</h2>
          <p className="muted">
            Add an Alertmanager connection in Settings to see its alerts here.
          </p>
          <Link className="button primary" to="/settings">
            Add a connection
          </Link>
        </div>
      ) : (
        <>
          <FreshPanel fresh={fresh} skeletonLines={6} emptyText="No alerts.">
            {(board) => (
              <AlertGroups
                board={board}
                onSilence={(alert, source) => setSilencing({ alert, source })}
              />
            )}
          </FreshPanel>
          <SilencesPanel onDone={done} />
        </>
      )}
      {silencing && (
        <SilenceDialog
          alert={silencing.alert}
          source={silencing.source}
          onClose={() => setSilencing(undefined)}
          onSilenced={(message) => {
            setSilencing(undefined);
            done(message);
          }}
        />
      )}
    </div>
  );
}

function AlertGroups({
  board,
  onSilence,
}: {
  board: AlertBoard;
  onSilence: (alert: FiringAlert, source: AlertSource) => void;
}) {
  const failing = board.sources.filter((s) => s.error);
  return (
    <div className="alert-groups">
      {failing.map((s) => (
        <ErrorMessage
          key={s.id}
          compact
          error={{ ...s.error!, message: `${s.name}: ${s.error!.message}` }}
        />
      ))}
      {board.sources
        .filter((s) => s.staleAsOf && !s.error)
        .map((s) => (
          <p key={s.id} className="small tone-text-warn">
            {s.name}: last-known alerts as of {formatClock(s.staleAsOf!)}
          </p>
        ))}
      {board.groups.length === 0 ? (
        <p className="muted empty-line" data-testid="no-alerts">
          Nothing is firing.
        </p>
      ) : (
        board.groups.map((g) => (
          <AlertGroupCard key={g.key} group={g} sources={board.sources} onSilence={onSilence} />
        ))
      )}
    </div>
  );
}
