// One feature's distributions, reference against current, as the worker binned them: shares per
// bin (numerical ranges or the most common categories), never raw rows.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { ColumnDriftResult } from '../../../../shared/contract/drift';
import { formatScore, ruleText } from './report-view';

export function HistogramOverlay({ column }: { column: ColumnDriftResult }) {
  const h = column.histogram;
  const data = h.bins.map((bin, i) => ({
    bin,
    reference: h.reference[i] ?? 0,
    current: h.current[i] ?? 0,
  }));
  return (
    <figure
      className="drift-overlay"
      data-testid="drift-overlay"
      aria-label={`${column.column} distributions`}
    >
      <figcaption>
        <strong>{column.column}</strong> · {column.testLabel} {formatScore(column.score)} (
        {ruleText(column)}) · share of non-missing values per{' '}
        {h.kind === 'numerical' ? 'range' : 'value'}
      </figcaption>
      <BarChart
        width={640}
        height={240}
        data={data}
        barGap={0}
        margin={{ left: 8, right: 8, bottom: 24 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="bin"
          tick={{ fontSize: 10 }}
          interval="preserveStartEnd"
          angle={-20}
          textAnchor="end"
        />
        <YAxis
          tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
          width={44}
          tick={{ fontSize: 11 }}
        />
        <Tooltip formatter={(v) => `${(Number(v) * 100).toFixed(2)}%`} />
        <Legend verticalAlign="top" height={24} />
        <Bar
          dataKey="reference"
          name="Reference"
          fill="var(--chart-1, #0969da)"
          isAnimationActive={false}
        />
        <Bar
          dataKey="current"
          name="Current"
          fill="var(--chart-2, #d1242f)"
          isAnimationActive={false}
        />
      </BarChart>
    </figure>
  );
}
