// A finished comparison: the dataset drift share, the features sorted most drifted first (each
// score with its test, threshold and direction), the chosen feature's overlay, prediction drift,
// false positives/negatives over time, what was left out, and the export buttons.
import { useState } from 'react';
import type { ColumnDriftResult, DriftRun } from '../../../../shared/contract/drift';
import { Badge } from '../../../components/StatusBadge';
import { ExportButtons } from './ExportButtons';
import { HistogramOverlay } from './HistogramOverlay';
import { formatScore, percent, ruleText } from './report-view';

function ColumnRows({
  columns,
  selected,
  onSelect,
}: {
  columns: ColumnDriftResult[];
  selected?: string;
  onSelect: (c: string) => void;
}) {
  return columns.map((c) => (
    <tr
      key={c.column}
      data-testid="drift-report-row"
      data-drifted={c.drifted}
      aria-selected={selected === c.column}
      className={selected === c.column ? 'selected' : undefined}
    >
      <td>
        <button type="button" className="link-button" onClick={() => onSelect(c.column)}>
          {c.column}
        </button>
      </td>
      <td className="small">{c.kind}</td>
      <td>{c.testLabel}</td>
      <td className="num mono">{formatScore(c.score)}</td>
      <td className="small">{ruleText(c)}</td>
      <td>
        <Badge tone={c.drifted ? 'danger' : 'ok'}>{c.drifted ? 'Drifted' : 'No drift'}</Badge>
      </td>
      <td className="num small">
        {c.referenceRows.toLocaleString()} / {c.currentRows.toLocaleString()}
        {c.referenceMissing + c.currentMissing > 0 &&
          ` (${(c.referenceMissing + c.currentMissing).toLocaleString()} missing)`}
      </td>
    </tr>
  ));
}

const head = (
  <thead>
    <tr>
      <th>Column</th>
      <th>Kind</th>
      <th>Test</th>
      <th className="num">Score</th>
      <th>Rule</th>
      <th>Drifted</th>
      <th className="num">Rows (reference / current)</th>
    </tr>
  </thead>
);

export function ReportView({
  run,
}: {
  run: DriftRun & { report: NonNullable<DriftRun['report']> };
}) {
  const report = run.report;
  const [selected, setSelected] = useState(report.columns[0]?.column);
  const chosen = report.columns.find((c) => c.column === selected) ?? report.columns[0];
  const d = report.dataset;
  return (
    <div className="drift-report" data-testid="drift-report">
      <section className="card">
        <header className="card-header">
          <h2 className="card-title">Dataset drift</h2>
          <ExportButtons runId={run.runId} />
        </header>
        <p className="drift-headline" data-testid="drift-share">
          <Badge tone={d.datasetDrift ? 'danger' : 'ok'}>
            {d.datasetDrift ? 'Dataset drift' : 'No dataset drift'}
          </Badge>{' '}
          {d.driftedColumns} of {d.testedColumns} columns drifted — share {formatScore(d.share)}{' '}
          <span className="muted small">(dataset drift when share ≥ {d.driftShareThreshold})</span>
        </p>
        <p className="small muted">
          Reference {report.reference.rowsKept.toLocaleString()} rows · current{' '}
          {report.current.rowsKept.toLocaleString()} rows ·{' '}
          {report.request.test === 'psi'
            ? 'PSI on every column'
            : "Evidently's default test per column"}{' '}
          ·{' '}
          {run.cached ? 'from the cache' : `computed in ${(report.durationMs / 1000).toFixed(1)} s`}
        </p>
        <div className="table-scroll">
          <table className="data-table drift-table" data-testid="drift-report-table">
            {head}
            <tbody>
              <ColumnRows
                columns={report.columns}
                selected={chosen?.column}
                onSelect={setSelected}
              />
            </tbody>
          </table>
        </div>
      </section>
      {chosen && (
        <section className="card">
          <HistogramOverlay column={chosen} />
        </section>
      )}
      {report.prediction && (
        <section className="card">
          <h2 className="card-title">Prediction drift</h2>
          <table className="data-table drift-table">
            {head}
            <tbody>
              <ColumnRows columns={[report.prediction]} onSelect={() => undefined} />
            </tbody>
          </table>
        </section>
      )}
      {report.errorTrend && (
        <section className="card" data-testid="drift-error-trend">
          <h2 className="card-title">
            False positives and negatives (
            {report.errorTrend.period === 'all' ? 'overall' : `per ${report.errorTrend.period}`})
          </h2>
          <table className="data-table">
            <thead>
              <tr>
                <th>Period</th>
                <th className="num">Rows</th>
                <th className="num">False positives</th>
                <th className="num">False negatives</th>
              </tr>
            </thead>
            <tbody>
              {report.errorTrend.points.map((p) => (
                <tr key={p.period}>
                  <td className="mono">{p.period}</td>
                  <td className="num">{p.rows.toLocaleString()}</td>
                  <td className="num">
                    {p.falsePositives.toLocaleString()} ({percent(p.falsePositiveRate)})
                  </td>
                  <td className="num">
                    {p.falseNegatives.toLocaleString()} ({percent(p.falseNegativeRate)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {report.skipped.length > 0 && (
        <section className="card">
          <h2 className="card-title">Not compared</h2>
          <ul className="small" data-testid="drift-skipped">
            {report.skipped.map((s) => (
              <li key={s.column}>
                <code>{s.column}</code>: {s.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
