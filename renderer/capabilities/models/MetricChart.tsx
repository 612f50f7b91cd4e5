// A metric's history by step, for one version or for a version beside the champion.
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

interface Point {
  step: number;
  value: number;
}

export interface Series {
  label: string;
  points: Point[];
  color: string;
}

/** One row per step, one column per series, as recharts wants them. */
export function mergeByStep(series: Series[]): Record<string, number>[] {
  const rows = new Map<number, Record<string, number>>();
  for (const s of series) {
    for (const p of s.points) {
      const row = rows.get(p.step) ?? { step: p.step };
      row[s.label] = p.value;
      rows.set(p.step, row);
    }
  }
  return [...rows.values()].sort((a, b) => a['step']! - b['step']!);
}

export function MetricChart({ metric, series }: { metric: string; series: Series[] }) {
  const data = mergeByStep(series);
  return (
    <figure className="metric-chart" data-testid="metric-chart" aria-label={`${metric} by step`}>
      <ResponsiveContainer width="100%" height={220} initialDimension={{ width: 600, height: 220 }}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="step" stroke="var(--text-muted)" fontSize={11} />
          <YAxis stroke="var(--text-muted)" fontSize={11} domain={['auto', 'auto']} width={56} />
          <Tooltip />
          <Legend />
          {series.map((s) => (
            <Line
              key={s.label}
              type="monotone"
              dataKey={s.label}
              stroke={s.color}
              dot={data.length < 30}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="visually-hidden">{metric} by step</figcaption>
    </figure>
  );
}
