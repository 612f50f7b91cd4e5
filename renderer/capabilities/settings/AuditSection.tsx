import { ErrorMessage } from '../../components/ErrorMessage';
import { Badge, type Tone } from '../../components/StatusBadge';
import { Skeleton } from '../../components/Skeleton';
import { formatDateTime } from '../../components/time';
import { useCall, useCallMutation } from '../../data/queries';
import type { AuditEntryView } from '../../../shared/contract/audit';
import { IconRefresh } from '../../components/icons';

const resultTones: Record<AuditEntryView['result'], Tone> = {
  intent: 'neutral',
  ok: 'ok',
  failed: 'danger',
  compensated: 'warn',
};

function brief(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function AuditSection() {
  const recent = useCall('audit.recent', { limit: 20 });
  const verify = useCallMutation('audit.verify');
  const outcome = verify.data;

  return (
    <section
      className="settings-section"
      id="settings-audit"
      aria-labelledby="settings-audit-title"
    >
      <header className="section-header">
        <div>
          <h2 id="settings-audit-title" tabIndex={-1}>
            Audit log
          </h2>
          <p className="muted">
            Every change the console makes is recorded in a hash chain; verifying it finds edited,
            inserted or deleted rows.
          </p>
        </div>
        <button
          type="button"
          className="button"
          data-testid="audit-verify"
          disabled={verify.isPending}
          onClick={() => verify.mutate({})}
        >
          {verify.isPending ? 'Verifying…' : 'Verify chain'}
        </button>
      </header>

      {verify.error && <ErrorMessage error={verify.error} compact />}
      {outcome && (
        <div
          className={outcome.ok ? 'audit-result ok' : 'audit-result bad'}
          data-testid="audit-result"
          data-ok={outcome.ok}
          role="status"
        >
          {outcome.ok ? (
            <>
              <Badge tone="ok">Intact</Badge> The chain is intact: {outcome.count} entr
              {outcome.count === 1 ? 'y' : 'ies'} verified.
            </>
          ) : (
            <>
              <Badge tone="danger">Broken</Badge> Entry #{outcome.firstBadSeq} was {outcome.problem}
              : {outcome.detail}
            </>
          )}
        </div>
      )}

      <div className="subsection-header">
        <h3>Most recent entries</h3>
        <button
          type="button"
          className="icon-button"
          aria-label="Refresh audit entries"
          onClick={() => void recent.refetch()}
        >
          <IconRefresh className={recent.isFetching ? 'spin' : undefined} />
        </button>
      </div>
      {recent.isPending ? (
        <Skeleton lines={5} label="Loading audit entries" />
      ) : recent.isError ? (
        <ErrorMessage error={recent.error} onRetry={() => void recent.refetch()} />
      ) : recent.data.entries.length === 0 ? (
        <p className="muted empty-line">No entries yet: the console has not changed anything.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="audit-entries">
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Change</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {recent.data.entries.map((e) => (
                <tr key={e.seq}>
                  <td className="num mono">{e.seq}</td>
                  <td className="nowrap">{formatDateTime(e.at)}</td>
                  <td>{e.actor}</td>
                  <td className="mono">{e.action}</td>
                  <td className="mono">{e.target}</td>
                  <td className="mono muted" title={e.reason ?? undefined}>
                    {brief(e.from)}
                    {e.from !== null && e.to !== null && ' → '}
                    {brief(e.to)}
                  </td>
                  <td>
                    <Badge tone={resultTones[e.result]}>{e.result}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
