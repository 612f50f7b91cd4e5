// A run's steps as a DAG or a Gantt chart, the user's choice remembered for the session.
import { useState } from 'react';
import { StepDag } from './StepDag';
import { StepGantt } from './StepGantt';
import type { Step } from './step-layout';
import './steps.css';

type View = 'graph' | 'timeline';
let remembered: View = 'graph';

export function StepsView({ steps }: { steps: Step[] }) {
  const [view, setView] = useState<View>(remembered);
  const choose = (v: View) => {
    remembered = v;
    setView(v);
  };
  const failed = steps.find((s) => s.failed);
  return (
    <section aria-label="Steps">
      <div className="steps-header">
        <h3>Steps</h3>
        <div className="segmented" role="group" aria-label="Show steps as">
          {(['graph', 'timeline'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className={`button small${view === v ? ' active' : ''}`}
              aria-pressed={view === v}
              onClick={() => choose(v)}
            >
              {v === 'graph' ? 'Graph' : 'Timeline'}
            </button>
          ))}
        </div>
      </div>
      {steps.length === 0 ? (
        <p className="muted">No steps started.</p>
      ) : view === 'graph' ? (
        <StepDag steps={steps} />
      ) : (
        <StepGantt steps={steps} />
      )}
      {failed?.message && (
        <p className="step-failure" data-testid="failed-step-message">
          <strong>{failed.name}</strong>: {failed.message}
        </p>
      )}
    </section>
  );
}
