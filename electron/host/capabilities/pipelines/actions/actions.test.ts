import { describe, expect, it } from 'vitest';
import { actionsFor } from './availability';
import { cronJobRun, cronWorkflowRun, derivedName, resubmission } from './run-now';
import { formulateRetry, NotRetryable } from './workflow-retry';

const failed = {
  metadata: {
    name: 'train-1',
    namespace: 'fraud',
    resourceVersion: '42',
    labels: {
      'workflows.argoproj.io/completed': 'true',
      'workflows.argoproj.io/phase': 'Failed',
      'workflows.argoproj.io/creator': 'alice',
      team: 'fraud',
    },
  },
  spec: { entrypoint: 'main', shutdown: 'Terminate', templates: [] },
  status: {
    phase: 'Failed',
    message: 'child failed',
    finishedAt: '2026-11-26T02:30:00Z',
    conditions: [{ type: 'Completed', status: 'True' }],
    nodes: {
      'train-1': { id: 'train-1', name: 'train-1', type: 'DAG', phase: 'Failed', message: 'x' },
      a: { id: 'a', name: 'train-1.extract', type: 'Pod', phase: 'Succeeded' },
      b: { id: 'b', name: 'train-1.train', type: 'Pod', phase: 'Failed', message: 'OOMKilled' },
      c: { id: 'c', name: 'train-1.evaluate', type: 'Skipped', phase: 'Omitted' },
    },
  },
};

describe('retry, as Argo formulates it', () => {
  it('keeps succeeded steps, drops failed and omitted ones, resets the DAG node and the phase', () => {
    const plan = formulateRetry(failed, 'key-1', new Date('2026-11-26T08:00:00.123Z'));
    const status = plan.workflow.status as {
      phase: string;
      nodes: Record<string, { phase: string; message?: string }>;
      finishedAt: unknown;
      message?: string;
      startedAt: string;
      conditions: unknown[];
    };
    expect(Object.keys(status.nodes).sort()).toEqual(['a', 'train-1']);
    expect(status.nodes['train-1']).toMatchObject({ phase: 'Running' });
    expect(status.nodes['train-1']?.message).toBeUndefined();
    expect(status).toMatchObject({
      phase: 'Running',
      finishedAt: null,
      startedAt: '2026-11-26T08:00:00Z',
    });
    expect(status.message).toBeUndefined();
    expect(status.conditions).toEqual([{ type: 'Completed', status: 'False' }]);
    expect(plan.podNodeIds).toEqual(['b']);
    const meta = plan.workflow.metadata as {
      labels: Record<string, string>;
      annotations: Record<string, string>;
      resourceVersion: string;
    };
    expect(meta.labels['workflows.argoproj.io/completed']).toBeUndefined();
    expect(meta.labels['workflows.argoproj.io/phase']).toBe('Running');
    expect(meta.annotations['mlops-console.io/retry-key']).toBe('key-1');
    // The update is conditional on the version it was computed from.
    expect(meta.resourceVersion).toBe('42');
    expect((plan.workflow.spec as { shutdown?: string }).shutdown).toBeUndefined();
  });

  it('refuses a workflow that is not failed, or still has a step running', () => {
    expect(() =>
      formulateRetry({ ...failed, status: { phase: 'Running' } }, 'k', new Date()),
    ).toThrow(NotRetryable);
    const stillRunning = {
      ...failed,
      status: {
        ...failed.status,
        nodes: { x: { id: 'x', type: 'Pod', phase: 'Running', name: 'w.x' } },
      },
    };
    expect(() => formulateRetry(stillRunning, 'k', new Date())).toThrow(
      /cannot be retried until it ends/,
    );
  });
});

describe('objects an action creates', () => {
  it('names them from the idempotency key, short enough for a Job', () => {
    const name = derivedName('a'.repeat(80), 'manual', 'key-1');
    expect(name.length).toBeLessThanOrEqual(52);
    expect(derivedName('nightly', 'manual', 'key-1')).toBe(
      derivedName('nightly', 'manual', 'key-1'),
    );
    expect(derivedName('nightly', 'manual', 'key-1')).not.toBe(
      derivedName('nightly', 'manual', 'key-2'),
    );
  });

  it('resubmits with the spec, without controller labels, labelled with its origin', () => {
    const wf = resubmission(failed, 'key-1');
    expect(wf.metadata.labels).toEqual({
      team: 'fraud',
      'workflows.argoproj.io/resubmitted-from-workflow': 'train-1',
    });
    expect((wf.spec as { shutdown?: string }).shutdown).toBeUndefined();
  });

  it('runs a CronJob as kubectl create job --from does', () => {
    const job = cronJobRun(
      {
        metadata: { name: 'drift', namespace: 'ml', uid: 'u1' },
        spec: {
          jobTemplate: { metadata: { labels: { app: 'drift' } }, spec: { backoffLimit: 2 } },
        },
      },
      'key-1',
    );
    expect(job.metadata.annotations?.['cronjob.kubernetes.io/instantiate']).toBe('manual');
    expect(job.metadata.ownerReferences).toEqual([
      { apiVersion: 'batch/v1', kind: 'CronJob', name: 'drift', uid: 'u1', controller: true },
    ]);
    expect(job.metadata.labels).toEqual({ app: 'drift' });
    expect(job.spec).toEqual({ backoffLimit: 2 });
  });

  it('runs a CronWorkflow with its workflowSpec, labelled and owned by it', () => {
    const wf = cronWorkflowRun(
      {
        metadata: { name: 'nightly', namespace: 'fraud', uid: 'u2' },
        spec: { workflowSpec: { entrypoint: 'main' } },
      },
      'key-1',
      new Date('2026-11-26T08:00:00Z'),
    );
    expect(wf.metadata.labels?.['workflows.argoproj.io/cron-workflow']).toBe('nightly');
    expect(wf.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'CronWorkflow', uid: 'u2' });
    expect(wf.spec).toEqual({ entrypoint: 'main' });
  });

  it('offers retry only on a failed workflow, and resume only on a suspended schedule', () => {
    const t = { connection: 'c', context: 'x', namespace: 'n', name: 'w' };
    expect(
      actionsFor({ ...t, kind: 'Workflow' }, { status: { phase: 'Running' } }).actions[0],
    ).toMatchObject({
      action: 'retry',
      unavailable: expect.stringMatching(/only a failed workflow/),
    });
    expect(actionsFor({ ...t, kind: 'CronJob' }, { spec: { suspend: true } })).toEqual({
      actions: [{ action: 'trigger' }, { action: 'resume' }],
      suspended: true,
    });
  });
});
