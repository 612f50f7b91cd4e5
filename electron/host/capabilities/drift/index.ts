// Public surface of the drift engine's statistics core. Everything here is pure and synchronous
// on plain arrays / Float64Arrays, so a worker thread can import it unchanged; no UI or contract
// calls yet.

export {
  type BinnedShares,
  type BinningOptions,
  binShares,
  fillZeroShares,
  sturgesEdges,
} from './binning';
export { type ChiSquareResult, chiSquareDrift } from './chi-square-test';
export {
  type ColumnDriftOptions,
  type ColumnDriftResult,
  columnDrift,
  driftScore,
} from './column-drift';
export {
  type CleanValue,
  type ColumnKind,
  EmptyColumnError,
  MixedColumnError,
  type RawValue,
} from './column-values';
export { DEFAULT_DRIFT_SHARE, type DatasetDriftResult, datasetDrift } from './dataset-drift';
export {
  DRIFT_TESTS,
  type DriftTestName,
  type DriftTestSpec,
  defaultDriftTest,
  isDrift,
  SMALL_REFERENCE_ROWS,
} from './default-test';
export { chiSquareSurvival, regularizedUpperGamma } from './incomplete-gamma';
export { jensenShannonDistance, jensenShannonDrift } from './jensen-shannon';
export { kolmogorovSurvival } from './kolmogorov-distribution';
export { KS_MAX_EXACT_N, type KsResult, ksStatistic, ksTwoSample } from './ks-test';
export { erf, erfc, normalCdf } from './normal-cdf';
export { populationStabilityIndex } from './psi';
export { smirnovSurvival } from './smirnov';
export { normedWasserstein, wassersteinDistance } from './wasserstein';
export { type ZTestResult, zTestDrift } from './z-test';
