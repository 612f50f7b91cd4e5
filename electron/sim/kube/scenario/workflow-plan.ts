// An Argo workflow in a scenario is a plan: DAG steps with durations and outcomes. From the plan
// and a moment in time we can say exactly what Argo would show then, so seeded history, running
// pipelines and failures that happen "45 seconds from now" all come from the same description.
export type StepOutcome =
  'Succeeded' | 'Error' | 'OOMKilled' | 'ImagePullBackOff' | 'QuotaExceeded' | 'Unschedulable';

export interface StepPlan {
  name: string;
  template: string;
  image: string;
  command?: string[];
  args?: string[];
  dependencies: string[];
  durationMs: number;
  outcome: StepOutcome;
  /** The step starts no earlier than this (a retried step runs again from the retry on). */
  notBefore?: number;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  /** Lines printed as the step starts. */
  log?: string;
  /** Lines printed every `everyMs` while running; {i} counts up, {loss} falls. */
  progress?: { everyMs: number; line: string };
  /** Lines printed when the step ends (a traceback, a summary). */
  tail?: string;
  /** Message for stuck steps (quota, scheduling) or a failed step's termination message. */
  message?: string;
  exitCode?: number;
}

export interface WorkflowPlan {
  namespace: string;
  name: string;
  uid: string;
  entrypoint: string;
  startedAt: number;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  serviceAccountName: string;
  activeDeadlineSeconds?: number;
  /** When a retry put the workflow back to Running: its deadline counts from then, as in Argo. */
  restartedAt?: number;
  cronWorkflow?: { name: string; uid: string };
  /** The workflow never ran: phase Error with this message (e.g. a missing template). */
  error?: string;
  steps: StepPlan[];
}

export type StepState = 'absent' | 'running' | 'stuck' | 'succeeded' | 'failed' | 'omitted';

export interface StepTimes {
  step: StepPlan;
  start?: number;
  /** When the step reaches its final phase (Infinity when it never does). */
  end?: number;
  final: 'succeeded' | 'failed' | 'stuck' | 'omitted' | 'never';
  failure?: 'OOMKilled' | 'Error' | 'Deadline';
  message?: string;
}

export interface WorkflowTimes {
  steps: Map<string, StepTimes>;
  end: number;
  final: 'Succeeded' | 'Failed' | 'Running' | 'Error';
  failedAt?: number;
  message?: string;
}

const startGapMs = 2000;

/** When each step starts and ends, and how the workflow ends. Time-independent. */
export function planTimes(plan: WorkflowPlan): WorkflowTimes {
  const steps = new Map<string, StepTimes>();
  const deadline = plan.activeDeadlineSeconds
    ? (plan.restartedAt ?? plan.startedAt) + plan.activeDeadlineSeconds * 1000
    : Infinity;
  let failedAt = Infinity;
  let failureMessage: string | undefined;
  const pending = [...plan.steps];
  while (pending.length) {
    const index = pending.findIndex((s) => s.dependencies.every((d) => steps.has(d)));
    if (index < 0) throw new Error(`workflow ${plan.name}: unknown or circular dependencies`);
    const step = pending.splice(index, 1)[0]!;
    const deps = step.dependencies.map((d) => steps.get(d)!);
    if (deps.some((d) => d.final !== 'succeeded')) {
      // Argo omits every task downstream of a failure, transitively.
      const blocked = deps.find((d) => d.final === 'failed' || d.final === 'omitted');
      steps.set(
        step.name,
        blocked
          ? { step, end: Math.max(blocked.end ?? 0, 0), final: 'omitted' }
          : { step, final: 'never' },
      );
      continue;
    }
    const start = Math.max(
      plan.startedAt + 1000,
      step.notBefore ?? 0,
      ...deps.map((d) => (d.end ?? 0) + startGapMs),
    );
    if (start >= Math.min(deadline, failedAt)) {
      steps.set(step.name, { step, final: 'never' });
      continue;
    }
    if (
      step.outcome === 'ImagePullBackOff' ||
      step.outcome === 'QuotaExceeded' ||
      step.outcome === 'Unschedulable'
    ) {
      if (deadline < Infinity) {
        steps.set(step.name, {
          step,
          start,
          end: deadline,
          final: 'failed',
          failure: 'Deadline',
          message: 'Step exceeded its deadline',
        });
        failedAt = Math.min(failedAt, deadline);
        failureMessage ??= 'Step exceeded its deadline';
      } else steps.set(step.name, { step, start, end: Infinity, final: 'stuck' });
      continue;
    }
    const end = start + step.durationMs;
    if (end > deadline) {
      steps.set(step.name, {
        step,
        start,
        end: deadline,
        final: 'failed',
        failure: 'Deadline',
        message: 'Step exceeded its deadline',
      });
      failedAt = Math.min(failedAt, deadline);
      failureMessage = 'Step exceeded its deadline';
      continue;
    }
    if (step.outcome === 'OOMKilled' || step.outcome === 'Error') {
      const message =
        step.outcome === 'OOMKilled'
          ? 'OOMKilled (exit code 137)'
          : (step.message ?? `Error (exit code ${step.exitCode ?? 1})`);
      steps.set(step.name, { step, start, end, final: 'failed', failure: step.outcome, message });
      if (end < failedAt) {
        failedAt = end;
        failureMessage = undefined;
      }
      continue;
    }
    steps.set(step.name, { step, start, end, final: 'succeeded' });
  }
  const started = [...steps.values()].filter((s) => s.start !== undefined);
  const stuck = started.some((s) => s.final === 'stuck');
  const end = started.reduce((m, s) => Math.max(m, s.end ?? 0), plan.startedAt);
  if (plan.error)
    return { steps: new Map(), end: plan.startedAt, final: 'Error', message: plan.error };
  if (failedAt < Infinity)
    return {
      steps,
      end: Math.max(end, failedAt),
      final: 'Failed',
      failedAt,
      ...(failureMessage ? { message: failureMessage } : {}),
    };
  return { steps, end: stuck ? Infinity : end, final: stuck ? 'Running' : 'Succeeded' };
}

/** What a step looks like at `now`. */
export function stepStateAt(times: StepTimes, now: number): StepState {
  if (times.final === 'omitted')
    return times.end !== undefined && times.end <= now ? 'omitted' : 'absent';
  if (times.start === undefined || times.start > now) return 'absent';
  if (times.final === 'stuck') return 'stuck';
  if ((times.end ?? Infinity) > now) return 'running';
  return times.final === 'succeeded' ? 'succeeded' : times.final === 'failed' ? 'failed' : 'absent';
}

/** The next moment after `now` at which anything about the workflow changes. */
export function nextChange(
  times: WorkflowTimes,
  now: number,
  progressEveryMs = Infinity,
): number | undefined {
  let next = Infinity;
  for (const s of times.steps.values()) {
    for (const t of [s.start, s.end]) if (t !== undefined && t > now && t < next) next = t;
    if (
      s.start !== undefined &&
      s.start <= now &&
      (s.end ?? Infinity) > now &&
      s.final !== 'stuck'
    ) {
      const every = s.step.progress?.everyMs ?? progressEveryMs;
      if (every < Infinity) next = Math.min(next, now + every - ((now - s.start) % every));
    }
  }
  if (times.end > now && times.end < next) next = times.end;
  return next < Infinity ? next : undefined;
}
