import { describe, expect, it } from 'vitest';
import { comparisonRequest, type DriftReport } from '../../../../../shared/contract/drift';
import { reportHtml, reportMarkdown } from './report-export';

const report: DriftReport = {
  request: comparisonRequest.parse({
    reference: { path: '/d/jan.csv' },
    current: { path: '/d/jun.csv' },
  }),
  reference: {
    path: '/d/jan.csv',
    format: 'csv',
    bytes: 1,
    digest: 'a',
    rowsRead: 10,
    rowsKept: 10,
  },
  current: { path: '/d/jun.csv', format: 'csv', bytes: 1, digest: 'b', rowsRead: 8, rowsKept: 8 },
  columns: [
    {
      column: 'a|b <x>',
      kind: 'numerical',
      test: 'ks',
      testLabel: 'K-S p_value',
      scoreKind: 'p_value',
      score: 0.0123,
      threshold: 0.05,
      driftWhen: 'le',
      drifted: true,
      referenceRows: 10,
      currentRows: 8,
      referenceMissing: 0,
      currentMissing: 0,
      histogram: { kind: 'numerical', bins: ['[0, 1]'], reference: [1], current: [1] },
    },
  ],
  dataset: {
    testedColumns: 1,
    driftedColumns: 1,
    share: 1,
    driftShareThreshold: 0.5,
    datasetDrift: true,
  },
  skipped: [{ column: 'date', reason: 'a time column, not a feature' }],
  computedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 5,
};

describe('exported reports', () => {
  it('Markdown carries every score with its test and rule, escaping table pipes', () => {
    const md = reportMarkdown(report);
    expect(md).toContain(
      '| a\\|b <x> | numerical | K-S p_value | 0.0123 | drift when p ≤ 0.05 | **yes** | 10 / 8 |',
    );
    expect(md).toContain(
      '1 of 1 columns drifted (share 1; dataset drift when share ≥ 0.5): DATASET DRIFT',
    );
    expect(md).toContain('- date: a time column, not a feature');
  });

  it('HTML is self-contained and escapes names', () => {
    const html = reportHtml(report);
    expect(html).toContain('a|b &lt;x&gt;');
    expect(html).not.toContain('<x>');
    expect(html).not.toMatch(/<script|src=/);
  });
});
