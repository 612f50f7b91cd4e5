// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { ColumnDriftResult, DriftReport, DriftRun } from '../../../../shared/contract/drift';
import { comparisonRequest } from '../../../../shared/contract/drift';
import { failWith, FakeTransport } from '../../../test-support/fake-transport';
import { renderWith } from '../../../test-support/render';
import { DriftReportTab } from './DriftReportTab';
import { isLocalSource } from './ModelDatasetPicker';
import { applyDriftProgress, formProblems, ruleText, toRequest } from './report-view';

const column = (name: string, over: Partial<ColumnDriftResult>): ColumnDriftResult => ({
  column: name,
  kind: 'numerical',
  test: 'wasserstein',
  testLabel: 'Wasserstein distance (normed)',
  scoreKind: 'distance',
  score: 0.05,
  threshold: 0.1,
  driftWhen: 'ge',
  drifted: false,
  referenceRows: 3000,
  currentRows: 3000,
  referenceMissing: 0,
  currentMissing: 0,
  histogram: {
    kind: 'numerical',
    bins: ['[0, 1)', '[1, 2]'],
    reference: [0.5, 0.5],
    current: [0.2, 0.8],
  },
  ...over,
});

const report: DriftReport = {
  request: comparisonRequest.parse({
    reference: { path: '/d/jan.csv' },
    current: { path: '/d/jun.csv' },
  }),
  reference: {
    path: '/d/jan.csv',
    format: 'csv',
    bytes: 10,
    digest: 'a',
    rowsRead: 3000,
    rowsKept: 3000,
  },
  current: {
    path: '/d/jun.csv',
    format: 'csv',
    bytes: 10,
    digest: 'b',
    rowsRead: 3000,
    rowsKept: 3000,
  },
  columns: [
    column('origin', {
      kind: 'categorical',
      test: 'jensenshannon',
      testLabel: 'Jensen-Shannon distance',
      score: 0.159,
      drifted: true,
      histogram: {
        kind: 'categorical',
        bins: ['ATL', 'ORD'],
        reference: [0.6, 0.4],
        current: [0.3, 0.7],
      },
    }),
    column('delay', { score: 0.087 }),
  ],
  dataset: {
    testedColumns: 2,
    driftedColumns: 1,
    share: 0.5,
    driftShareThreshold: 0.5,
    datasetDrift: true,
  },
  skipped: [{ column: 'date', reason: 'a time column, not a feature' }],
  computedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 1200,
};

const running: DriftRun = {
  runId: 'r1',
  state: 'running',
  step: 'Checking the cache',
  fraction: 0,
  cached: false,
};

function transport() {
  let state: DriftRun = running;
  const t = new FakeTransport()
    .on('drift.suggestions', () => ({
      datasets: [
        { label: 'flights-2001-01.csv', path: '/d/jan.csv', origin: 'Demo samples' },
        { label: 'flights-2001-06.csv', path: '/d/jun.csv', origin: 'Demo samples' },
      ],
    }))
    .on('drift.inspect', () => ({
      format: 'csv',
      bytes: 10,
      columns: [
        { name: 'date', kind: 'time' },
        { name: 'delay', kind: 'numerical' },
      ],
    }))
    .on('drift.start', () => running)
    .on('drift.run', () => state)
    .on('drift.cancel', () => ({ ...running, state: 'cancelled', step: 'Cancelled' }));
  return { t, finish: (run: DriftRun) => (state = run) };
}

