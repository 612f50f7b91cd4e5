// Live steps of a running promotion or rollback, from the host's `promotion.progress` events, and
// the pure helpers the dialog uses (tested without rendering).
import { useEffect, useState } from 'react';
import type {
  PromotionKind,
  PromotionPlan,
  PromotionStep,
} from '../../../../shared/contract/promotion';
import { useBridge } from '../../../data/bridge-context';

/** Steps of the saga for this model and alias as they arrive, in first-seen order. */
export function useLiveSteps(active: { kind: PromotionKind; model: string; alias: string } | null) {
  const bridge = useBridge();
  const [steps, setSteps] = useState<PromotionStep[]>([]);
  const key = active ? `${active.kind}|${active.model}|${active.alias}` : '';
  useEffect(() => {
    setSteps([]);
    if (!key) return undefined;
    const [kind, model, alias] = key.split('|');
    return bridge.listen((topic, payload) => {
      if (topic !== 'promotion.progress') return;
      const p = payload as {
        kind: string;
        model: string;
        alias: string;
        step: PromotionStep;
      };
      if (p.kind !== kind || p.model !== model || p.alias !== alias) return;
      setSteps((all) => {
        const at = all.findIndex((s) => s.id === p.step.id);
        if (at < 0) return [...all, p.step];
        const next = [...all];
        next[at] = p.step;
        return next;
      });
    });
  }, [bridge, key]);
  return steps;
}

/** Why the confirm button is disabled, or undefined when it may be pressed. */
export function confirmBlocker(
  plan: PromotionPlan,
  input: { reason: string; override: boolean; overrideReason: string },
): string | undefined {
  if (plan.alreadyDone) return `${plan.model}@${plan.alias} already points at ${plan.to}`;
  if (plan.blockers.length > 0) return plan.blockers[0];
  if (plan.gates && !plan.gates.passed) {
    if (!input.override) return `Blocked by the gates: ${plan.gates.blocking.join(', ')}`;
    if (input.overrideReason.trim().length < 3) return 'An override needs a reason';
  }
  if (input.reason.trim().length < 3) return 'Say why (at least 3 characters)';
  return undefined;
}

export const stepIcon: Record<PromotionStep['status'], string> = {
  pending: '○',
  running: '◐',
  ok: '✓',
  failed: '✗',
  compensated: '↺',
  skipped: '–',
};
