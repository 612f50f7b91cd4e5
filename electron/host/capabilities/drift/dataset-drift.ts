// Dataset-level drift as Evidently's `get_dataset_drift`: share = drifted / tested columns,
// dataset drift when share >= drift_share (default 0.5). Note Evidently's newer
// `DriftedColumnsCount` test passes while share < 0.5: the same boundary seen from the other side.

import type { ColumnDriftResult } from './column-drift';

export const DEFAULT_DRIFT_SHARE = 0.5;

export interface DatasetDriftResult {
  testedColumns: number;
  driftedColumns: number;
  share: number;
  driftShareThreshold: number;
  datasetDrift: boolean;
}

export function datasetDrift(
  columns: readonly ColumnDriftResult[],
  driftShare: number = DEFAULT_DRIFT_SHARE,
): DatasetDriftResult {
  if (columns.length === 0) throw new RangeError('Dataset drift needs at least one tested column');
  const drifted = columns.filter((c) => c.drifted).length;
  const share = drifted / columns.length;
  return {
    testedColumns: columns.length,
    driftedColumns: drifted,
    share,
    driftShareThreshold: driftShare,
    datasetDrift: share >= driftShare,
  };
}
