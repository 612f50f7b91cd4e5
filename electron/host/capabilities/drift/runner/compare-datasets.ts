// A whole comparison, as the worker runs it: open both files, read the needed columns (streamed,
// windowed), test every shared column, then the dataset drift share, prediction drift and the
// error trend. Pure of the worker itself, so tests and the benchmark call it directly.

import type {
  ColumnDriftResult,
  ComparisonRequest,
  DriftReport,
} from '../../../../../shared/contract/drift';
import { datasetDrift } from '../dataset-drift';
import { type CollectedColumn, ColumnStore } from '../datasets/column-store';
import { DatasetFault, type DatasetRole, fileLabel } from '../datasets/dataset-fault';
import { openTable } from '../datasets/open-table';
import type { TableSource } from '../datasets/table-source';
import { windowBound } from '../datasets/time-values';
import { ColumnSkipped, severity, testColumn } from './column-test';
import { errorTrend } from './error-trend';

export interface CompareOptions {
  digests: { reference: string; current: string };
  maxBytes?: number;
  onProgress?: (step: string, fraction: number) => void;
  signal?: AbortSignal;
  /**
   * Compared features that are not also read row by row (prediction, label, times, declared
   * categorical) are asked of the reader as value counts, their tests needing nothing else.
   * True unless set to false (the tests compare both ways).
   */
  tallies?: boolean;
}

export async function compareDatasets(
  request: ComparisonRequest,
  opts: CompareOptions,
): Promise<DriftReport> {
  const started = performance.now();
  const progress = opts.onProgress ?? (() => undefined);
  progress('Opening the files', 0);
  const [refTable, curTable] = await Promise.all([
    openTable(request.reference.path, 'reference', opts.maxBytes),
    openTable(request.current.path, 'current', opts.maxBytes),
  ]);
  const [refNames, curNames] = await Promise.all([refTable.columnNames(), curTable.columnNames()]);
  const special = new Set(
    [
      request.predictionColumn,
      request.labelColumn,
      request.timeColumn,
      request.reference.window?.column,
      request.current.window?.column,
    ].filter((c): c is string => !!c),
  );
  const { compared, skipped } = chooseColumns(request, refNames, curNames, special);
  const trendTime = request.timeColumn ?? request.current.window?.column;
  const declaredCategorical = new Set(request.categorical);
  const tallied = new Set(
    opts.tallies === false
      ? []
      : compared.filter((c) => !special.has(c) && !declaredCategorical.has(c)),
  );
  need(request.predictionColumn, [refNames, curNames], request);
  need(request.labelColumn, [curNames], request);
  need(trendTime && request.labelColumn ? trendTime : undefined, [curNames], request);

  const read = async (table: TableSource, role: DatasetRole, names: string[], base: number) => {
    const side = request[role];
    const window = side.window && {
      column: side.window.column,
      from: bound(side.window.from, 'from', role),
      to: bound(side.window.to, 'to', role),
    };
    if (window) need(window.column, [names], request, role);
    const wanted = new Set([
      ...compared,
      ...(request.predictionColumn ? [request.predictionColumn] : []),
    ]);
    if (role === 'current' && request.labelColumn) {
      wanted.add(request.labelColumn);
      if (trendTime) wanted.add(trendTime);
    }
    const store = new ColumnStore({
      role,
      path: table.path,
      columns: [...wanted],
      categorical: declaredCategorical,
      timeColumns: new Set(await table.timeColumns()),
      window,
      timeColumn: role === 'current' && request.labelColumn ? trendTime : undefined,
    });
    const reading = [...new Set([...wanted, ...(window ? [window.column] : [])])];
    const step = `Reading ${fileLabel(role, table.path)}`;
    const onRead = (f: number) => progress(step, base + 0.45 * f);
    const hint = window && { ...window, keepColumn: wanted.has(window.column) };
    for await (const batch of table.batches(reading, onRead, hint, tallied)) {
      opts.signal?.throwIfAborted();
      store.add(batch);
    }
    if (store.rowsKept === 0) throw emptyWindow(store, role, table.path, side.window);
    return store;
  };
  const ref = await read(refTable, 'reference', refNames, 0);
  const cur = await read(curTable, 'current', curNames, 0.45);

  const results: ColumnDriftResult[] = [];
  compared.forEach((name, i) => {
    opts.signal?.throwIfAborted();
    progress(`Testing column "${name}"`, 0.9 + (0.1 * i) / Math.max(1, compared.length));
    const outcome = tryColumn(name, ref.columns.get(name)!, cur.columns.get(name)!, request);
    if ('reason' in outcome) skipped.push(outcome);
    else results.push(outcome);
  });
  if (results.length === 0) {
    throw new DatasetFault(
      `No column could be compared: ${skipped.map((s) => `"${s.column}" (${s.reason})`).join('; ') || 'the files share no columns'}.`,
    );
  }
  results.sort((a, b) => severity(b) - severity(a) || a.column.localeCompare(b.column));
  const pred = request.predictionColumn;
  const prediction = pred
    ? tryColumn(pred, ref.columns.get(pred)!, cur.columns.get(pred)!, request)
    : undefined;
  if (prediction && 'reason' in prediction) skipped.push(prediction);
  const label = request.labelColumn;
  progress('Done', 1);
  return {
    request,
    reference: summary(refTable, ref, opts.digests.reference, request.reference.window),
    current: summary(curTable, cur, opts.digests.current, request.current.window),
    columns: results,
    dataset: datasetDrift(results, request.driftShare),
    ...(prediction && !('reason' in prediction) ? { prediction } : {}),
    ...(label && pred
      ? {
          errorTrend: errorTrend(
            cur.columns.get(label)!,
            cur.columns.get(pred)!,
            request.positiveLabel,
            trendTime ? cur.times : undefined,
          ),
        }
      : {}),
    skipped,
    computedAt: new Date().toISOString(),
    durationMs: performance.now() - started,
  };
}

