// The drift engine's calls: start a comparison (worker thread, cached), read its progress and
// report, cancel it, export it, inspect a file's columns, and suggest files to compare. Data
// faults (a missing column, a truncated file) answer bad_request with the message naming them.

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { simAssetsDir } from '../../../sim/assets-dir';
import type { HostContext } from '../../host-context';
import type { Handlers } from '../../transport/dispatcher';
import { CallFailure } from '../../transport/failure';
import { DatasetFault } from './datasets/dataset-fault';
import type { DriftRuns } from './runner/drift-runs';
import { reportHtml, reportMarkdown } from './runner/report-export';

type DriftHandlers = Pick<
  Handlers,
  | 'drift.start'
  | 'drift.run'
  | 'drift.cancel'
  | 'drift.export'
  | 'drift.inspect'
  | 'drift.suggestions'
>;

/** The demo's two sample files (derived from vega-datasets' flights), shipped with the simulators. */
export function demoDatasetsDir(): string {
  return join(simAssetsDir(), 'drift');
}

async function asFailure<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DatasetFault) throw new CallFailure('bad_request', error.message);
    throw error;
  }
}

export function driftHandlers(ctx: HostContext, runs: DriftRuns): DriftHandlers {
  const known = (runId: string) => {
    const run = runs.get(runId);
    if (!run)
      throw new CallFailure(
        'not_found',
        'This comparison is no longer known to the host; run it again (the cache makes it quick)',
      );
    return run;
  };
  return {
    'drift.start': (request) => asFailure(() => runs.start(request)),
    'drift.run': ({ runId }) => Promise.resolve(known(runId)),
    'drift.cancel': ({ runId }) => {
      known(runId);
      const { report: _r, cached: _c, ...progress } = runs.cancel(runId)!;
      return Promise.resolve(progress);
    },
    'drift.export': ({ runId, format }) => {
      const run = known(runId);
      if (!run.report) throw new CallFailure('conflict', 'The comparison has no report yet');
      const stamp = run.report.computedAt.slice(0, 19).replace(/[:T]/g, '-');
      return Promise.resolve(
        format === 'html'
          ? {
              fileName: `drift-report-${stamp}.html`,
              mediaType: 'text/html',
              content: reportHtml(run.report),
            }
          : {
              fileName: `drift-report-${stamp}.md`,
              mediaType: 'text/markdown',
              content: reportMarkdown(run.report),
            },
      );
    },
    // The readers (Parquet codecs, CSV) load on first use: the window's start does not wait for them.
    'drift.inspect': ({ path }) =>
      asFailure(async () => (await import('./datasets/inspect-dataset')).inspectDataset(path)),
    'drift.suggestions': () => {
      const dir = demoDatasetsDir();
      const demo = ctx.workspace().id === 'demo' && existsSync(dir);
      const files = demo
        ? readdirSync(dir)
            .filter((f) => /\.(csv|parquet)$/.test(f))
            .sort()
        : [];
      return Promise.resolve({
        datasets: files.map((f) => ({
          label: f,
          path: join(dir, f),
          origin: 'Demo samples',
          timeColumn: 'date',
        })),
      });
    },
  };
}
