// The steps of a promotion or rollback, from its plan: record the alias history in the registry,
// move the alias (refusing if it moved since the plan), patch each serving object, follow the
// rollouts. Each step that changes something knows how to put it back.
import type { HostContext } from '../../../host-context';
import type { MlflowSource } from '../../../sources/mlflow';
import { CallFailure } from '../../../transport/failure';
import {
  aliasTags,
  auditTarget,
  describeMove,
  lastMoveTo,
  tagsAfterMove,
  writeTags,
} from './alias-history';
import type { Plan } from './plan';
import type { SagaStep } from './saga';
import { applyPatch, followRollout } from './serving-cluster';

export interface StepOptions {
  rolloutTimeoutMs: number;
  pollMs: number;
}

export function rolloutOptions(env: NodeJS.ProcessEnv): StepOptions {
  const number = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    rolloutTimeoutMs: number('CONSOLE_ROLLOUT_TIMEOUT_MS', 5 * 60_000),
    pollMs: number('CONSOLE_ROLLOUT_POLL_MS', 1_000),
  };
}

export function sagaSteps(
  ctx: HostContext,
  mlflow: MlflowSource,
  plan: Plan,
  correlation: { id: string; at: string },
  opts: StepOptions,
): SagaStep[] {
  const { model, alias, from, to } = plan;
  const tagsAfter = () =>
    tagsAfterMove(alias, plan.stackAfter, {
      by: plan.actor,
      at: correlation.at,
      to,
      correlationId: correlation.id,
    });
  const steps: SagaStep[] = [
    {
      id: 'history',
      label: `Record the ${alias} history in the registry`,
      run: async () => {
        await writeTags(mlflow, model, tagsAfter());
        return `console.prev.${alias} = ${plan.stackAfter.at(-1) ?? '(none)'}; moved by ${plan.actor}`;
      },
      undo: async () => {
        await writeTags(mlflow, model, plan.tagsBefore);
        return 'history tags restored';
      },
    },
    {
      id: 'alias',
      label: `Move ${alias} from ${from === null ? 'nothing' : `version ${from}`} to version ${to}`,
      run: async () => {
        // MLflow has no compare-and-swap: re-read just before writing to narrow the race.
        const current = (await mlflow.findModelVersionByAlias(model, alias))?.version ?? null;
        if (current !== from && current !== to) {
          const tags = (await mlflow.getRegisteredModel(model)).tags;
          const target = auditTarget(plan.connection, model, alias);
          const move = lastMoveTo(aliasTags(tags, alias), alias, current, ctx.store.audit, target);
          throw new CallFailure('conflict', `${describeMove(move, alias, current)}; refused.`);
        }
        await mlflow.setAlias(model, alias, to);
        const after = (await mlflow.findModelVersionByAlias(model, alias))?.version;
        if (after !== to) {
          throw new CallFailure(
            'conflict',
            `${alias} points at ${after ?? 'nothing'} right after being set to ${to}: someone else moved it`,
          );
        }
        return `${model}@${alias} = ${to}`;
      },
      undo: async () => {
        if (from === null) await mlflow.deleteAlias(model, alias);
        else await mlflow.setAlias(model, alias, from);
        return `${model}@${alias} back to ${from ?? '(unset)'}`;
      },
    },
  ];
  for (const [index, change] of plan.serving.entries()) {
    const where = `${change.kind} ${change.namespace}/${change.name} in ${change.where.context}`;
    steps.push({
      id: `serving-${index + 1}`,
      label: `Patch ${where}: ${change.field} -> ${change.to}`,
      run: async () => {
        await applyPatch(
          change.where.clients(),
          change.kind,
          change.namespace,
          change.name,
          change.forward,
        );
        return `${change.field}: ${change.from} -> ${change.to}`;
      },
      undo: async () => {
        await applyPatch(
          change.where.clients(),
          change.kind,
          change.namespace,
          change.name,
          change.backward,
        );
        return `${change.field} back to ${change.from}`;
      },
    });
  }
  if (plan.serving.length > 0) {
    steps.push({
      id: 'rollout',
      label: 'Follow the rollout until the new version serves',
      run: async (progress) => {
        const states = await Promise.all(
          plan.serving.map(async (change) => {
            const state = await followRollout(
              change.where.clients(),
              change.kind,
              change.namespace,
              change.name,
              {
                timeoutMs: opts.rolloutTimeoutMs,
                pollMs: opts.pollMs,
                onProgress: (d) => progress(`${change.name}: ${d}`),
              },
            );
            return { change, state };
          }),
        );
        const failed = states.filter((s) => s.state.state !== 'ready');
        if (failed.length > 0) {
          throw new CallFailure(
            'upstream',
            `rollout failed: ${failed.map((f) => `${f.change.name}: ${f.state.detail}`).join('; ')}`,
          );
        }
        return states.map((s) => `${s.change.name}: ${s.state.detail}`).join('; ');
      },
    });
  }
  return steps;
}
