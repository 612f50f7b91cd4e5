// The page the GPU chart benchmark loads: 64 GPUs × 40,625 samples (2.6 million points, a week
// at ~15 s) arrive as data, then the shared TimeSeriesChart paints them. The time from "data
// arrived" to the frame after React committed is posted to window.__paintMs.
import { createRoot } from 'react-dom/client';
import {
  TimeSeriesChart,
  type ChartSeries,
} from '../../renderer/components/charts/TimeSeriesChart';

declare global {
  interface Window {
    __paintMs?: number;
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

const root = createRoot(document.getElementById('root')!);
const started = performance.now();
root.render(
  <div style={{ width: 1200 }}>
    <TimeSeriesChart
      title="GPU utilisation"
      unit="%"
      series={series}
      range={{ from, to }}
      yDomain={[0, 100]}
    />
  </div>,
);
// Two frames: React's commit, then the browser's paint of it.
requestAnimationFrame(() =>
  requestAnimationFrame(() => {
    window.__paintMs = performance.now() - started;
  }),
);
