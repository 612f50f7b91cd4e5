// What the simulated Argo controller does when a finished workflow is put back to Running (by
// `argo retry` or the console's retry, which reset its failed nodes): the steps that succeeded keep
// their history; every other step runs again from now. The simulator treats the failure as
// transient, so the re-run steps succeed, which is what a retry after a fix looks like.
import type { KubeObject } from '../api/types';
import { podName } from './workflow-step-pod';
import { planTimes, type WorkflowPlan } from './workflow-plan';

export interface RetriedPlan {
  plan: WorkflowPlan;
  /** Names of the steps that run again. */
  steps: Set<string>;
  /** Their pod names, whose old logs and event keys are forgotten. */
  pods: Set<string>;
}

export function retryPlan(plan: WorkflowPlan, obj: KubeObject, now: number): RetriedPlan {
  const times = planTimes(plan);
  const steps = new Set<string>();
  const pods = new Set<string>();
  const next = plan.steps.map((step) => {
    const t = times.steps.get(step.name);
    if (t?.final === 'succeeded' && (t.end ?? Infinity) <= now) return step;
    steps.add(step.name);
    pods.add(podName(plan, step));
    return {
      ...step,
      outcome: 'Succeeded' as const,
      durationMs: Math.max(step.durationMs, 20_000),
      notBefore: now + 1000,
    };
  });
  const { error: _error, ...rest } = plan;
  void _error;
  return {
    plan: {
      ...rest,
      steps: next,
      restartedAt: now,
      // The retry's own marks (the console's retry key) stay on the workflow.
      annotations: { ...(plan.annotations ?? {}), ...(obj.metadata.annotations ?? {}) },
    },
    steps,
    pods,
  };
}
