// What a promotion or rollback will change, as the host planned it, and how it went: each saga
// step with its state, then the outcome in words.
import type {
  PromotionOutcome,
  PromotionPlan,
  PromotionStep,
} from '../../../../shared/contract/promotion';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { stepIcon } from './progress';

export function PlanView({ plan }: { plan: PromotionPlan }) {
  return (
    <div className="promotion-plan" data-testid="promotion-plan">
      <p data-testid="promotion-alias-move">
        Alias <span className="mono">{plan.alias}</span> of{' '}
        <span className="mono">{plan.model}</span>: from{' '}
        <strong>{plan.from === null ? 'unset' : `version ${plan.from}`}</strong> to{' '}
        <strong>version {plan.to}</strong>
      </p>
      <p className="muted small">
        As <strong>{plan.actor}</strong> ({plan.actorSource}). Idempotency key{' '}
        <span className="mono">{plan.idempotencyKey}</span>
        {plan.lastMove && (
          <>
            {' '}
            · last moved by {plan.lastMove.by} at {plan.lastMove.at}
          </>
        )}
      </p>
      {plan.alreadyDone && (
        <p className="notice" data-testid="promotion-already-done">
          Already done: the alias points at version {plan.to} and serving matches.
        </p>
      )}
      <h3 className="section-title">Serving objects</h3>
      {plan.serving.length === 0 ? (
        <p className="muted" data-testid="promotion-no-serving">
          No serving object pins version {plan.from ?? '—'}: only the alias moves.
        </p>
      ) : (
        <table className="table promotion-serving">
          <thead>
            <tr>
              <th>Object</th>
              <th>Change</th>
              <th>Patch</th>
            </tr>
          </thead>
          <tbody>
            {plan.serving.map((s) => (
              <tr key={`${s.context}/${s.kind}/${s.namespace}/${s.name}/${s.field}`}>
                <td>
                  {s.kind} <span className="mono">{`${s.namespace}/${s.name}`}</span>
                  <div className="muted small">
                    {s.connection} · {s.context}
                  </div>
                </td>
                <td>
                  {s.field}: <span className="mono">{s.from}</span> →{' '}
                  <span className="mono">{s.to}</span>
                  {!s.access.allowed && <div className="error-text small">{s.access.reason}</div>}
                </td>
                <td>
                  <code className="promotion-patch" title={s.patchType}>
                    {s.patch}
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {plan.servingProblems.map((p) => (
        <p key={p} className="error-text small">
          {p}
        </p>
      ))}
      {plan.blockers.length > 0 && (
        <ul className="promotion-blockers" data-testid="promotion-blockers">
          {plan.blockers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function StepList({ steps }: { steps: PromotionStep[] }) {
  return (
    <ol className="promotion-steps" data-testid="promotion-steps">
      {steps.map((step) => (
        <li key={step.id} data-status={step.status} data-step={step.id}>
          <span className={`promotion-step-icon ${step.status}`} aria-hidden="true">
            {stepIcon[step.status]}
          </span>{' '}
          {step.label} <span className="muted small">({step.status})</span>
          {step.detail && <div className="muted small mono">{step.detail}</div>}
        </li>
      ))}
    </ol>
  );
}

export function OutcomeView({
  steps,
  outcome,
  pending,
  error,
}: {
  steps: PromotionStep[];
  outcome: PromotionOutcome | undefined;
  pending: boolean;
  error: unknown;
}) {
  return (
    <div className="promotion-outcome">
      {steps.length > 0 ? (
        <StepList steps={steps} />
      ) : (
        pending && <p className="muted">Starting…</p>
      )}
      {outcome && (
        <p
          className={
            outcome.result === 'ok' || outcome.result === 'unchanged' ? 'ok' : 'error-text'
          }
          data-testid="promotion-result"
          data-result={outcome.result}
        >
          {outcome.message}
        </p>
      )}
      {outcome?.error && <ErrorMessage error={outcome.error} compact />}
      {error !== null && error !== undefined && (
        <ErrorMessage error={error} testId="promotion-error" />
      )}
    </div>
  );
}
