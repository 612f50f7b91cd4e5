// One entry in full, with its group: the intent and every outcome that shares its correlation
// id, oldest first, so "asked to promote, then it failed, then compensated" reads as one story.
import type { AuditEntryView } from '../../../shared/contract/audit';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Badge } from '../../components/StatusBadge';
import { Skeleton } from '../../components/Skeleton';
import { formatDateTime } from '../../components/time';
import { useCall } from '../../data/queries';
import { resultTones } from './audit-view';

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  return <pre className="audit-json">{JSON.stringify(value, null, 2)}</pre>;
}

export function EntryDetail({ entry, onClose }: { entry: AuditEntryView; onClose: () => void }) {
  const group = useCall(
    'audit.correlation',
    { correlationId: entry.correlationId ?? '' },
    { enabled: entry.correlationId !== null },
  );
  const details = entry.details && Object.keys(entry.details).length > 0 ? entry.details : null;

  return (
    <aside
      className="audit-detail"
      aria-label={`Audit entry ${entry.seq}`}
      data-testid="audit-detail"
    >
      <header className="audit-detail-header">
        <h2>
          #{entry.seq} <span className="mono">{entry.action}</span>
        </h2>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </header>
      <dl className="audit-fields">
        <dt>When</dt>
        <dd>{formatDateTime(entry.at)}</dd>
        <dt>Who</dt>
        <dd>{entry.actor}</dd>
        <dt>Target</dt>
        <dd className="mono">{entry.target}</dd>
        <dt>Result</dt>
        <dd>
          <Badge tone={resultTones[entry.result]}>{entry.result}</Badge>
        </dd>
        <dt>Reason</dt>
        <dd>{entry.reason ?? <span className="muted">none given</span>}</dd>
        <dt>From</dt>
        <dd>
          <Json value={entry.from} />
        </dd>
        <dt>To</dt>
        <dd>
          <Json value={entry.to} />
        </dd>
        {details && (
          <>
            <dt>Details</dt>
            <dd>
              <Json value={details} />
            </dd>
          </>
        )}
        <dt>Hash</dt>
        <dd className="mono audit-hash">{entry.hash}</dd>
      </dl>
      <h3>Intent and outcomes</h3>
      {entry.correlationId === null ? (
        <p className="muted">This entry has no correlation id.</p>
      ) : group.isPending ? (
        <Skeleton lines={2} label="Loading the group" />
      ) : group.isError ? (
        <ErrorMessage error={group.error} onRetry={() => void group.refetch()} compact />
      ) : (
        <ol className="audit-group" data-testid="audit-group">
          {group.data.entries.map((e) => (
            <li key={e.seq} className={e.seq === entry.seq ? 'current' : undefined}>
              <Badge tone={resultTones[e.result]}>{e.result}</Badge>{' '}
              <span className="muted">{formatDateTime(e.at)}</span> #{e.seq} by {e.actor}
              {e.reason ? <span className="muted"> — {e.reason}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
