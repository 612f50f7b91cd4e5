// Fixtures for monitoring.test.ts.
import type { PipelineRun } from '../../../../shared/contract/pipelines';
import { failureAnnotations } from './annotations';

const run = (name: string, status: PipelineRun['status'], finishedAt: string): PipelineRun => ({
  id: `c/x/Workflow/ml/${name}`,
  connection: 'c',
  context: 'x',
  namespace: 'ml',
  kind: 'Workflow',
  name,
  status,
  finishedAt,
  cause: { kind: 'oom', summary: 'OOMKilled' } as PipelineRun['cause'] & object,
});

export function annotationsFromRuns() {
  return failureAnnotations(
    [
      run('train-1', 'Failed', '2026-11-26T10:00:00Z'),
      run('train-2', 'Succeeded', '2026-11-26T10:05:00Z'),
      run('train-3', 'Failed', '2026-11-20T10:00:00Z'),
    ],
    Date.parse('2026-11-26T00:00:00Z'),
    Date.parse('2026-11-27T00:00:00Z'),
  );
}
