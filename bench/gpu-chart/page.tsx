// The page the GPU chart benchmark loads: 64 GPUs × 40,625 samples (2.6 million points, a week
// at ~15 s) are made while the page loads; window.__paint() hands them to the shared
// TimeSeriesChart ("data arrives") and resolves with the milliseconds until the frame after all 64
// lines and the axis labels are on screen, in a fresh page or after the chart showed an hour. The benchmark calls it once the page has loaded, so
// nothing of Playwright's (its injected script, polling) runs inside the measured window.
import { createRoot } from 'react-dom/client';
import {
  TimeSeriesChart,
  type ChartSeries,
} from '../../renderer/components/charts/TimeSeriesChart';

declare global {
  interface Window {
    __paint?: (mode: 'open' | 'switch') => Promise<number>;
    __points?: number;
  }
}

const gpus = Number(new URLSearchParams(location.search).get('gpus') ?? 64);
const perGpu = 40_625;
const to = Date.UTC(2026, 10, 26);
const from = to - 7 * 86_400_000;
const stepMs = (to - from) / perGpu;

const series: ChartSeries[] = Array.from({ length: gpus }, (_, g) => {
  const points = new Array<readonly [number, number]>(perGpu);
  for (let i = 0; i < perGpu; i++) {
    const v = 50 + 45 * Math.sin((i + g * 997) / 300) + ((i * 7919 + g) % 13) - 6;
    points[i] = [from + i * stepMs, Math.max(0, Math.min(100, v))];
  }
  return { id: `gpu-${g}`, label: `node-${g >> 3} GPU ${g & 7}`, points };
});
window.__points = gpus * perGpu;

// The last hour of the same GPUs: what the chart shows before the user picks "7d".
const lastHour = series.map((s) => ({ ...s, points: s.points.slice(-240) }));

const chart = (shown: ChartSeries[], range: { from: number; to: number }) => (
  <div style={{ width: 1200 }}>
    <TimeSeriesChart
      title="GPU utilisation"
      unit="%"
      series={shown}
      range={range}
      yDomain={[0, 100]}
    />
  </div>
);

// The clock stops at the frame after the one that first shows every line and the axis labels: a
// frame shown before the chart has settled (the plot is measured, recharts lays out its axes)
// does not count as painted.
const drawn = () =>
  document.querySelector(`.ts-chart-lines[data-drawn="${gpus}"]`) !== null &&
  document.querySelectorAll('.recharts-cartesian-axis-tick-value').length > 0;
const whenDrawn = (then: () => void) => {
  const check = () =>
    requestAnimationFrame(() => {
      if (!drawn()) return check();
      requestAnimationFrame(then);
    });
  check();
};

/**
 * "open": the week arrives for a chart not yet on screen (the page opens; all code runs cold).
 * "switch": the chart shows the last hour and the week arrives after the user picks "7d" (as
 * the GPUs page keeps the previous range on screen while the new one loads).
 */
window.__paint = (mode) =>
  new Promise<number>((resolve) => {
    const root = createRoot(document.getElementById('root')!);
    const week = () => {
      document.querySelector('.ts-chart-lines')?.removeAttribute('data-drawn');
      const started = performance.now();
      root.render(chart(series, { from, to }));
      whenDrawn(() => resolve(performance.now() - started));
    };
    if (mode === 'open') return week();
    root.render(chart(lastHour, { from: to - 3_600_000, to }));
    whenDrawn(() => setTimeout(week, 200));
  });
