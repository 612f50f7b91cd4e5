// Silence an alert: the matchers start from its labels (untick the ones that should not pin the
// silence), 2 h by default, a comment is required, the author is the connection's identity. The
// dialog's summary says exactly what will be muted before the user confirms.
import { useState } from 'react';
import type { AlertSource, FiringAlert } from '../../../shared/contract/alerts';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useCallMutation } from '../../data/queries';
import {
  durationChoices,
  formatDuration,
  formatMatcher,
  matchersFromAlert,
  type MatcherChoice,
} from './alerts-view';

export function SilenceDialog({
  alert,
  source,
  onClose,
  onSilenced,
}: {
  alert: FiringAlert;
  source: AlertSource;
  onClose: () => void;
  onSilenced: (message: string) => void;
}) {
  const [choices, setChoices] = useState<MatcherChoice[]>(() => matchersFromAlert(alert));
  const [minutes, setMinutes] = useState(120);
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const create = useCallMutation('alerts.createSilence', {
    invalidates: ['alerts.list', 'alerts.silences'],
    onSuccess: (done) =>
      onSilenced(`Silenced until ${new Date(done.endsAt).toLocaleString()} (${done.silenceId})`),
  });
  const matchers = choices.filter((c) => c.chosen).map((c) => c.matcher);
  const commentMissing = comment.trim() === '';
  const until = new Date(Date.now() + minutes * 60_000);

  const submit = () => {
    setTouched(true);
    if (commentMissing || matchers.length === 0) return;
    create.mutate({ connection: source.id, matchers, durationMinutes: minutes, comment });
  };

  return (
    <Dialog
      open
      title={`Silence ${alert.labels.alertname ?? 'alert'}`}
      onClose={onClose}
      testId="silence-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button primary"
            data-testid="silence-confirm"
            disabled={create.isPending || matchers.length === 0}
            onClick={submit}
          >
            {create.isPending ? 'Silencing…' : `Silence for ${formatDuration(minutes)}`}
          </button>
        </>
      }
    >
      <fieldset className="silence-matchers">
        <legend>Alerts matching all of</legend>
        {choices.map((c, i) => (
          <label key={c.matcher.name} className="check-row">
            <input
              type="checkbox"
              checked={c.chosen}
              disabled={c.matcher.name === 'alertname'}
              onChange={(e) =>
                setChoices(
                  choices.map((x, j) => (j === i ? { ...x, chosen: e.target.checked } : x)),
                )
              }
            />
            <code className="mono">{formatMatcher(c.matcher)}</code>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="silence-duration">For</label>
        <select
          id="silence-duration"
          className="input narrow"
          value={minutes}
          onChange={(e) => setMinutes(Number(e.target.value))}
        >
          {durationChoices.map((m) => (
            <option key={m} value={m}>
              {formatDuration(m)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="silence-comment">Why (required)</label>
        <textarea
          id="silence-comment"
          className="input"
          data-testid="silence-comment"
          rows={2}
          value={comment}
          aria-invalid={touched && commentMissing}
          placeholder="e.g. GPU 3 drained, NVIDIA ticket 4411 open"
          onChange={(e) => setComment(e.target.value)}
        />
        {touched && commentMissing && (
          <p className="field-error" role="alert">
            Say why: the comment is what the next person on call reads.
          </p>
        )}
      </div>
      <p className="muted silence-summary" data-testid="silence-summary">
        Mutes{' '}
        {matchers.length ? matchers.map(formatMatcher).join(', ') : 'nothing (tick a matcher)'} on{' '}
        {source.name} until {until.toLocaleString()}, created by <strong>{source.identity}</strong>.
        Recorded in the audit log.
      </p>
      {create.error && <ErrorMessage error={create.error} />}
    </Dialog>
  );
}
