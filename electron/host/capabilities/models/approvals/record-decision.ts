// Writing a request or a decision to the registry, mirrored in the audit log: an intent row
// before the first write, an outcome row after (ok or failed, with the cause). Every write is
// idempotent (each user owns their vote key; the summary is recomputed from all votes), so a
// retry after a failure converges instead of doubling anything.
import { randomUUID } from 'node:crypto';
import type { GateReport } from '../../../../../shared/contract/approvals';
import type { HostContext } from '../../../host-context';
import type { MlflowSource } from '../../../sources/mlflow';
import { toContractError } from '../../../transport/failure';

export interface TagWrite {
  key: string;
  value: string;
}

/** Runs `writes` in order under an intent/outcome pair of audit rows. */
export async function auditedWrites(
  ctx: HostContext,
  opts: {
    mlflow: MlflowSource;
    actor: string;
    action: string;
    model: string;
    version: string;
    from: unknown;
    to: unknown;
    reason: string;
    details?: Record<string, unknown>;
    writes: () => Promise<TagWrite[]>;
  },
): Promise<void> {
  const target = `model ${opts.model} version ${opts.version}`;
  const intent = ctx.store.audit.append({
    actor: opts.actor,
    action: opts.action,
    target,
    from: opts.from,
    to: opts.to,
    reason: opts.reason,
    result: 'intent',
    correlationId: randomUUID(),
    ...(opts.details ? { details: opts.details } : {}),
  });
  const outcome = (result: 'ok' | 'failed', details?: Record<string, unknown>) =>
    ctx.store.audit.append({
      actor: opts.actor,
      action: opts.action,
      target,
      from: opts.from,
      to: opts.to,
      reason: opts.reason,
      result,
      correlationId: intent.correlationId,
      ...(details ? { details } : {}),
    });
  try {
    for (const write of await opts.writes()) {
      await opts.mlflow.setModelVersionTag(opts.model, opts.version, write.key, write.value);
    }
  } catch (error) {
    const cause = toContractError(error);
    outcome('failed', { error: cause ?? { code: 'internal', message: String(error) } });
    ctx.log.warn({ err: error, action: opts.action, target }, 'approval write failed');
    throw error;
  }
  outcome('ok');
  ctx.log.info({ action: opts.action, target, actor: opts.actor }, 'approval recorded');
}

/** "3 of 4 gates passed", the approvals gate left out (it is what is being decided). */
export function gateSummary(report: GateReport): string {
  const gates = report.gates.filter((g) => g.kind !== 'approvals');
  if (gates.length === 0) return 'no gates in the policy';
  const passed = gates.filter((g) => g.status === 'passed').length;
  return `${passed} of ${gates.length} gates passed`;
}
