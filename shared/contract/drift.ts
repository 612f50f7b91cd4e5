// The drift engine: compare a reference and a current dataset (CSV or Parquet files the host
// reads from its own disk) column by column, with Evidently's default tests. A comparison runs in
// a worker thread: `drift.start` answers at once with a run id, progress arrives as events, the
// finished report is read with `drift.run`. Raw rows never leave the host: only scores and
// histogram bins do.
import * as z from 'zod';
import { call, contractError, event } from './core';

export const driftTestName = z.enum([
  'ks',
  'wasserstein',
  'chisquare',
  'z',
  'jensenshannon',
  'psi',
]);
export type DriftTestName = z.infer<typeof driftTestName>;

/** Where a dataset lives: a path (or file:// URI) on the host's disk. */
export const datasetFile = z.object({
  path: z.string().trim().min(1, 'Give the path of a CSV or Parquet file'),
});

/** Only rows whose time column falls in [from, to) are compared (ISO times or dates). */
export const timeWindow = z.object({
  column: z.string().min(1),
  from: z.string().optional(),
  to: z.string().optional(),
});
export type TimeWindow = z.infer<typeof timeWindow>;

export const comparisonRequest = z
  .object({
    reference: datasetFile.extend({ window: timeWindow.optional() }),
    current: datasetFile.extend({ window: timeWindow.optional() }),
    /** Columns to compare; all columns both files share when empty. */
    columns: z.array(z.string()).default([]),
    /** Columns to treat as categories even when they hold numbers. */
    categorical: z.array(z.string()).default([]),
    /** 'default' is Evidently's choice per column; 'psi' runs PSI everywhere. */
    test: z.enum(['default', 'psi']).default('default'),
    /** Dataset drift when the share of drifted columns reaches this. */
    driftShare: z.number().gt(0).lte(1).default(0.5),
    predictionColumn: z.string().optional(),
    labelColumn: z.string().optional(),
    /** The label value counted as positive for false positives/negatives. */
    positiveLabel: z.string().default('1'),
    /** Time column of the current data for the error trend (defaults to its window's column). */
    timeColumn: z.string().optional(),
  })
  .strict();
export type ComparisonRequest = z.output<typeof comparisonRequest>;
export type ComparisonRequestInput = z.input<typeof comparisonRequest>;

export const histogram = z.object({
  kind: z.enum(['numerical', 'categorical']),
  /** Bin labels: "[a, b)" ranges or category names ("other" gathers the rest). */
  bins: z.array(z.string()),
  /** Bin edges for numerical histograms (bins + 1 values). */
  edges: z.array(z.number()).optional(),
  /** Share of the dataset's non-missing values in each bin. */
  reference: z.array(z.number()),
  current: z.array(z.number()),
});
export type Histogram = z.infer<typeof histogram>;

export const columnDriftResult = z.object({
  column: z.string(),
  kind: z.enum(['numerical', 'categorical']),
  test: driftTestName,
  /** Evidently's display name of the test, e.g. "K-S p_value". */
  testLabel: z.string(),
  scoreKind: z.enum(['p_value', 'distance']),
  score: z.number(),
  threshold: z.number(),
  /** drift when score <= (le), < (lt) or >= (ge) the threshold. */
  driftWhen: z.enum(['le', 'lt', 'ge']),
  drifted: z.boolean(),
  referenceRows: z.number().int(),
  currentRows: z.number().int(),
  /** Rows dropped as missing (empty, NaN, ±inf) per side. */
  referenceMissing: z.number().int(),
  currentMissing: z.number().int(),
  histogram,
});
export type ColumnDriftResult = z.infer<typeof columnDriftResult>;

export const errorTrendPoint = z.object({
  /** Start of the period (ISO), or "all" without a time column. */
  period: z.string(),
  rows: z.number().int(),
  falsePositives: z.number().int(),
  falseNegatives: z.number().int(),
  falsePositiveRate: z.number(),
  falseNegativeRate: z.number(),
});

export const datasetSummary = z.object({
  path: z.string(),
  format: z.enum(['csv', 'parquet']),
  bytes: z.number(),
  digest: z.string(),
  /** Rows read, and rows kept by the time window. */
  rowsRead: z.number().int(),
  rowsKept: z.number().int(),
  window: timeWindow.optional(),
});

export const driftReport = z.object({
  request: comparisonRequest,
  reference: datasetSummary,
  current: datasetSummary,
  /** Features sorted most drifted first. */
  columns: z.array(columnDriftResult),
  dataset: z.object({
    testedColumns: z.number().int(),
    driftedColumns: z.number().int(),
    share: z.number(),
    driftShareThreshold: z.number(),
    datasetDrift: z.boolean(),
  }),
  prediction: columnDriftResult.optional(),
  errorTrend: z
    .object({ period: z.enum(['day', 'month', 'all']), points: z.array(errorTrendPoint) })
    .optional(),
  /** Columns left out and why (only in one file, a time column). */
  skipped: z.array(z.object({ column: z.string(), reason: z.string() })),
  computedAt: z.string(),
  durationMs: z.number(),
});
export type DriftReport = z.infer<typeof driftReport>;

export const runState = z.enum(['running', 'done', 'failed', 'cancelled']);

export const driftProgress = z.object({
  runId: z.string(),
  state: runState,
  /** What the worker is doing, in words ("Reading the current file"). */
  step: z.string(),
  /** 0..1 */
  fraction: z.number().min(0).max(1),
  error: contractError.optional(),
});
export type DriftProgress = z.infer<typeof driftProgress>;

export const driftRun = driftProgress.extend({
  /** The report came from the cache (same file bytes and options as an earlier run). */
  cached: z.boolean(),
  report: driftReport.optional(),
});
export type DriftRun = z.infer<typeof driftRun>;

export const suggestedDataset = z.object({
  label: z.string(),
  path: z.string(),
  /** Where the suggestion comes from: the demo's files or a model version's dataset. */
  origin: z.string(),
  timeColumn: z.string().optional(),
});

export const driftCalls = {
  'drift.start': call({
    summary: 'Compare a reference and a current dataset in a worker (instant when cached)',
    input: comparisonRequest,
    output: driftRun,
  }),
  'drift.run': call({
    summary: "A comparison's progress, and its report when done",
    input: z.object({ runId: z.string() }).strict(),
    output: driftRun,
  }),
  'drift.cancel': call({
    summary: 'Stop a running comparison',
    input: z.object({ runId: z.string() }).strict(),
    output: driftProgress,
  }),
  'drift.export': call({
    summary: 'A finished report as an HTML or Markdown document',
    input: z.object({ runId: z.string(), format: z.enum(['html', 'markdown']) }).strict(),
    output: z.object({ fileName: z.string(), mediaType: z.string(), content: z.string() }),
  }),
  'drift.inspect': call({
    summary: "A dataset file's columns and their kinds, read from its first rows or schema",
    input: datasetFile.strict(),
    output: z.object({
      format: z.enum(['csv', 'parquet']),
      bytes: z.number(),
      columns: z.array(
        z.object({ name: z.string(), kind: z.enum(['numerical', 'categorical', 'time']) }),
      ),
    }),
  }),
  'drift.suggestions': call({
    summary: 'Dataset files the host can compare: the demo samples, local model datasets',
    input: z.object({}).strict(),
    output: z.object({ datasets: z.array(suggestedDataset) }),
  }),
};

export const driftEvents = {
  'drift.progress': event({
    summary: 'A running comparison moved on, finished, failed or was cancelled',
    payload: driftProgress,
  }),
};
