// A saga: an audit intent before the first step, one audit row after each step, and on a failure
// the steps already done undone in reverse order, each undo recorded too. The intent's final row
// (same action, result ok / compensated / failed) closes it; an intent without one was cut short
// (a crash) and is reconciled at the next start. Progress goes out as events, step by step.
import { randomUUID } from 'node:crypto';
import type { ContractError } from '../../../../../shared/contract/core';
import type {
  PromotionKind,
  PromotionOutcome,
  PromotionStep,
} from '../../../../../shared/contract/promotion';
import type { HostContext } from '../../../host-context';
import { toContractError } from '../../../transport/failure';

export interface SagaStep {
  id: string;
  label: string;
  /** Does the step; its answer is the detail shown and recorded. */
  run(progress: (detail: string) => void): Promise<string | void>;
  /** Puts back what run changed; absent for read-only steps. Must be safe to repeat. */
  undo?(): Promise<string | void>;
}

export interface SagaSpec {
  kind: PromotionKind;
  actor: string;
  target: string;
  model: string;
  alias: string;
  from: string | null;
  to: string;
  reason: string;
  /** What reconciliation needs to finish or undo the saga after a crash. */
  details: Record<string, unknown>;
  steps: SagaStep[];
  /** Made by the caller when the steps need it (the registry tags name their saga). */
  correlationId?: string;
}

/** Thrown by a test's fault hook: the process "dies" here, with no compensation and no outcome. */
export class SagaInterrupted extends Error {}

/** Fault injection for the saga tests: called before each step runs. */
export const sagaFaults: { beforeStep?: (stepId: string) => void } = {};

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const asContractError = (e: unknown): ContractError =>
  toContractError(e) ?? { code: 'internal', message: message(e) };

export async function runSaga(ctx: HostContext, spec: SagaSpec): Promise<PromotionOutcome> {
  const action = `model.${spec.kind}`;
  const correlationId = spec.correlationId ?? randomUUID();
  const base = { actor: spec.actor, target: spec.target, correlationId };
  const steps: PromotionStep[] = spec.steps.map((s) => ({
    id: s.id,
    label: s.label,
    status: 'pending',
  }));
  const set = (index: number, status: PromotionStep['status'], detail?: string) => {
    steps[index] = { ...steps[index]!, status, ...(detail ? { detail } : {}) };
    ctx.events.emit('promotion.progress', {
      correlationId,
      kind: spec.kind,
      model: spec.model,
      alias: spec.alias,
      step: steps[index]!,
    });
  };
  const record = (step: string, result: 'ok' | 'failed' | 'compensated', detail: string) =>
    ctx.store.audit.append({
      ...base,
      action: `${action}.step`,
      result,
      details: { step, detail },
    });
  const outcome = (
    result: PromotionOutcome['result'],
    text: string,
    error?: ContractError,
  ): PromotionOutcome => ({
    correlationId,
    kind: spec.kind,
    model: spec.model,
    alias: spec.alias,
    from: spec.from,
    to: spec.to,
    result,
    message: text,
    ...(error ? { error } : {}),
    steps,
  });

  ctx.store.audit.append({
    ...base,
    action,
    from: { version: spec.from },
    to: { version: spec.to },
    reason: spec.reason,
    result: 'intent',
    details: { ...spec.details, steps: spec.steps.map((s) => s.id) },
  });

  const done: number[] = [];
  for (const [index, step] of spec.steps.entries()) {
    sagaFaults.beforeStep?.(step.id);
    set(index, 'running');
    try {
      const detail = (await step.run((d) => set(index, 'running', d))) ?? 'done';
      record(step.id, 'ok', detail);
      set(index, 'ok', detail);
      done.push(index);
    } catch (error) {
      if (error instanceof SagaInterrupted) throw error;
      const failure = asContractError(error);
      record(step.id, 'failed', failure.message);
      set(index, 'failed', failure.message);
      ctx.log.warn({ err: error, correlationId, step: step.id }, `${action} step failed`);
      const undone = await compensate(ctx, spec, done, set, record);
      if (!undone.ok) {
        // The intent stays open on purpose: the next attempt, or the next start, reconciles it
        // against the registry and the clusters and finishes the undo.
        const text = `${step.label} failed: ${failure.message}. Undoing failed too (${undone.problems.join('; ')}); the console finishes undoing it on the next try or at the next start.`;
        return outcome('failed', text, failure);
      }
      const result = 'compensated';
      const text = `${step.label} failed: ${failure.message}. Every change before it was undone; nothing is half-promoted.`;
      ctx.store.audit.append({
        ...base,
        action,
        from: { version: spec.from },
        to: { version: spec.to },
        reason: spec.reason,
        result,
        details: { failedStep: step.id, error: failure.message, undo: undone.problems },
      });
      return outcome(result, text, failure);
    }
  }
  ctx.store.audit.append({
    ...base,
    action,
    from: { version: spec.from },
    to: { version: spec.to },
    reason: spec.reason,
    result: 'ok',
    details: { steps: spec.steps.map((s) => s.id) },
  });
  return outcome('ok', `${spec.model}@${spec.alias} now points at version ${spec.to}.`);
}

async function compensate(
  ctx: HostContext,
  spec: SagaSpec,
  done: number[],
  set: (index: number, status: PromotionStep['status'], detail?: string) => void,
  record: (step: string, result: 'ok' | 'failed' | 'compensated', detail: string) => unknown,
): Promise<{ ok: boolean; problems: string[] }> {
  const problems: string[] = [];
  for (const index of [...done].reverse()) {
    const step = spec.steps[index]!;
    if (!step.undo) continue;
    try {
      const detail = (await step.undo()) ?? 'undone';
      record(step.id, 'compensated', detail);
      set(index, 'compensated', detail);
    } catch (error) {
      const text = `could not undo "${step.label}": ${message(error)}`;
      problems.push(text);
      record(step.id, 'failed', text);
      ctx.log.error({ err: error, step: step.id }, 'compensation failed');
    }
  }
  return { ok: problems.length === 0, problems };
}
