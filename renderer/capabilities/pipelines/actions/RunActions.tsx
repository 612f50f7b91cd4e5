// The actions that fit a run: retry and resubmit for an Argo Workflow, and, when the run came from
// a CronWorkflow or CronJob, that schedule's "run now" and suspend/resume.
import type { ActionTarget } from '../../../../shared/contract/pipeline-actions';
import type { PipelineRun } from '../../../../shared/contract/pipelines';
import { PipelineActions } from './PipelineActions';

export function RunActions({ run }: { run: PipelineRun }) {
  const base = { connection: run.connection, context: run.context, namespace: run.namespace };
  const schedule: ActionTarget | undefined =
    run.owner && (run.owner.kind === 'CronWorkflow' || run.owner.kind === 'CronJob')
      ? { ...base, kind: run.owner.kind, name: run.owner.name }
      : undefined;
  return (
    <>
      {run.kind === 'Workflow' && (
        <PipelineActions target={{ ...base, kind: 'Workflow', name: run.name }} label="This run" />
      )}
      {schedule && <PipelineActions target={schedule} label={`Schedule ${schedule.name}`} />}
    </>
  );
}