describe('Compare datasets', () => {
  test(
    'runs a comparison with progress, then shows the sorted table, the share and an overlay',
    { timeout: 20_000 },
    async () => {
      const { t, finish } = transport();
      const { client } = renderWith(t, <DriftReportTab />, '/drift');
      fireEvent.click(await screen.findByTestId('drift-use-samples'));
      expect(await screen.findByTestId('drift-reference-columns')).toBeTruthy();
      fireEvent.click(screen.getByTestId('drift-compare'));
      await waitFor(() => expect(t.callsOf('drift.start')).toHaveLength(1));
      expect(t.callsOf('drift.start')[0]).toMatchObject({
        reference: { path: '/d/jan.csv' },
        current: { path: '/d/jun.csv' },
        test: 'default',
      });
      await screen.findByTestId('drift-progress');
      // The host's answer and its event agree, whichever lands last.
      finish({ ...running, step: 'Reading the current file', fraction: 0.6 });
      act(() =>
        applyDriftProgress(client, {
          runId: 'r1',
          state: 'running',
          step: 'Reading the current file',
          fraction: 0.6,
        }),
      );
      await waitFor(() =>
        expect(screen.getByTestId('drift-progress').textContent).toContain(
          'Reading the current file… 60%',
        ),
      );

      finish({ runId: 'r1', state: 'done', step: 'Done', fraction: 1, cached: false, report });
      act(() =>
        applyDriftProgress(client, { runId: 'r1', state: 'done', step: 'Done', fraction: 1 }),
      );
      const rows = await screen.findAllByTestId('drift-report-row');
      expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual([
        'origin',
        'delay',
      ]);
      expect(rows[0]!.textContent).toContain('Jensen-Shannon distance');
      expect(rows[0]!.textContent).toContain('drift when score ≥ 0.1');
      expect(screen.getByTestId('drift-share').textContent).toContain(
        '1 of 2 columns drifted — share 0.5',
      );
      expect(screen.getByTestId('drift-overlay').textContent).toContain('origin');
      expect(screen.getByTestId('drift-skipped').textContent).toContain('date: a time column');
    },
  );

  test('says why a run failed, and why the form cannot be sent yet', async () => {
    const { t } = transport();
    const failed: DriftRun = {
      ...running,
      state: 'failed',
      step: 'Failed',
      error: { code: 'bad_request', message: 'Column "x" is not in the reference file (jan.csv)' },
    };
    t.on('drift.start', () => failed).on('drift.run', () => failed);
    renderWith(t, <DriftReportTab />, '/drift');
    const compare = screen.getByTestId('drift-compare') as HTMLButtonElement;
    expect(compare.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('drift-reference-path'), {
      target: { value: '/d/notes.txt' },
    });
    expect(compare.title).toBe('Expected a .csv or .parquet file');
    fireEvent.change(screen.getByTestId('drift-reference-path'), {
      target: { value: '/d/jan.csv' },
    });
    fireEvent.change(screen.getByTestId('drift-current-path'), { target: { value: '/d/jun.csv' } });
    await waitFor(() => expect(compare.disabled).toBe(false));
    fireEvent.click(compare);
    expect((await screen.findByTestId('drift-run-error')).textContent).toContain(
      'Column "x" is not in the reference file (jan.csv)',
    );
  });

  test('an unreadable file is reported under its field', async () => {
    const { t } = transport();
    t.on('drift.inspect', () =>
      failWith({
        code: 'bad_request',
        message: 'the reference file (gone.csv) does not exist on this machine',
      }),
    );
    renderWith(t, <DriftReportTab />, '/drift');
    fireEvent.change(screen.getByTestId('drift-reference-path'), {
      target: { value: '/d/gone.csv' },
    });
    expect((await screen.findByTestId('drift-reference-error')).textContent).toContain(
      'does not exist on this machine',
    );
  });
});

describe('report helpers', () => {
  test('only local model datasets can be compared', () => {
    expect(isLocalSource('/data/train.parquet')).toBe(true);
    expect(isLocalSource('file:///data/train.csv')).toBe(true);
    expect(isLocalSource('C:\\data\\train.csv')).toBe(true);
    expect(isLocalSource('s3://bucket/train.parquet')).toBe(false);
    expect(isLocalSource(undefined)).toBe(false);
  });

  test('rules read in the test direction; the form builds the request', () => {
    expect(ruleText({ scoreKind: 'p_value', driftWhen: 'le', threshold: 0.05 })).toBe(
      'drift when p ≤ 0.05',
    );
    const form = {
      reference: {
        path: ' /a.parquet ',
        windowColumn: 'date',
        from: '2001-01-01',
        to: '2001-02-01',
      },
      current: { path: '/a.parquet', windowColumn: '', from: '', to: '' },
      psi: true,
      predictionColumn: '',
      labelColumn: '',
    };
    expect(formProblems(form)).toEqual({});
    expect(toRequest(form)).toEqual({
      reference: {
        path: '/a.parquet',
        window: { column: 'date', from: '2001-01-01', to: '2001-02-01' },
      },
      current: { path: '/a.parquet' },
      test: 'psi',
    });
  });
});
