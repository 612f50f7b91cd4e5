// The per-model promotion policy a team keeps in its workspace file (`overrides.approvals` and
// `overrides.gates`): how many approvals a version needs, the two-person rule, and the gates it
// must pass before promotion. Keys are model names; `default` applies to every other model.
//
//   overrides:
//     approvals:
//       default: { required: 1 }
//       fraud-detector: { required: 2, twoPersonRule: true }
//     gates:
//       fraud-detector:
//         - { kind: metric, expression: "auc >= champion.auc - 0.005" }
//         - { kind: metric, name: Precision floor, expression: "precision >= 0.9" }
//         - { kind: validationRun }
//         - { kind: noDriftAlarm }
import * as z from 'zod';
import { GateExpressionError, parseGateExpression } from './gate-expression';

export const approvalRule = z
  .object({
    /** Distinct approvals a version needs before it may be promoted. */
    required: z.number().int().min(0).max(10).default(1),
    /** The approver is neither the version's registrant nor the one who requested approval. */
    twoPersonRule: z.boolean().default(true),
  })
  .strict();
export type ApprovalRule = z.infer<typeof approvalRule>;

/** A metric expression, checked when the workspace file is read so a typo names its column. */
const gateExpression = z.string().superRefine((text, ctx) => {
  try {
    parseGateExpression(text);
  } catch (error) {
    if (!(error instanceof GateExpressionError)) throw error;
    ctx.addIssue({ code: 'custom', message: `invalid gate expression: ${error.message}` });
  }
});

export const metricGate = z
  .object({
    kind: z.literal('metric'),
    /** Shown in the checklist; default: the expression itself. */
    name: z.string().min(1).optional(),
    /** e.g. `auc >= champion.auc - 0.005`; a bare metric name is the candidate's. */
    expression: gateExpression,
  })
  .strict();

export const validationRunGate = z
  .object({
    kind: z.literal('validationRun'),
    name: z.string().min(1).optional(),
    /** The version tag naming the validation run's id. */
    tag: z.string().min(1).default('validation_run_id'),
  })
  .strict();

export const noDriftAlarmGate = z
  .object({
    kind: z.literal('noDriftAlarm'),
    name: z.string().min(1).optional(),
    /** The alert label carrying the model's name. */
    label: z.string().min(1).default('model'),
    /** Alert names that count as drift; default: any alert whose name contains "drift". */
    alertNames: z.array(z.string().min(1)).optional(),
  })
  .strict();

export const gateRule = z.discriminatedUnion('kind', [
  metricGate,
  validationRunGate,
  noDriftAlarmGate,
]);
export type GateRule = z.infer<typeof gateRule>;

/** Model name (or `default`) → its approval rule. */
export const approvalsPolicy = z.record(z.string().min(1), approvalRule);
/** Model name (or `default`) → its gates; a model's own list replaces the default list. */
export const gatesPolicy = z.record(z.string().min(1), z.array(gateRule));

export interface ModelPolicy {
  approvals: ApprovalRule;
  gates: GateRule[];
  /** Where the policy came from, for the UI ("fraud-detector", "default" or "built-in"). */
  source: { approvals: string; gates: string };
}

/** Without a policy a version still needs one approval from someone else, and has no gates. */
export const builtInApprovalRule: ApprovalRule = { required: 1, twoPersonRule: true };

export function policyFor(model: string, policy: PromotionPolicy): ModelPolicy {
  const approvalsFrom = policy.approvals?.[model]
    ? model
    : policy.approvals?.default
      ? 'default'
      : 'built-in';
  const gatesFrom = policy.gates?.[model] ? model : policy.gates?.default ? 'default' : 'built-in';
  return {
    approvals: policy.approvals?.[approvalsFrom] ?? builtInApprovalRule,
    gates: policy.gates?.[gatesFrom] ?? [],
    source: { approvals: approvalsFrom, gates: gatesFrom },
  };
}

/** The name a gate is shown under. */
export function gateName(rule: GateRule): string {
  if (rule.name) return rule.name;
  if (rule.kind === 'metric') return rule.expression;
  if (rule.kind === 'validationRun') return 'A passed validation run';
  return 'No drift alarm firing';
}

/** A workspace's whole promotion policy, as `overrides` holds it. */
export interface PromotionPolicy {
  approvals?: z.infer<typeof approvalsPolicy> | undefined;
  gates?: z.infer<typeof gatesPolicy> | undefined;
}
