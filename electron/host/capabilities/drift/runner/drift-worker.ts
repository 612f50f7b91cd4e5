// The drift engine's worker thread: reads both files and runs every test off the host's event
// loop, so a large comparison never freezes the console. Progress is posted at most every 100 ms;
// cancel is the host terminating this thread.

import { parentPort, workerData } from 'node:worker_threads';
import type { ComparisonRequest, DriftReport } from '../../../../../shared/contract/drift';
import { DatasetFault } from '../datasets/dataset-fault';
import { zstdFallback } from '../datasets/parquet-codecs';
import { compareDatasets } from './compare-datasets';

export interface DriftWorkerInput {
  request: ComparisonRequest;
  digests: { reference: string; current: string };
  maxBytes?: number;
}

export type DriftWorkerMessage =
  | { type: 'progress'; step: string; fraction: number }
  /** Worth a line in the host's log (the comparison goes on). */
  | { type: 'note'; message: string }
  | { type: 'done'; report: DriftReport }
  | { type: 'failed'; message: string; dataFault: boolean };

const post = (message: DriftWorkerMessage) => parentPort!.postMessage(message);

async function main(): Promise<void> {
  const input = workerData as DriftWorkerInput;
  let last = 0;
  try {
    const report = await compareDatasets(input.request, {
      digests: input.digests,
      maxBytes: input.maxBytes,
      onProgress: (step, fraction) => {
        const now = performance.now();
        if (now - last < 100 && fraction < 1) return;
        last = now;
        post({ type: 'progress', step, fraction });
      },
    });
    const fallback = zstdFallback();
    if (fallback) post({ type: 'note', message: fallback });
    post({ type: 'done', report });
  } catch (error) {
    post({
      type: 'failed',
      message: (error as Error).message,
      dataFault: error instanceof DatasetFault,
    });
  }
}

void main();
