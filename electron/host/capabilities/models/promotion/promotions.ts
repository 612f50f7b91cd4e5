// Promote and rollback for the handlers: one at a time per alias in this console, the plan made
// fresh, refused on a conflict (the alias moved since the page saw it), on a missing right, or
// on a failing gate without an override; then run as a saga. Also keeps what the start-up
// reconciliation found, for the page that opens after it ran.
import { randomUUID } from 'node:crypto';
import type {
  PromotionKind,
  PromotionOutcome,
  PromotionPlan,
  ReconcileNotice,
} from '../../../../../shared/contract/promotion';
import type { HostContext } from '../../../host-context';
import { CallFailure } from '../../../transport/failure';
import { registryClient } from '../gates';
import { auditTarget, describeMove } from './alias-history';
import { buildPlan, toContractPlan, type Plan, type PlanRequest } from './plan';
import { reconcileInterrupted } from './reconcile';
import { runSaga } from './saga';
import { rolloutOptions, sagaSteps } from './saga-steps';

export interface RunRequest {
  id: string;
  name: string;
  alias: string;
  version?: string;
  canaryPercent?: number;
  expectedFrom: string | null;
  reason: string;
  override?: { reason: string };
}

export class Promotions {
  /** The aliases with a saga running in this process, and those sagas' correlation ids. */
  private readonly running = new Set<string>();
  private readonly sagas = new Set<string>();
  private readonly found: ReconcileNotice[] = [];
  private reconciling: Promise<void> | undefined;

  constructor(private readonly ctx: HostContext) {}

  async plan(req: PlanRequest): Promise<PromotionPlan> {
    return toContractPlan(await buildPlan(this.ctx, req));
  }

  async run(kind: PromotionKind, req: RunRequest): Promise<PromotionOutcome> {
    const lock = `${req.id}|${req.name}|${req.alias}`;
    if (this.running.has(lock)) {
      throw new CallFailure(
        'conflict',
        `A promotion or rollback of ${req.name}@${req.alias} is already running in this console`,
      );
    }
    this.running.add(lock);
    let saga: string | undefined;
    try {
      // A saga interrupted earlier (a crash, an undo that failed) is settled before a new one.
      await this.reconciling;
      await this.settle();
      const plan = await buildPlan(this.ctx, { kind, ...req });
      this.refuseIfNotAllowed(kind, plan, req);
      if (plan.alreadyDone) return this.unchanged(kind, plan, req);
      const correlationId = randomUUID();
      const mlflow = await registryClient(this.ctx, req.id);
      this.sagas.add((saga = correlationId));
      return await runSaga(this.ctx, {
        kind,
        actor: plan.actor,
        target: auditTarget(req.id, req.name, req.alias),
        model: req.name,
        alias: req.alias,
        from: plan.from,
        to: plan.to,
        reason: req.reason,
        correlationId,
        details: reconcileDetails(plan),
        steps: sagaSteps(
          this.ctx,
          mlflow,
          plan,
          { id: correlationId, at: new Date().toISOString() },
          rolloutOptions(this.ctx.env),
        ),
      });
    } finally {
      this.running.delete(lock);
      if (saga) this.sagas.delete(saga);
    }
  }

  /** Starts reconciling the open workspace's interrupted sagas; calls wait for it. */
  reconcileSoon(): void {
    const run = reconcileInterrupted(this.ctx, new Set(this.sagas))
      .then((notices) => {
        for (const notice of notices) {
          this.found.push(notice);
          this.ctx.events.emit('promotion.reconciled', notice);
        }
      })
      .catch((error: unknown) => this.ctx.log.error({ err: error }, 'reconciliation failed'));
    this.reconciling = run;
  }

  private async settle(): Promise<void> {
    for (const notice of await reconcileInterrupted(this.ctx, new Set(this.sagas))) {
      this.found.push(notice);
      this.ctx.events.emit('promotion.reconciled', notice);
      if (notice.result === 'failed') throw new CallFailure('unavailable', notice.message);
    }
  }

  async notices(): Promise<ReconcileNotice[]> {
    await this.reconciling;
    return [...this.found];
  }

  private refuseIfNotAllowed(kind: PromotionKind, plan: Plan, req: RunRequest): void {
    const target = auditTarget(req.id, req.name, req.alias);
    const refuse = (code: 'conflict' | 'forbidden', text: string, details = {}) => {
      this.ctx.store.audit.append({
        actor: plan.actor,
        action: `model.${kind}`,
        target,
        from: { version: req.expectedFrom },
        to: { version: plan.to },
        reason: req.reason,
        result: 'failed',
        details: { refused: text, idempotencyKey: plan.idempotencyKey, ...details },
      });
      throw new CallFailure(code, text);
    };
    if (plan.from !== req.expectedFrom && !(kind === 'promote' && plan.from === plan.to)) {
      const seen = req.expectedFrom === null ? 'no version' : `version ${req.expectedFrom}`;
      refuse(
        'conflict',
        `${describeMove(plan.lastMove, req.alias, plan.from)}. The page showed ${seen}: reload it and check before trying again.`,
        { lastMove: plan.lastMove ?? null },
      );
    }
    if (plan.alreadyDone) return;
    if (plan.blockers.length > 0) refuse('forbidden', plan.blockers.join(' '));
    if (kind === 'promote' && plan.gates && !plan.gates.passed) {
      const blocking = plan.gates.blocking.join(', ');
      if (!req.override) {
        refuse('forbidden', `Blocked by the gates: ${blocking}. An override needs a reason.`, {
          gates: plan.gates.blocking,
        });
      }
      this.ctx.store.audit.append({
        actor: plan.actor,
        action: 'model.promote.override',
        target,
        from: { version: plan.from },
        to: { version: plan.to },
        reason: req.override!.reason,
        result: 'ok',
        details: { gates: plan.gates.blocking, report: plan.gates },
      });
    }
  }

  private unchanged(kind: PromotionKind, plan: Plan, req: RunRequest): PromotionOutcome {
    const row = this.ctx.store.audit.append({
      actor: plan.actor,
      action: `model.${kind}`,
      target: auditTarget(req.id, req.name, req.alias),
      from: { version: plan.from },
      to: { version: plan.to },
      reason: req.reason,
      result: 'ok',
      details: { unchanged: true, idempotencyKey: plan.idempotencyKey },
    });
    return {
      correlationId: row.correlationId,
      kind,
      model: plan.model,
      alias: plan.alias,
      from: plan.from,
      to: plan.to,
      result: 'unchanged',
      message: `${plan.model}@${plan.alias} already points at version ${plan.to} and serving matches: nothing to change.`,
      steps: [],
    };
  }
}

/** What a fresh console needs, from the intent row alone, to finish or undo the saga. */
function reconcileDetails(plan: Plan): Record<string, unknown> {
  return {
    idempotencyKey: plan.idempotencyKey,
    connection: plan.connection,
    model: plan.model,
    alias: plan.alias,
    ...(plan.canaryPercent ? { canaryPercent: plan.canaryPercent } : {}),
    tagsBefore: plan.tagsBefore,
    serving: plan.serving.map((s) => ({
      connection: s.where.connection,
      context: s.where.context,
      kind: s.kind,
      namespace: s.namespace,
      name: s.name,
      field: s.field,
      from: s.from,
      to: s.to,
      forward: s.forward,
      backward: s.backward,
    })),
  };
}
