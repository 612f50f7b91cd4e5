// What each action is called and what its confirmation says, in the user's words.
import type { ActionTarget, PipelineAction } from '../../../../shared/contract/pipeline-actions';

export const actionLabel: Record<PipelineAction, string> = {
  retry: 'Retry',
  resubmit: 'Resubmit',
  trigger: 'Run now',
  suspend: 'Suspend schedule',
  resume: 'Resume schedule',
};

export function confirmText(
  action: PipelineAction,
  t: ActionTarget,
): { title: string; body: string } {
  const where = `${t.namespace} on ${t.context}`;
  switch (action) {
    case 'retry':
      return {
        title: `Retry ${t.name}?`,
        body: `The failed steps of workflow ${t.name} (${where}) run again; the steps that succeeded are kept, as argo retry does. Their old pods are deleted.`,
      };
    case 'resubmit':
      return {
        title: `Resubmit ${t.name}?`,
        body: `A new workflow runs from the whole spec of ${t.name} (${where}), labelled as resubmitted from it.`,
      };
    case 'trigger':
      return t.kind === 'CronJob'
        ? {
            title: `Run ${t.name} now?`,
            body: `A Job is created now from the jobTemplate of CronJob ${t.name} (${where}), as kubectl create job --from=cronjob/${t.name} does. The schedule is unchanged.`,
          }
        : {
            title: `Run ${t.name} now?`,
            body: `A workflow starts now from CronWorkflow ${t.name} (${where}), as argo submit --from cronwf/${t.name} does. The schedule is unchanged.`,
          };
    case 'suspend':
      return {
        title: `Suspend ${t.name}?`,
        body: `No new runs of ${t.kind} ${t.name} (${where}) will start until it is resumed. Runs already going carry on.`,
      };
    case 'resume':
      return {
        title: `Resume ${t.name}?`,
        body: `${t.kind} ${t.name} (${where}) starts its runs on schedule again.`,
      };
  }
}

/** One key per confirmation: a double click or a retried call does the work once. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c?.randomUUID) return c.randomUUID();
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
