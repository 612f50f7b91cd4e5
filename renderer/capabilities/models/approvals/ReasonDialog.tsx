// The confirmation for request, approve and reject: says what will be written where and as whom,
// and will not go on without a reason.
import { useEffect, useState } from 'react';
import type { ApprovalState } from '../../../../shared/contract/approvals';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { controlProps, Field } from '../../../components/Field';
import { useCallMutation } from '../../../data/queries';

export type ApprovalAction = 'request' | 'approve' | 'reject';

const titles: Record<ApprovalAction, string> = {
  request: 'Request approval',
  approve: 'Approve',
  reject: 'Reject',
};

const refreshes = { invalidates: ['approvals.get' as const, 'approvals.gates' as const] };

export function ReasonDialog({
  action,
  state,
  registryId,
  onClose,
}: {
  action: ApprovalAction | null;
  state: ApprovalState;
  registryId: string;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const request = useCallMutation('approvals.request', { ...refreshes, onSuccess: onClose });
  const decide = useCallMutation('approvals.decide', { ...refreshes, onSuccess: onClose });
  const mutation = action === 'request' ? request : decide;

  useEffect(() => {
    setReason('');
    setTouched(false);
    request.reset();
    decide.reset();
    // Each opening starts clean; the mutations' identities do not change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [action]);

  const tooShort = reason.trim().length < 3;
  const target = { id: registryId, name: state.model, version: state.version };
  const confirm = () => {
    setTouched(true);
    if (tooShort || !action) return;
    if (action === 'request') request.mutate({ ...target, reason: reason.trim() });
    else decide.mutate({ ...target, decision: action, reason: reason.trim() });
  };

  return (
    <ConfirmDialog
      open={action !== null}
      title={`${action ? titles[action] : ''}: ${state.model} v${state.version}`}
      confirmLabel={action ? titles[action] : ''}
      danger={action === 'reject'}
      pending={mutation.isPending}
      onCancel={onClose}
      onConfirm={confirm}
    >
      <p>
        Recorded in the registry as tags on version {state.version} (
        <span className="mono">console.approval.*</span>) and in the local audit log, as{' '}
        <strong>{state.identity?.user ?? 'nobody'}</strong>
        {state.identity && <span className="muted"> ({state.identity.from})</span>}.
      </p>
      <Field
        id="approval-reason"
        label="Reason"
        hint="Required: why, or a ticket id."
        {...(touched && tooShort
          ? { error: 'A reason of at least 3 characters is required.' }
          : {})}
      >
        <textarea
          {...controlProps(
            'approval-reason',
            touched && tooShort ? 'required' : undefined,
            'Required',
          )}
          className="approval-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="approval-reason"
        />
      </Field>
      {mutation.error && <ErrorMessage error={mutation.error} compact />}
    </ConfirmDialog>
  );
}
