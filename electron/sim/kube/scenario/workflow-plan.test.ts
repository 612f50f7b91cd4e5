import { describe, expect, it } from 'vitest';
import { nodeId, podName, renderWorkflow } from './workflow-objects';
import { nextChange, planTimes, type StepPlan, type WorkflowPlan } from './workflow-plan';

const t0 = Date.parse('2026-03-01T02:00:00Z');
const step = (
  name: string,
  deps: string[],
  minutes: number,
  extra: Partial<StepPlan> = {},
): StepPlan => ({
  name,
  template: name,
  image: 'img:1',
  dependencies: deps,
  durationMs: minutes * 60_000,
  outcome: 'Succeeded',
  ...extra,
});
const plan = (steps: StepPlan[], extra: Partial<WorkflowPlan> = {}): WorkflowPlan => ({
  namespace: 'ml',
  name: 'train-abc',
  uid: 'uid-1',
  entrypoint: 'pipeline',
  startedAt: t0,
  labels: {},
  serviceAccountName: 'argo',
  steps,
  ...extra,
});
const place = () => ({ name: 'node-1', ip: '10.0.0.1' });

describe('workflow plans', () => {
  it('runs steps after their dependencies and succeeds at the end', () => {
    const times = planTimes(
      plan([step('a', [], 5), step('b', ['a'], 10), step('c', ['a'], 2), step('d', ['b', 'c'], 1)]),
    );
    const a = times.steps.get('a')!;
    const d = times.steps.get('d')!;
    expect(a.start).toBe(t0 + 1000);
    expect(times.steps.get('b')!.start).toBe(a.end! + 2000);
    expect(d.start).toBe(times.steps.get('b')!.end! + 2000);
    expect(times.final).toBe('Succeeded');
    expect(times.end).toBe(d.end);
  });

  it('fails on OOMKilled and omits everything downstream', () => {
    const times = planTimes(
      plan([
        step('a', [], 5),
        step('train', ['a'], 30, { outcome: 'OOMKilled' }),
        step('eval', ['train'], 5),
        step('register', ['eval'], 1),
      ]),
    );
    expect(times.final).toBe('Failed');
    expect(times.steps.get('train')).toMatchObject({
      final: 'failed',
      failure: 'OOMKilled',
      message: 'OOMKilled (exit code 137)',
    });
    expect(times.steps.get('eval')!.final).toBe('omitted');
    expect(times.steps.get('register')!.final).toBe('omitted');
  });

  it('cuts a step at activeDeadlineSeconds', () => {
    const times = planTimes(
      plan([step('a', [], 5), step('train', ['a'], 300)], { activeDeadlineSeconds: 3600 }),
    );
    expect(times.steps.get('train')).toMatchObject({
      final: 'failed',
      failure: 'Deadline',
      end: t0 + 3_600_000,
    });
    expect(times).toMatchObject({ final: 'Failed', message: 'Step exceeded its deadline' });
  });

  it('keeps image-pull and quota problems pending forever', () => {
    const times = planTimes(plan([step('a', [], 5, { outcome: 'ImagePullBackOff' })]));
    expect(times.final).toBe('Running');
    expect(times.end).toBe(Infinity);
  });

  it('renders what Argo shows at each moment: node ids, pod names, phases and messages', () => {
    const p = plan([
      step('extract', [], 5),
      step('train', ['extract'], 30, {
        outcome: 'OOMKilled',
        template: 'train-xgboost',
        log: 'starting',
        tail: 'boom',
      }),
    ]);
    const running = renderWorkflow(p, t0 + 10 * 60_000, place);
    const status = running.workflow['status'] as {
      phase: string;
      progress: string;
      nodes: Record<
        string,
        {
          phase: string;
          templateName: string;
          displayName: string;
          type: string;
          boundaryID?: string;
          message?: string;
        }
      >;
    };
    expect(status.phase).toBe('Running');
    expect(status.progress).toBe('1/2');
    const trainId = nodeId(p, 'train');
    expect(trainId).toMatch(/^train-abc-\d+$/);
    expect(status.nodes[trainId]).toMatchObject({
      phase: 'Running',
      templateName: 'train-xgboost',
      displayName: 'train',
      type: 'Pod',
      boundaryID: 'train-abc',
    });
    expect(status.nodes['train-abc']).toMatchObject({ type: 'DAG', phase: 'Running' });
    expect(running.pods.map((x) => x.metadata.name)).toEqual([
      podName(p, p.steps[0]!),
      podName(p, p.steps[1]!),
    ]);
    expect(podName(p, p.steps[1]!)).toBe(`train-abc-train-xgboost-${trainId.split('-').pop()}`);
    expect(running.workflow.metadata.labels?.['workflows.argoproj.io/phase']).toBe('Running');

    const failed = renderWorkflow(p, t0 + 60 * 60_000, place);
    const fs = failed.workflow['status'] as typeof status & { message: string; finishedAt: string };
    expect(fs.phase).toBe('Failed');
    expect(fs.message).toBe(`child '${trainId}' failed`);
    expect(fs.nodes[trainId]).toMatchObject({
      phase: 'Failed',
      message: 'OOMKilled (exit code 137)',
    });
    const pod = failed.pods[1]!;
    expect(pod['status']).toMatchObject({ phase: 'Failed' });
    const main = (
      pod['status'] as {
        containerStatuses: {
          name: string;
          state: { terminated?: { reason: string; exitCode: number } };
        }[];
      }
    ).containerStatuses.find((c) => c.name === 'main');
    expect(main?.state.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
    const mainLog = failed.logs
      .filter((l) => l.container === 'main' && l.pod === pod.metadata.name)
      .map((l) => l.text);
    expect(mainLog).toEqual(['starting', 'boom', 'Killed']);
    expect(failed.events.some((e) => e.reason === 'WorkflowFailed')).toBe(true);
    expect(
      failed.events.some(
        (e) => e.reason === 'OOMKilling' && typeof e.target === 'object' && 'node' in e.target,
      ),
    ).toBe(true);
  });

  it('says when the next change happens, including progress lines', () => {
    const p = plan([step('train', [], 30, { progress: { everyMs: 60_000, line: 'epoch {i}' } })]);
    const times = planTimes(p);
    expect(nextChange(times, t0)).toBe(t0 + 1000);
    expect(nextChange(times, t0 + 1000 + 30_000)).toBe(t0 + 1000 + 60_000);
    expect(nextChange(times, t0 + 2 * 3_600_000)).toBeUndefined();
  });
});
