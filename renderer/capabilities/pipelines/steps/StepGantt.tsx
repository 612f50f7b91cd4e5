// The steps on a timeline: one row per step in start order, a bar from start to finish with its
// duration, running bars open-ended, the failed step's bar in red.
import { useMemo } from 'react';
import { formatDuration } from '../runs-view';
import { ganttLayout, stepTone, type Step } from './step-layout';

// Sized to fit the run detail panel (about 450 px) without scrolling.
const labelW = 124;
const chartW = 250;
const rowH = 24;

export function StepGantt({ steps, now }: { steps: Step[]; now?: number }) {
  const layout = useMemo(() => ganttLayout(steps, now), [steps, now]);
  const scale = (ms: number) => labelW + (ms / layout.spanMs) * chartW;
  const height = layout.rows.length * rowH + 22;
  return (
    <div className="step-gantt" data-testid="step-gantt">
      <svg
        width={labelW + chartW + 64}
        height={height}
        role="img"
        aria-label={`Steps on a timeline over ${formatDuration(layout.spanMs)}`}
      >
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f}>
            <line
              className="gantt-grid"
              x1={scale(f * layout.spanMs)}
              x2={scale(f * layout.spanMs)}
              y1={0}
              y2={height - 18}
            />
            <text
              className="gantt-axis"
              x={scale(f * layout.spanMs)}
              y={height - 4}
              textAnchor="middle"
            >
              {f === 0 ? '0' : `+${formatDuration(f * layout.spanMs)}`}
            </text>
          </g>
        ))}
        {layout.rows.map((row, i) => (
          <g
            key={row.step.id ?? row.step.name}
            transform={`translate(0,${i * rowH})`}
            className={`gantt-row ${stepTone(row.step)}`}
            data-testid={row.step.failed ? 'failed-step' : 'step'}
            aria-current={row.step.failed ? 'step' : undefined}
          >
            <title>{`${row.step.name}: ${row.step.phase}${row.step.message ? `\n${row.step.message}` : ''}`}</title>
            <text x={0} y={rowH / 2 + 4} className="gantt-label">
              {row.step.name.length > 18 ? `${row.step.name.slice(0, 17)}…` : row.step.name}
            </text>
            {row.start !== undefined &&
            row.end !== undefined &&
            stepTone(row.step) !== 'skipped' ? (
              <>
                <rect
                  className={row.running ? 'gantt-bar running' : 'gantt-bar'}
                  x={scale(row.start)}
                  y={5}
                  width={Math.max(2, scale(row.end) - scale(row.start))}
                  height={rowH - 10}
                  rx="3"
                />
                <text x={scale(row.end) + 4} y={rowH / 2 + 4} className="gantt-duration">
                  {formatDuration(row.step.durationMs ?? row.end - row.start)}
                </text>
              </>
            ) : (
              <text x={labelW} y={rowH / 2 + 4} className="gantt-duration">
                {row.step.phase}
              </text>
            )}
          </g>
        ))}
      </svg>
    </div>
  );
}
