// The host's side of drift comparisons: checks both files, looks the comparison up in the SQLite
// cache by the files' digests, otherwise runs it in a worker thread, relays its progress as
// `drift.progress` events and keeps the last runs for `drift.run`. Cancel terminates the worker.

import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  type ComparisonRequest,
  driftReport,
  type DriftRun,
} from '../../../../../shared/contract/drift';
import { appRoot } from '../../../app-root';
import type { Logger } from '../../../log/logger';
import type { DriftReportRepository } from '../../../store/drift-reports';
import type { EventHub } from '../../../transport/event-hub';
import { DatasetFault } from '../datasets/dataset-fault';
import type { DriftWorkerInput, DriftWorkerMessage } from './drift-worker';
import { comparisonKey, fileDigest } from './file-digest';

export interface DriftRunsOptions {
  reports: DriftReportRepository;
  events: EventHub;
  log: Logger;
  maxBytes?: number;
  /** How long drift.start waits for a quick answer (a cache hit) before answering "running". */
  quickAnswerMs?: number;
}

const keptRuns = 20;

/** The worker's entry: the bundle under dist-electron, else the TypeScript source through tsx. */
function workerEntry(): string {
  return fileURLToPath(import.meta.url).includes('dist-electron')
    ? join(appRoot(), 'dist-electron', 'drift-worker.mjs')
    : join(
        appRoot(),
        'electron',
        'host',
        'capabilities',
        'drift',
        'runner',
        'drift-worker-from-source.mjs',
      );
}

export class DriftRuns {
  private readonly runs = new Map<string, DriftRun>();
  private readonly workers = new Map<string, Worker>();

  constructor(private readonly opts: DriftRunsOptions) {}

  /** Checks the files (a bad path fails here, synchronously for the caller), then runs. */
  async start(request: ComparisonRequest): Promise<DriftRun> {
    // The readers load on first use, not with the host.
    const { openTable } = await import('../datasets/open-table');
    const [reference, current] = await Promise.all([
      openTable(request.reference.path, 'reference', this.opts.maxBytes),
      openTable(request.current.path, 'current', this.opts.maxBytes),
    ]);
    const runId = randomUUID();
    this.update({
      runId,
      state: 'running',
      step: 'Checking the cache',
      fraction: 0,
      cached: false,
    });
    const finished = this.run(runId, request, reference.path, current.path);
    const quick = new Promise<void>((resolve) =>
      setTimeout(resolve, this.opts.quickAnswerMs ?? 1500).unref(),
    );
    await Promise.race([finished, quick]);
    return this.get(runId)!;
  }

  get(runId: string): DriftRun | undefined {
    return this.runs.get(runId);
  }

  cancel(runId: string): DriftRun | undefined {
    const run = this.runs.get(runId);
    if (!run || run.state !== 'running') return run;
    void this.workers.get(runId)?.terminate();
    this.workers.delete(runId);
    return this.update({ ...run, state: 'cancelled', step: 'Cancelled' });
  }

  stop(): void {
    for (const id of [...this.workers.keys()]) this.cancel(id);
  }

  private async run(
    runId: string,
    request: ComparisonRequest,
    referencePath: string,
    currentPath: string,
  ) {
    try {
      const [referenceDigest, currentDigest] = await Promise.all([
        fileDigest(referencePath),
        fileDigest(currentPath),
      ]);
      const digests = { reference: referenceDigest, current: currentDigest };
      const key = comparisonKey(request, digests);
      const cached = driftReport.safeParse(this.opts.reports.get(key));
      if (this.runs.get(runId)?.state !== 'running') return;
      if (cached.success) {
        this.update({
          runId,
          state: 'done',
          step: 'From the cache',
          fraction: 1,
          cached: true,
          report: cached.data,
        });
        return;
      }
      const report = await this.inWorker(runId, { request, digests, maxBytes: this.opts.maxBytes });
      if (!report) return;
      this.opts.reports.put(key, report);
      this.update({ runId, state: 'done', step: 'Done', fraction: 1, cached: false, report });
    } catch (error) {
      const fault = error instanceof DatasetFault;
      if (!fault) this.opts.log.error({ err: error, runId }, 'drift comparison failed');
      else
        this.opts.log.warn(
          { runId, message: (error as Error).message },
          'drift comparison refused the data',
        );
      const run = this.runs.get(runId);
      if (run?.state !== 'running') return;
      this.update({
        ...run,
        state: 'failed',
        step: 'Failed',
        error: { code: fault ? 'bad_request' : 'internal', message: (error as Error).message },
      });
    }
  }

  private inWorker(
    runId: string,
    input: DriftWorkerInput,
  ): Promise<DriftRun['report'] | undefined> {
    return new Promise((resolve, reject) => {
      // A memory ceiling: a too-large comparison fails on its own instead of taking the host down.
      const worker = new Worker(workerEntry(), {
        workerData: input,
        resourceLimits: { maxOldGenerationSizeMb: 4096 },
      });
      this.workers.set(runId, worker);
      worker.on('message', (message: DriftWorkerMessage) => {
        const run = this.runs.get(runId);
        if (!run || run.state !== 'running') return;
        if (message.type === 'progress')
          this.update({ ...run, step: message.step, fraction: message.fraction });
        if (message.type === 'note') this.opts.log.warn({ runId }, message.message);
        if (message.type === 'done') resolve(message.report);
        if (message.type === 'failed')
          reject(
            message.dataFault ? new DatasetFault(message.message) : new Error(message.message),
          );
      });
      worker.on('error', (error: Error & { code?: string }) =>
        reject(
          new Error(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? 'The comparison ran out of memory (4 GB): compare fewer columns, a sample or a time window.'
              : `The drift worker crashed: ${error.message}`,
          ),
        ),
      );
      worker.on('exit', () => {
        this.workers.delete(runId);
        resolve(undefined); // after done/failed this is a no-op; after cancel, nothing to report
      });
    });
  }

  private update(run: DriftRun): DriftRun {
    this.runs.set(run.runId, run);
    if (this.runs.size > keptRuns) {
      const oldest = [...this.runs.values()].find((r) => r.state !== 'running');
      if (oldest) this.runs.delete(oldest.runId);
    }
    const { report: _report, cached: _cached, ...progress } = run;
    this.opts.events.emit('drift.progress', progress);
    return run;
  }
}
