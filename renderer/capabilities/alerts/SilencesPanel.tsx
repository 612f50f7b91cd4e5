// The silences of every Alertmanager, filtered by state, each expirable (confirmed, audited).
import { useState } from 'react';
import type { AlertSource, SilenceList, SilenceView } from '../../../shared/contract/alerts';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FreshPanel } from '../../components/FreshPanel';
import { Badge } from '../../components/StatusBadge';
import { formatClock } from '../../components/time';
import { useFreshCall } from '../../data/fresh';
import { useCallMutation } from '../../data/queries';
import { formatMatcher } from './alerts-view';

type Filter = 'active' | 'pending' | 'expired';
const stateTone = { active: 'ok', pending: 'info', expired: 'neutral' } as const;

export function SilencesPanel({ onDone }: { onDone: (message: string) => void }) {
  const fresh = useFreshCall('alerts.silences', {});
  const [filter, setFilter] = useState<Filter>('active');
  return (
    <section className="card silences-card" aria-labelledby="silences-title">
      <header className="card-header">
        <h2 className="card-title" id="silences-title">
          Silences
        </h2>
        <div className="segmented" role="group" aria-label="Silence state">
          {(['active', 'pending', 'expired'] as const).map((f) => (
            <button
              key={f}
              type="button"
              className="button small"
              aria-pressed={filter === f}
              onClick={() => setFilter(f)}
            >
              {f}
            </button>
          ))}
        </div>
      </header>
      <FreshPanel fresh={fresh} emptyText="No silences.">
        {(list) => <SilenceTable list={list} filter={filter} onDone={onDone} />}
      </FreshPanel>
    </section>
  );
}

function SilenceTable({
  list,
  filter,
  onDone,
}: {
  list: SilenceList;
  filter: Filter;
  onDone: (message: string) => void;
}) {
  const [expiring, setExpiring] = useState<SilenceView | undefined>();
  const expire = useCallMutation('alerts.expireSilence', {
    invalidates: ['alerts.list', 'alerts.silences'],
    onSuccess: (done) => {
      setExpiring(undefined);
      onDone(done.wasExpired ? 'That silence had already expired' : 'Silence expired');
    },
  });
  const shown = list.silences.filter((s) => s.state === filter);
  const sourceOf = (id: string): AlertSource | undefined => list.sources.find((s) => s.id === id);
  if (shown.length === 0) return <p className="muted empty-line">No {filter} silences.</p>;
  return (
    <>
      <div className="table-scroll">
        <table className="data-table" data-testid="silences-table">
          <thead>
            <tr>
              <th>State</th>
              <th>Matchers</th>
              <th>Until</th>
              <th>By</th>
              <th>Comment</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => {
              const blocked = sourceOf(s.connection)?.silencing.reason;
              return (
                <tr key={`${s.connection}/${s.id}`} data-testid="silence-row">
                  <td>
                    <Badge tone={stateTone[s.state]}>{s.state}</Badge>
                  </td>
                  <td className="mono small">{s.matchers.map(formatMatcher).join(', ')}</td>
                  <td className="nowrap">
                    {formatClock(s.state === 'pending' ? s.startsAt : s.endsAt)}
                  </td>
                  <td>{s.createdBy}</td>
                  <td>{s.comment}</td>
                  <td>
                    {s.state !== 'expired' && (
                      <button
                        type="button"
                        className="button small"
                        data-testid="expire-button"
                        disabled={Boolean(blocked)}
                        title={blocked ?? 'End this silence now'}
                        onClick={() => setExpiring(s)}
                      >
                        Expire…
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={Boolean(expiring)}
        title="Expire this silence?"
        confirmLabel="Expire now"
        danger
        pending={expire.isPending}
        onCancel={() => {
          expire.reset();
          setExpiring(undefined);
        }}
        onConfirm={() =>
          expiring && expire.mutate({ connection: expiring.connection, silenceId: expiring.id })
        }
      >
        <p>
          Alerts matching <code>{expiring?.matchers.map(formatMatcher).join(', ')}</code> will page
          again. Recorded in the audit log.
        </p>
        {expire.error && <ErrorMessage error={expire.error} compact />}
      </ConfirmDialog>
    </>
  );
}
