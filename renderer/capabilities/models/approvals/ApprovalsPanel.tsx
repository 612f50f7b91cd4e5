// The Approvals card of a version's page: its state as recorded in the registry's tags (so
// teammates' decisions show here too), who asked and who decided, when and why, and the buttons
// to request, approve or reject. A button the user may not press is disabled with the reason.
import { useState } from 'react';
import type {
  ApprovalState,
  ApprovalVote,
  Permission,
} from '../../../../shared/contract/approvals';
import { FreshPanel } from '../../../components/FreshPanel';
import { Badge, type Tone } from '../../../components/StatusBadge';
import { useFreshCall } from '../../../data/fresh';
import { ReasonDialog, type ApprovalAction } from './ReasonDialog';
import './approvals.css';

const statusTone: Record<ApprovalState['status'], Tone> = {
  none: 'neutral',
  pending: 'warn',
  approved: 'ok',
  rejected: 'danger',
};
const statusLabel: Record<ApprovalState['status'], string> = {
  none: 'not requested',
  pending: 'pending',
  approved: 'approved',
  rejected: 'rejected',
};

/** " at 2026-11-26 09:00 UTC", or nothing when a hand-written tag left the time out. */
const when = (iso: string) => (iso ? ` at ${iso.replace('T', ' ').slice(0, 16)} UTC` : '');

export function ApprovalsPanel({
  registryId,
  name,
  version,
}: {
  registryId: string;
  name: string;
  version: string;
}) {
  const approvals = useFreshCall('approvals.get', { id: registryId, name, version });
  return (
    <FreshPanel fresh={approvals} skeletonLines={3}>
      {(state) => <ApprovalsView state={state} registryId={registryId} />}
    </FreshPanel>
  );
}

export function ApprovalsView({ state, registryId }: { state: ApprovalState; registryId: string }) {
  const [action, setAction] = useState<ApprovalAction | null>(null);
  return (
    <div data-testid="approvals-panel" data-status={state.status}>
      <p>
        <Badge tone={statusTone[state.status]} testId="approval-status">
          {statusLabel[state.status]}
        </Badge>{' '}
        <span data-testid="approval-count">
          {state.approvals} of {state.required} approval{state.required === 1 ? '' : 's'}
        </span>
        {state.twoPersonRule && (
          <span className="muted small">
            {' '}
            · two-person rule: not the registrant{state.registrant
              ? ` (${state.registrant})`
              : ''}{' '}
            nor the requester
          </span>
        )}
      </p>
      {state.request && (
        <p className="small" data-testid="approval-request">
          Requested by <strong>{state.request.by}</strong>
          {when(state.request.at)}: “{state.request.reason}”
        </p>
      )}
      <p className="muted small" data-testid="approval-identity">
        {state.identity
          ? `You act as ${state.identity.user}, from ${state.identity.from}.`
          : 'Not signed in: no registry login or kube context user is known.'}
      </p>
      <div className="approval-actions">
        <ActionButton
          label="Request approval"
          permission={state.can.request}
          onClick={() => setAction('request')}
        />
        <ActionButton
          label="Approve"
          primary
          permission={state.can.approve}
          onClick={() => setAction('approve')}
        />
        <ActionButton
          label="Reject"
          permission={state.can.reject}
          onClick={() => setAction('reject')}
        />
      </div>
      {state.votes.length > 0 && <Votes votes={state.votes} />}
      <ReasonDialog
        action={action}
        state={state}
        registryId={registryId}
        onClose={() => setAction(null)}
      />
    </div>
  );
}

function ActionButton({
  label,
  permission,
  onClick,
  primary = false,
}: {
  label: string;
  permission: Permission;
  onClick: () => void;
  primary?: boolean;
}) {
  return (
    <span className="approval-action">
      <button
        type="button"
        className={primary ? 'button primary' : 'button'}
        disabled={!permission.allowed}
        title={permission.reason}
        onClick={onClick}
      >
        {label}
      </button>
      {!permission.allowed && permission.reason && (
        <span className="muted small" data-testid="disabled-reason">
          {permission.reason}
        </span>
      )}
    </span>
  );
}

function Votes({ votes }: { votes: ApprovalVote[] }) {
  return (
    <ul className="approval-votes" data-testid="approval-votes">
      {votes.map((v) => (
        <li key={`${v.by}:${v.at}`} className={v.current ? undefined : 'old'}>
          <Badge tone={v.decision === 'approved' ? 'ok' : 'danger'}>{v.decision}</Badge>{' '}
          <strong>{v.by}</strong>
          {when(v.at)}: “{v.reason}”{v.gates && <span className="muted"> · {v.gates}</span>}
          {!v.current && <span className="muted"> · earlier round</span>}
        </li>
      ))}
    </ul>
  );
}
