// The action buttons of a run or a schedule. What the user may not do stays visible, disabled,
// with the reason (the cluster's RBAC answer or the object's state). Every action is confirmed; a
// failure is shown in the dialog and trying again reuses the same idempotency key.
import { useState } from 'react';
import type { ActionTarget, PipelineAction } from '../../../../shared/contract/pipeline-actions';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useToasts } from '../../../components/toasts';
import { useCall, useCallMutation } from '../../../data/queries';
import { actionLabel, confirmText, newIdempotencyKey } from './action-text';
import './actions.css';

interface Pending {
  action: PipelineAction;
  key: string;
}

export function PipelineActions({ target, label }: { target: ActionTarget; label: string }) {
  const available = useCall('pipelines.actions', { target });
  const act = useCallMutation('pipelines.act', {
    invalidates: ['pipelines.actions', 'pipelines.run'],
  });
  const toasts = useToasts();
  const [pending, setPending] = useState<Pending | undefined>();
  const [reason, setReason] = useState('');

  if (available.isPending)
    return (
      <p className="muted pipeline-actions" aria-busy="true">
        Checking what you may do on {label}…
      </p>
    );
  if (available.isError)
    return (
      <ErrorMessage
        error={available.error}
        onRetry={() => void available.refetch()}
        retrying={available.isFetching}
        compact
      />
    );
  const actions = available.data.actions;
  if (!actions.length) return null;
  const refused = actions.filter((a) => !a.allowed);

  const open = (action: PipelineAction) => {
    act.reset();
    setReason('');
    setPending({ action, key: newIdempotencyKey() });
  };
  const confirm = () => {
    if (!pending) return;
    act.mutate(
      {
        target,
        action: pending.action,
        idempotencyKey: pending.key,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      },
      {
        onSuccess: (outcome) => {
          setPending(undefined);
          toasts.show({ tone: 'ok', title: actionLabel[pending.action], message: outcome.message });
        },
      },
    );
  };
  const text = pending ? confirmText(pending.action, target) : undefined;

  return (
    <div className="pipeline-actions" aria-label={`Actions on ${label}`} role="group">
      <div className="pipeline-action-buttons">
        <span className="muted">{label}:</span>
        {actions.map((a) => (
          <button
            key={a.action}
            type="button"
            className={a.action === 'suspend' ? 'button small danger' : 'button small'}
            disabled={!a.allowed}
            title={a.reason}
            data-testid={`action-${a.action}`}
            onClick={() => open(a.action)}
          >
            {actionLabel[a.action]}
          </button>
        ))}
        {available.data.suspended && <span className="muted">(suspended)</span>}
      </div>
      {refused.length > 0 && (
        <ul className="pipeline-action-reasons" data-testid="action-reasons">
          {refused.map((a) => (
            <li key={a.action}>
              {actionLabel[a.action]}: {a.reason}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={pending !== undefined}
        title={text?.title ?? ''}
        confirmLabel={pending ? actionLabel[pending.action] : ''}
        danger={pending?.action === 'suspend'}
        pending={act.isPending}
        onConfirm={confirm}
        onCancel={() => setPending(undefined)}
      >
        <p>{text?.body}</p>
        <label className="pipeline-action-reason-field">
          Reason (written to the audit log, optional)
          <input
            type="text"
            className="input"
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        {act.isError && <ErrorMessage error={act.error} compact testId="action-error" />}
      </ConfirmDialog>
    </div>
  );
}
