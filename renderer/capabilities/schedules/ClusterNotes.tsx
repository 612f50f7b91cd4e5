// Which clusters answered, and what could not be read on each (a CRD not installed, a 403):
// shown above a cluster-wide table so an empty row set is never mistaken for "nothing there".
import type { ClusterState } from '../../../shared/contract/pipelines';
import { Badge } from '../../components/StatusBadge';

export function ClusterNotes({ clusters }: { clusters: ClusterState[] }) {
  return (
    <ul className="cluster-notes" aria-label="Clusters">
      {clusters.map((c) => (
        <li key={`${c.connection}/${c.context}`} data-testid="cluster-note">
          <Badge tone={c.state === 'live' ? 'ok' : c.state === 'down' ? 'danger' : 'neutral'}>
            {c.context}: {c.state}
          </Badge>
          {c.error && <span className="muted"> {c.error.message}</span>}
          {c.problems.map((p) => (
            <span key={p.resource} className="muted" role="note">
              {' '}
              {p.resource}: {p.error.message}
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}
