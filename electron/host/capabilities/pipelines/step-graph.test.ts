import { describe, expect, it } from 'vitest';
import { workflowStepGraph } from './step-graph';

const dag = {
  metadata: { name: 'wf' },
  spec: {
    entrypoint: 'main',
    templates: [
      {
        name: 'main',
        dag: {
          tasks: [
            { name: 'extract', template: 'x' },
            { name: 'train', template: 't', dependencies: ['extract'] },
            { name: 'evaluate', template: 'e', depends: 'train.Succeeded' },
            { name: 'register', template: 'r', dependencies: ['evaluate'] },
          ],
        },
      },
    ],
  },
  status: {
    phase: 'Failed',
    nodes: {
      wf: { id: 'wf', type: 'DAG', phase: 'Failed', children: ['a'] },
      a: {
        id: 'a',
        displayName: 'extract',
        type: 'Pod',
        phase: 'Succeeded',
        startedAt: '2026-11-26T02:00:00Z',
        finishedAt: '2026-11-26T02:01:00Z',
        children: ['b'],
      },
      b: {
        id: 'b',
        displayName: 'train',
        type: 'Pod',
        phase: 'Failed',
        startedAt: '2026-11-26T02:01:02Z',
        finishedAt: '2026-11-26T02:05:00Z',
        message: 'OOMKilled',
        children: ['c'],
      },
      c: { id: 'c', displayName: 'evaluate', type: 'Skipped', phase: 'Omitted' },
    },
  },
};

describe('a workflow as a graph of steps', () => {
  it('reads edges from children and the spec, and adds the tasks not started yet', () => {
    const steps = workflowStepGraph(dag, Date.parse('2026-11-26T03:00:00Z'));
    const by = Object.fromEntries(steps.map((s) => [s.name, s]));
    expect(by['train']).toMatchObject({ dependsOn: ['a'], failed: true, durationMs: 238_000 });
    expect(by['evaluate']?.dependsOn).toEqual(['b']);
    expect(by['register']).toMatchObject({
      id: 'task:register',
      phase: 'Not started',
      dependsOn: ['c'],
    });
  });

  it('walks through step groups of a steps template', () => {
    const steps = workflowStepGraph({
      metadata: { name: 'wf' },
      status: {
        nodes: {
          wf: { id: 'wf', type: 'Steps', phase: 'Succeeded', children: ['g0'] },
          g0: { id: 'g0', type: 'StepGroup', children: ['p1', 'p2'] },
          p1: {
            id: 'p1',
            displayName: 'prep-a',
            type: 'Pod',
            phase: 'Succeeded',
            children: ['g1'],
          },
          p2: {
            id: 'p2',
            displayName: 'prep-b',
            type: 'Pod',
            phase: 'Succeeded',
            children: ['g1'],
          },
          g1: { id: 'g1', type: 'StepGroup', children: ['p3'] },
          p3: { id: 'p3', displayName: 'fit', type: 'Pod', phase: 'Succeeded' },
        },
      },
    });
    expect(steps.find((s) => s.name === 'fit')?.dependsOn.sort()).toEqual(['p1', 'p2']);
  });
});
