// The confirmation of a promotion or rollback: the plan (alias from N to M, each serving object's
// patch, who acts), the gate checklist with an override that needs a reason, then the saga's
// steps live and its outcome. Confirm stays disabled, with the reason, while it may not run.
import { useState } from 'react';
import type { PromotionKind, PromotionPlan } from '../../../../shared/contract/promotion';
import { Dialog } from '../../../components/Dialog';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Field, controlProps } from '../../../components/Field';
import { Skeleton } from '../../../components/Skeleton';
import { useCall, useCallMutation } from '../../../data/queries';
import { GateChecklist } from '../gates';
import { confirmBlocker, useLiveSteps } from './progress';
import { OutcomeView, PlanView } from './PlanView';

export interface PromotionTarget {
  kind: PromotionKind;
  registryId: string;
  model: string;
  /** Promote: the version to promote. */
  version?: string;
}

const refreshed = [
  'models.get',
  'models.version',
  'models.serving',
  'models.list',
  'models.compare',
] as const;

export function PromotionDialog({
  target,
  onClose,
}: {
  target: PromotionTarget;
  onClose: () => void;
}) {
  const input = { id: target.registryId, name: target.model };
  const promotePlan = useCall(
    'promotion.plan',
    { ...input, version: target.version ?? '' },
    { enabled: target.kind === 'promote', staleTime: 0, retry: false },
  );
  const rollbackPlan = useCall('promotion.rollbackPlan', input, {
    enabled: target.kind === 'rollback',
    staleTime: 0,
    retry: false,
  });
  const plan = target.kind === 'promote' ? promotePlan : rollbackPlan;
  const promote = useCallMutation('promotion.promote', { invalidates: [...refreshed] });
  const rollback = useCallMutation('promotion.rollback', { invalidates: [...refreshed] });
  const mutation = target.kind === 'promote' ? promote : rollback;
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const live = useLiveSteps(
    mutation.isIdle ? null : { kind: target.kind, model: target.model, alias: 'champion' },
  );
  const verb = target.kind === 'promote' ? 'Promote' : 'Roll back';
  const title =
    target.kind === 'promote'
      ? `Promote ${target.model} v${target.version ?? ''} to champion`
      : `Roll back ${target.model}@champion`;

  const run = (p: PromotionPlan) => {
    if (target.kind === 'promote') {
      promote.mutate({
        ...input,
        version: p.to,
        expectedFrom: p.from,
        reason: reason.trim(),
        ...(override ? { override: { reason: overrideReason.trim() } } : {}),
      });
    } else if (p.from !== null) {
      rollback.mutate({ ...input, expectedFrom: p.from, reason: reason.trim() });
    }
  };

  const blocker = plan.data
    ? confirmBlocker(plan.data, { reason, override, overrideReason })
    : undefined;
  const started = !mutation.isIdle;
  const footer = (
    <>
      {!started && blocker && (
        <span className="muted small" data-testid="promotion-blocker">
          {blocker}
        </span>
      )}
      <button type="button" className="button" onClick={onClose}>
        {mutation.isSuccess || mutation.isError ? 'Close' : 'Cancel'}
      </button>
      {!started && (
        <button
          type="button"
          className={target.kind === 'promote' ? 'button primary' : 'button danger'}
          disabled={!plan.data || blocker !== undefined}
          title={blocker}
          onClick={() => plan.data && run(plan.data)}
          data-testid="promotion-confirm"
        >
          {verb}
        </button>
      )}
    </>
  );

  return (
    <Dialog open title={title} onClose={onClose} footer={footer} testId="promotion-dialog">
      {plan.isPending ? (
        <Skeleton lines={5} />
      ) : plan.isError ? (
        <ErrorMessage error={plan.error} onRetry={() => void plan.refetch()} />
      ) : started ? (
        <OutcomeView
          steps={mutation.data?.steps ?? live}
          outcome={mutation.data}
          pending={mutation.isPending}
          error={mutation.error}
        />
      ) : (
        <>
          <PlanView plan={plan.data} />
          {plan.data.gates && (
            <section className="promotion-gates">
              <h3 className="section-title">Deployment gates</h3>
              <GateChecklist report={plan.data.gates} compact />
              {!plan.data.gates.passed && (
                <label className="promotion-override">
                  <input
                    type="checkbox"
                    checked={override}
                    onChange={(e) => setOverride(e.target.checked)}
                    data-testid="promotion-override"
                  />{' '}
                  Override the failing gates (recorded as an override in the audit log)
                </label>
              )}
              {override && (
                <Field id="override-reason" label="Why override the gates">
                  <textarea
                    {...controlProps('override-reason')}
                    value={overrideReason}
                    onChange={(e) => setOverrideReason(e.target.value)}
                    data-testid="promotion-override-reason"
                  />
                </Field>
              )}
            </section>
          )}
          <Field id="promotion-reason" label="Reason" hint="Required: why, or a ticket id.">
            <textarea
              {...controlProps('promotion-reason', undefined, 'Required')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              data-testid="promotion-reason"
            />
          </Field>
        </>
      )}
    </Dialog>
  );
}
