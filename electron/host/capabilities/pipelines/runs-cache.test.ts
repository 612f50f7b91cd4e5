import { afterEach, describe, expect, it, vi } from 'vitest';
import { calls } from '../../../../shared/contract';
import type { PipelineRun } from '../../../../shared/contract/pipelines';
import { silentLogger } from '../../log/logger';
import { openStore, type Store } from '../../store';
import { temporaryDataDirs } from '../../store/test-support';
import { createDispatcher, type Handlers } from '../../transport/dispatcher';
import { pipelinesHandlers } from './handlers';
import type { PipelineWatches } from './pipeline-watches';
import { readCachedRuns, writeClusterCache } from './runs-cache';
import { oneClusterWorkspace } from './test-support';

const dirs = temporaryDataDirs();
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  dirs.cleanup();
});

function setUp() {
  const store = openStore({ dataDir: dirs.make() });
  stores.push(store);
  const workspace = oneClusterWorkspace();
  const ref = { connection: 'prod', context: 'east' };
  const ctx = { store };
  const watches = { fromCache: () => readCachedRuns(ctx, workspace) } as PipelineWatches;
  const dispatcher = createDispatcher(
    pipelinesHandlers({} as never, watches) as unknown as Handlers,
    silentLogger(),
  );
  return { store, workspace, ref, ctx, dispatcher };
}

const run = (name: string): PipelineRun => ({
  id: `prod/east/Workflow/ml/${name}`,
  connection: 'prod',
  context: 'east',
  namespace: 'ml',
  kind: 'Workflow',
  name,
  status: 'Failed',
  startedAt: '2026-11-26T02:00:00Z',
});

describe('the pipelines snapshot', () => {
  it('is checked as it is cached, and answered from it without a second check', async () => {
    const { workspace, ref, ctx, dispatcher } = setUp();
    // A key the contract does not know is dropped on the way in, as the answer's check would.
    const extra = { ...run('train-1'), managedFields: [{ manager: 'argo' }] };
    writeClusterCache(ctx, workspace, ref, {
      runs: [extra, run('train-2')],
      asOf: '2026-11-26T03:00:00Z',
    });

    const cached = readCachedRuns(ctx, workspace);
    expect(cached.checked).toBe(true);
    expect(cached.runs[0]).toEqual(run('train-1'));

    const check = vi.spyOn(calls['pipelines.runs'].output, 'safeParse');
    const answer = await dispatcher.invoke(
      'pipelines.runs',
      { from: 'cache' },
      { transport: 'test' },
    );
    expect(check).not.toHaveBeenCalled();
    check.mockRestore();
    expect(answer).toEqual({
      ok: true,
      value: {
        value: {
          runs: [run('train-1'), run('train-2')],
          clusters: [
            {
              connection: 'prod',
              context: 'east',
              state: 'cached',
              asOf: '2026-11-26T03:00:00Z',
              problems: [],
            },
          ],
        },
        freshness: { asOf: '2026-11-26T03:00:00Z', stale: true },
      },
    });
    expect(calls['pipelines.runs'].output.safeParse(answer.ok && answer.value).success).toBe(true);
  });

  it('refuses to cache runs the contract refuses, keeping the last good snapshot', () => {
    const { workspace, ref, ctx } = setUp();
    writeClusterCache(ctx, workspace, ref, { runs: [run('good')], asOf: '2026-11-26T03:00:00Z' });
    const broken = { ...run('bad'), status: 'Exploded' } as unknown as PipelineRun;
    expect(() =>
      writeClusterCache(ctx, workspace, ref, { runs: [broken], asOf: '2026-11-26T04:00:00Z' }),
    ).toThrow(/contract refuses.*status/);
    expect(readCachedRuns(ctx, workspace).runs.map((r) => r.name)).toEqual(['good']);
  });

  it('from an older console (not checked by this contract) goes through the full check', async () => {
    const { store, workspace, ctx, dispatcher } = setUp();
    // Written before snapshots carried the contract they were checked by, with a run that no
    // longer passes: the answer is refused as broken, not handed to the window.
    store.snapshots.put(
      workspace.snapshotSource('prod'),
      'pipelines.runs.east',
      { runs: [{ ...run('old'), status: 'Exploded' }], asOf: '2026-11-20T00:00:00Z' },
      '2026-11-20T00:00:00Z',
    );
    expect(readCachedRuns(ctx, workspace).checked).toBe(false);
    const answer = await dispatcher.invoke(
      'pipelines.runs',
      { from: 'cache' },
      { transport: 'test' },
    );
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.code).toBe('bad_response');
  });
});
