// Which actions fit a target and whether the user may take them: the object's state decides what
// makes sense (only a failed workflow is retried; a suspended schedule is resumed), RBAC decides
// whether it is allowed, asked of the API server with SelfSubjectAccessReview.
import type {
  ActionAvailability,
  ActionTarget,
  PipelineAction,
} from '../../../../../shared/contract/pipeline-actions';
import type { KubeClients } from '../../../sources/kubernetes';
import type { KubeObjectLike } from '../normalize';
import { argo, batch, canAll, type AccessNeed } from './access';

/** What each action needs from RBAC, the same list the action itself relies on. */
export function needsOf(target: ActionTarget, action: PipelineAction): AccessNeed[] {
  const ns = target.namespace;
  switch (action) {
    case 'retry':
      // Argo's retry updates the workflow and deletes the failed steps' pods.
      return [
        argo('workflows', 'update', ns),
        { verb: 'delete', group: '', resource: 'pods', namespace: ns },
      ];
    case 'resubmit':
      return [argo('workflows', 'create', ns)];
    case 'trigger':
      return target.kind === 'CronJob'
        ? [batch('jobs', 'create', ns)]
        : [argo('workflows', 'create', ns)];
    case 'suspend':
    case 'resume':
      return target.kind === 'CronJob'
        ? [batch('cronjobs', 'patch', ns)]
        : [argo('cronworkflows', 'patch', ns)];
  }
}

export function actionsFor(
  target: ActionTarget,
  obj: KubeObjectLike,
): {
  actions: { action: PipelineAction; unavailable?: string }[];
  suspended?: boolean;
} {
  if (target.kind === 'Workflow') {
    const phase = (obj.status as { phase?: string } | undefined)?.phase;
    const failed = phase === 'Failed' || phase === 'Error';
    return {
      actions: [
        failed
          ? { action: 'retry' }
          : {
              action: 'retry',
              unavailable: `only a failed workflow can be retried; this one is ${phase ?? 'pending'}`,
            },
        { action: 'resubmit' },
      ],
    };
  }
  if (target.kind === 'CronWorkflow' || target.kind === 'CronJob') {
    const suspended = (obj.spec as { suspend?: boolean } | undefined)?.suspend === true;
    return {
      actions: [{ action: 'trigger' }, { action: suspended ? 'resume' : 'suspend' }],
      suspended,
    };
  }
  return { actions: [] };
}

export async function availability(
  clients: KubeClients,
  target: ActionTarget,
  obj: KubeObjectLike,
): Promise<{ actions: ActionAvailability[]; suspended?: boolean }> {
  const fit = actionsFor(target, obj);
  const actions = await Promise.all(
    fit.actions.map(async ({ action, unavailable }): Promise<ActionAvailability> => {
      const access = await canAll(clients, needsOf(target, action));
      if (!access.allowed)
        return { action, allowed: false, reason: access.reason ?? 'not allowed' };
      return unavailable
        ? { action, allowed: false, reason: unavailable }
        : { action, allowed: true };
    }),
  );
  return { actions, ...(fit.suspended !== undefined ? { suspended: fit.suspended } : {}) };
}
