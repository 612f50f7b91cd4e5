// The steps as a graph: one box per step (name, phase, duration), arrows from what it waited for;
// the failed step outlined in red. Plain SVG, laid out by dagre.
import { useMemo } from 'react';
import { formatDuration } from '../runs-view';
import { dagLayout, nodeSize, stepTone, type Step } from './step-layout';

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

export function StepDag({ steps }: { steps: Step[] }) {
  const layout = useMemo(() => dagLayout(steps), [steps]);
  return (
    <div className="step-dag" data-testid="step-dag">
      <svg
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label={`Steps as a graph: ${steps.length} steps`}
      >
        <defs>
          <marker
            id="step-arrow"
            viewBox="0 0 8 8"
            refX="7"
            refY="4"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0,0 L8,4 L0,8 z" className="step-edge-head" />
          </marker>
        </defs>
        {layout.edges.map((e) => (
          <polyline
            key={`${e.from}->${e.to}`}
            className="step-edge"
            points={e.points.map((p) => `${p.x},${p.y}`).join(' ')}
            markerEnd="url(#step-arrow)"
          />
        ))}
        {layout.nodes.map(({ step, x, y }) => (
          <g
            key={step.id ?? step.name}
            transform={`translate(${x},${y})`}
            className={`step-node ${stepTone(step)}`}
            data-testid={step.failed ? 'failed-step' : 'step'}
            aria-current={step.failed ? 'step' : undefined}
          >
            <title>
              {`${step.name}: ${step.phase}${step.durationMs !== undefined ? `, ${formatDuration(step.durationMs)}` : ''}${step.message ? `\n${step.message}` : ''}`}
            </title>
            <rect width={nodeSize.width} height={nodeSize.height} rx="6" />
            <text x="8" y="17" className="step-node-name">
              {clip(step.name, 18)}
            </text>
            <text x="8" y="34" className="step-node-meta">
              {step.phase}
              {step.durationMs !== undefined ? ` · ${formatDuration(step.durationMs)}` : ''}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}
