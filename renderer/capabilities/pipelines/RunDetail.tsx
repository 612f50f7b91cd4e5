// One run: its actions (retry, resubmit, its schedule's), the cause in plain words, its steps as a
// graph or timeline (the failed one highlighted), the Kubernetes events of its pods and the last
// lines of the failed container's log.
import { ErrorMessage } from '../../components/ErrorMessage';
import { Skeleton } from '../../components/Skeleton';
import { Badge } from '../../components/StatusBadge';
import { formatClock } from '../../components/time';
import { useCall } from '../../data/queries';
import { RunActions } from './actions/RunActions';
import { statusTone } from './RunsTable';
import { causeLabel, formatDuration } from './runs-view';
import { StepsView } from './steps/StepsView';

export function RunDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const detail = useCall('pipelines.run', { id });
  const name = id.split('/').slice(-2).join('/');
  return (
    <aside className="run-detail card" aria-label={`Run ${name}`} data-testid="run-detail">
      <header className="run-detail-header">
        <h2 title={name}>{name}</h2>
        <button
          type="button"
          className="button ghost small"
          onClick={onClose}
          aria-label="Close run"
        >
          ✕
        </button>
      </header>
      {detail.isPending ? (
        <Skeleton lines={6} label="Loading the run" />
      ) : detail.isError ? (
        <ErrorMessage
          error={detail.error}
          onRetry={() => void detail.refetch()}
          retrying={detail.isFetching}
          compact
        />
      ) : (
        <>
          <p className="run-meta">
            <Badge tone={statusTone[detail.data.run.status]}>{detail.data.run.status}</Badge>{' '}
            <span className="muted">
              {detail.data.run.kind} on {detail.data.run.context}
              {detail.data.run.owner &&
                ` · from ${detail.data.run.owner.kind} ${detail.data.run.owner.name}`}
              {detail.data.run.startedAt && ` · started ${formatClock(detail.data.run.startedAt)}`}
              {` · ${formatDuration(detail.data.run.durationMs)}`}
            </span>
          </p>
          <RunActions run={detail.data.run} />
          {detail.data.run.cause && (
            <div className="run-cause-box" role="status" data-testid="run-cause-detail">
              <strong>{causeLabel[detail.data.run.cause.kind]}</strong>
              {detail.data.run.failedStep && (
                <>
                  {' '}
                  in step <code>{detail.data.run.failedStep}</code>
                </>
              )}
              <p>{detail.data.run.cause.summary}</p>
              {detail.data.run.cause.evidence && (
                <pre className="run-evidence">{detail.data.run.cause.evidence}</pre>
              )}
            </div>
          )}
          <StepsView steps={detail.data.steps} />
          {detail.data.log && (
            <section>
              <h3>
                Log tail{' '}
                <span className="muted">
                  {detail.data.log.pod} · {detail.data.log.container} · last{' '}
                  {detail.data.log.lines.length} lines
                </span>
              </h3>
              <pre className="run-log" data-testid="log-tail">
                {detail.data.log.lines.join('\n')}
              </pre>
            </section>
          )}
          <section>
            <h3>Events</h3>
            {detail.data.events.length === 0 ? (
              <p className="muted">No events (Kubernetes keeps them for about an hour).</p>
            ) : (
              <ul className="run-events">
                {detail.data.events.map((e, i) => (
                  <li key={i} className={e.type === 'Warning' ? 'warning' : undefined}>
                    <span className="muted">{e.lastSeen ? formatClock(e.lastSeen) : ''}</span>{' '}
                    <strong>{e.reason}</strong> <span className="muted">{e.object}</span>
                    {e.count && e.count > 1 ? <span className="muted"> ×{e.count}</span> : null}
                    <div>{e.message}</div>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {detail.data.problems.length > 0 && (
            <p className="muted" role="note">
              Could not read: {detail.data.problems.join('; ')}
            </p>
          )}
        </>
      )}
    </aside>
  );
}
