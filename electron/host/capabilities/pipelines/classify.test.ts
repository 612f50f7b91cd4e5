import { describe, expect, it } from 'vitest';
import { classifyFailure } from './classify';
import { jobRun, workflowRun } from './normalize';

const cluster = { connection: 'c', context: 'prod' };

const workflow = (nodes: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Workflow',
  metadata: {
    name: 'train-1',
    namespace: 'fraud',
    uid: 'u1',
    labels: { 'ml-platform.example/model': 'fraud-detector' },
    ownerReferences: [{ kind: 'CronWorkflow', name: 'nightly' }],
    managedFields: [{ manager: 'argo' }],
  },
  status: {
    phase: 'Failed',
    startedAt: '2026-01-01T02:00:00Z',
    finishedAt: '2026-01-01T02:40:00Z',
    message: "child 'train-1-123' failed",
    nodes,
    ...extra,
  },
});

describe('normalizing and classifying runs', () => {
  it('reads an OOMKilled Argo step: failed step, owner, model, duration', () => {
    const run = workflowRun(
      cluster,
      workflow({
        a: {
          id: 'a',
          displayName: 'extract',
          type: 'Pod',
          phase: 'Succeeded',
          startedAt: '2026-01-01T02:00:00Z',
        },
        b: {
          id: 'b',
          displayName: 'train',
          type: 'Pod',
          phase: 'Failed',
          message: 'OOMKilled (exit code 137)',
          startedAt: '2026-01-01T02:10:00Z',
          outputs: { exitCode: '137' },
        },
        'train-1': { id: 'train-1', type: 'DAG', phase: 'Failed' },
      }),
    );
    expect(run).toMatchObject({
      id: 'c/prod/Workflow/fraud/train-1',
      status: 'Failed',
      failedStep: 'train',
      model: 'fraud-detector',
      owner: { kind: 'CronWorkflow', name: 'nightly' },
      durationMs: 40 * 60_000,
      cause: { kind: 'OOMKilled' },
    });
    expect(JSON.stringify(run)).not.toContain('managedFields');
  });

  it('names a pending step stuck on an image pull, quota or scheduling while the run still runs', () => {
    const stuck = (message: string) =>
      workflowRun(
        cluster,
        workflow(
          { b: { id: 'b', displayName: 'backfill', type: 'Pod', phase: 'Pending', message } },
          { phase: 'Running', finishedAt: null, message: undefined },
        ),
      );
    expect(stuck('ImagePullBackOff: Back-off pulling image "x:1.9.1-rc"').cause?.kind).toBe(
      'ImagePull',
    );
    expect(
      stuck('pods "p" is forbidden: exceeded quota: feature-store-quota, requested: requests.cpu=8')
        .cause?.kind,
    ).toBe('QuotaExceeded');
    const gpu = stuck('Unschedulable: 0/10 nodes are available: insufficient nvidia.com/gpu.');
    expect(gpu.cause).toMatchObject({
      kind: 'Unschedulable',
      summary: expect.stringMatching(/GPU/),
    });
    expect(gpu.status).toBe('Running');
  });

  it('reads Job conditions: backoff limit and deadline', () => {
    const job = (reason: string, message: string) =>
      jobRun(cluster, {
        kind: 'Job',
        metadata: {
          name: 'j',
          namespace: 'ml',
          ownerReferences: [{ kind: 'CronJob', name: 'report' }],
        },
        status: {
          startTime: '2026-01-01T00:00:00Z',
          failed: 3,
          conditions: [
            { type: 'FailureTarget', status: 'True', reason, message },
            {
              type: 'Failed',
              status: 'True',
              reason,
              message,
              lastTransitionTime: '2026-01-01T00:02:00Z',
            },
          ],
        },
      });
    expect(
      job('BackoffLimitExceeded', 'Job has reached the specified backoff limit'),
    ).toMatchObject({
      status: 'Failed',
      durationMs: 120_000,
      owner: { kind: 'CronJob', name: 'report' },
      cause: { kind: 'BackoffLimitExceeded' },
    });
    expect(
      job('DeadlineExceeded', 'Job was active longer than specified deadline').cause?.kind,
    ).toBe('DeadlineExceeded');
  });

  it('finds a schema error in the log tail, and prefers it to the generic backoff', () => {
    const cause = classifyFailure({
      messages: ['Error (exit code 1)'],
      conditions: [{ reason: 'BackoffLimitExceeded' }],
      logTail: [
        'Traceback (most recent call last):',
        'pandera.errors.SchemaErrors: {',
        "ERROR input does not match churn_features_v7; upstream export changed 'tenure_months' -> 'tenure_days'",
      ],
    });
    expect(cause?.kind).toBe('DataError');
    expect(cause?.evidence).toMatch(/does not match churn_features_v7/);
  });

  it('reads evicted pods, failed creates from events, and terminated containers', () => {
    expect(
      classifyFailure({
        messages: [],
        pods: [{ reason: 'Evicted', message: 'The node was low on memory.' }],
      })?.kind,
    ).toBe('Evicted');
    expect(
      classifyFailure({
        messages: [],
        events: [
          {
            reason: 'FailedCreate',
            message: 'Error creating: pods "x" is forbidden: exceeded quota: gpu-quota',
          },
        ],
      })?.kind,
    ).toBe('QuotaExceeded');
    expect(
      classifyFailure({ messages: [], containers: [{ reason: 'OOMKilled', exitCode: 137 }] })?.kind,
    ).toBe('OOMKilled');
    expect(classifyFailure({ messages: [], containers: [{ reason: 'ErrImagePull' }] })?.kind).toBe(
      'ImagePull',
    );
  });

  it('falls back to the last log line, and to nothing when there is no evidence', () => {
    expect(
      classifyFailure({
        messages: ['Error (exit code 1)'],
        logTail: ['requests.exceptions.HTTPError: 503 Server Error', ''],
      }),
    ).toMatchObject({ kind: 'Other', evidence: 'requests.exceptions.HTTPError: 503 Server Error' });
    expect(classifyFailure({ messages: [] })).toBeUndefined();
  });

  it('survives malformed objects: no status, unknown phase', () => {
    expect(workflowRun(cluster, { metadata: { name: 'w', namespace: 'n' } }).status).toBe(
      'Pending',
    );
    expect(
      workflowRun(cluster, { metadata: { name: 'w', namespace: 'n' }, status: { phase: 'Weird' } })
        .status,
    ).toBe('Unknown');
    expect(jobRun(cluster, { metadata: { name: 'j', namespace: 'n' } }).status).toBe('Pending');
  });
});
