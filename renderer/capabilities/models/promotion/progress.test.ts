// Why the confirm button of the promotion dialog is disabled, in the user's words.
import { describe, expect, it } from 'vitest';
import type { PromotionPlan } from '../../../../shared/contract/promotion';
import { confirmBlocker } from './progress';

const plan: PromotionPlan = {
  kind: 'promote',
  connection: 'registry',
  model: 'fraud-detector',
  alias: 'champion',
  from: '3',
  to: '4',
  actor: 'alice',
  actorSource: 'the MLflow login',
  idempotencyKey: 'k',
  serving: [],
  servingProblems: [],
  registryAccess: { allowed: true },
  alreadyDone: false,
  blockers: [],
  gates: null,
};
const input = { reason: 'better AUC', override: false, overrideReason: '' };

describe('confirmBlocker', () => {
  it('allows a plan with no blocker and a reason', () => {
    expect(confirmBlocker(plan, input)).toBeUndefined();
    expect(confirmBlocker(plan, { ...input, reason: ' ' })).toMatch(/Say why/);
  });

  it('names the first blocker, an already-done move, and failing gates until overridden', () => {
    expect(confirmBlocker({ ...plan, blockers: ['403 from MLflow'] }, input)).toBe(
      '403 from MLflow',
    );
    expect(confirmBlocker({ ...plan, alreadyDone: true }, input)).toMatch(/already points at 4/);
    const gates = {
      model: 'fraud-detector',
      version: '4',
      evaluatedAt: 'now',
      champion: null,
      policy: { approvals: 'default', gates: 'default' },
      gates: [],
      passed: false,
      blocking: ['No drift alarm'],
    };
    expect(confirmBlocker({ ...plan, gates }, input)).toMatch(/No drift alarm/);
    expect(confirmBlocker({ ...plan, gates }, { ...input, override: true })).toMatch(
      /override needs a reason/,
    );
    expect(
      confirmBlocker(
        { ...plan, gates },
        { ...input, override: true, overrideReason: 'known alarm' },
      ),
    ).toBeUndefined();
  });
});