function tryColumn(
  name: string,
  reference: CollectedColumn,
  current: CollectedColumn,
  request: ComparisonRequest,
): ColumnDriftResult | { column: string; reason: string } {
  const kinds = new Set([reference.kind, current.kind].filter((k) => k !== 'empty'));
  if (kinds.has('time')) return { column: name, reason: 'a time column, not a feature' };
  if (kinds.size > 1) {
    throw new DatasetFault(
      `Column "${name}" holds numbers in the ${reference.kind === 'numerical' ? 'reference' : 'current'} ` +
        `file but text in the other; mark it categorical, or fix the file whose values are off.`,
    );
  }
  const kind = kinds.has('categorical') ? 'categorical' : 'numerical';
  try {
    return testColumn(name, reference, current, kind, request.test);
  } catch (error) {
    if (error instanceof ColumnSkipped) return { column: name, reason: error.message };
    throw error;
  }
}

function chooseColumns(
  request: ComparisonRequest,
  ref: string[],
  cur: string[],
  special: Set<string>,
) {
  const skipped: { column: string; reason: string }[] = [];
  if (request.columns.length > 0) {
    for (const c of request.columns) need(c, [ref, cur], request);
    return { compared: [...new Set(request.columns)], skipped };
  }
  const inCur = new Set(cur);
  const compared = ref.filter((c) => inCur.has(c) && !special.has(c));
  for (const c of ref)
    if (!inCur.has(c)) skipped.push({ column: c, reason: 'only in the reference file' });
  const inRef = new Set(ref);
  for (const c of cur)
    if (!inRef.has(c)) skipped.push({ column: c, reason: 'only in the current file' });
  return { compared, skipped };
}

/** A named column must be in the given files' headers. */
function need(
  column: string | undefined,
  files: string[][],
  request: ComparisonRequest,
  only?: DatasetRole,
) {
  if (!column) return;
  const roles: DatasetRole[] = only
    ? [only]
    : files.length === 1
      ? ['current']
      : ['reference', 'current'];
  files.forEach((names, i) => {
    if (names.includes(column)) return;
    const role = roles[i]!;
    throw new DatasetFault(
      `Column "${column}" is not in ${fileLabel(role, request[role].path)}; its columns are: ${names.slice(0, 30).join(', ')}${names.length > 30 ? ', …' : ''}.`,
    );
  });
}

function bound(
  text: string | undefined,
  name: 'from' | 'to',
  role: DatasetRole,
): number | undefined {
  try {
    return windowBound(text, name);
  } catch (error) {
    throw new DatasetFault(`The ${role} data's time window: ${(error as Error).message}`);
  }
}

function emptyWindow(
  store: ColumnStore,
  role: DatasetRole,
  path: string,
  window: ComparisonRequest['current']['window'],
) {
  const label = fileLabel(role, path);
  if (!window) return new DatasetFault(`${label} has a header but no rows.`);
  const seen = Number.isFinite(store.seen.first)
    ? ` Its "${window.column}" runs from ${iso(store.seen.first)} to ${iso(store.seen.last)}.`
    : '';
  return new DatasetFault(
    `No row of ${label} falls in the window ${window.from ?? 'start'} – ${window.to ?? 'end'} of "${window.column}".${seen}`,
  );
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('T00:00:00.000Z', '');
}

function summary(
  table: TableSource,
  store: ColumnStore,
  digest: string,
  window: ComparisonRequest['current']['window'],
) {
  return {
    path: table.path,
    format: table.format,
    bytes: table.bytes,
    digest,
    rowsRead: store.rowsRead,
    rowsKept: store.rowsKept,
    ...(window ? { window } : {}),
  };
}
