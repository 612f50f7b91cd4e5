// The Promote and Roll back buttons. Each asks the host for its plan first, so a button the user
// may not press (MLflow refuses the write, the kube context may not patch, nothing to roll back)
// is disabled with the reason beside it; failing gates are shown in the dialog, where an
// override with a reason is possible.
import { useState } from 'react';
import { useCall } from '../../../data/queries';
import { PromotionDialog, type PromotionTarget } from './PromotionDialog';
import './promotion.css';

function ActionButton({
  label,
  reason,
  loading,
  onClick,
  danger = false,
  testId,
}: {
  label: string;
  reason: string | undefined;
  loading: boolean;
  onClick: () => void;
  danger?: boolean;
  testId: string;
}) {
  return (
    <span className="promotion-action">
      <button
        type="button"
        className={danger ? 'button danger' : 'button primary'}
        disabled={loading || reason !== undefined}
        title={reason}
        onClick={onClick}
        data-testid={testId}
      >
        {label}
      </button>
      {reason && (
        <span className="muted small" data-testid={`${testId}-reason`}>
          {reason}
        </span>
      )}
    </span>
  );
}

export function PromoteButton({
  registryId,
  model,
  version,
}: {
  registryId: string;
  model: string;
  version: string;
}) {
  const [open, setOpen] = useState(false);
  const plan = useCall(
    'promotion.plan',
    { id: registryId, name: model, version },
    { staleTime: 30_000, retry: false },
  );
  const reason = plan.isError
    ? `Cannot plan the promotion: ${plan.error.message}`
    : plan.data?.alreadyDone
      ? `v${version} is already the champion`
      : plan.data?.blockers[0];
  const target: PromotionTarget = { kind: 'promote', registryId, model, version };
  return (
    <>
      <ActionButton
        label="Promote to champion"
        reason={reason}
        loading={plan.isPending}
        onClick={() => setOpen(true)}
        testId="promote-button"
      />
      {open && <PromotionDialog target={target} onClose={() => setOpen(false)} />}
    </>
  );
}

export function RollbackButton({ registryId, model }: { registryId: string; model: string }) {
  const [open, setOpen] = useState(false);
  const plan = useCall(
    'promotion.rollbackPlan',
    { id: registryId, name: model },
    { staleTime: 30_000, retry: false },
  );
  const reason = plan.isError
    ? `Cannot plan the rollback: ${plan.error.message}`
    : plan.data?.blockers[0];
  const label = plan.data?.from
    ? `Roll back champion (v${plan.data.from} → v${plan.data.to})`
    : 'Roll back champion';
  return (
    <>
      <ActionButton
        label={label}
        reason={reason}
        loading={plan.isPending}
        onClick={() => setOpen(true)}
        danger
        testId="rollback-button"
      />
      {open && (
        <PromotionDialog
          target={{ kind: 'rollback', registryId, model }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
