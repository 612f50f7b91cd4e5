// "Compare datasets": pick a reference and a current file on the host (the demo's samples are
// suggested), run the drift engine in the host's worker with progress and cancel, and read the
// report. The form stays on top so a comparison is tweaked and run again (cached runs are instant).
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { callKey, useCall, useCallMutation } from '../../../data/queries';
import { DatasetField } from './DatasetField';
import { ModelDatasetPicker } from './ModelDatasetPicker';
import { ReportView } from './ReportView';
import { type CompareForm, emptySide, formProblems, percent, toRequest } from './report-view';
import './report.css';

const initial: CompareForm = {
  reference: emptySide,
  current: emptySide,
  psi: false,
  predictionColumn: '',
  labelColumn: '',
};

export function DriftReportTab() {
  const [form, setForm] = useState(initial);
  const [runId, setRunId] = useState<string>();
  const suggestions = useCall('drift.suggestions', {});
  const client = useQueryClient();
  const start = useCallMutation('drift.start', {
    onSuccess: (run) => {
      client.setQueryData(callKey('drift.run', { runId: run.runId }), run);
      setRunId(run.runId);
    },
  });
  const cancel = useCallMutation('drift.cancel');
  const run = useCall(
    'drift.run',
    { runId: runId ?? '' },
    {
      enabled: !!runId,
      // Progress arrives as events; this slow poll only covers a missed event.
      refetchInterval: (q) => (q.state.data?.state === 'running' ? 5000 : false),
    },
  );
  const problems = formProblems(form);
  const blocked = Object.values(problems)[0];
  const files = suggestions.data?.datasets ?? [];
  const current = run.data;

  return (
    <div className="drift-compare">
      <section className="card">
        <header className="card-header">
          <h2 className="card-title">Compare datasets</h2>
          <span className="card-subtitle">
            Per column Evidently&apos;s default test (or PSI), computed on the host; rows never
            leave it
          </span>
        </header>
        <datalist id="drift-suggestions">
          {files.map((f) => (
            <option key={f.path} value={f.path}>
              {`${f.origin}: ${f.label}`}
            </option>
          ))}
        </datalist>
        {files.length >= 2 && !form.reference.path && !form.current.path && (
          <p className="small">
            <button
              type="button"
              className="link-button"
              data-testid="drift-use-samples"
              onClick={() =>
                setForm({
                  ...form,
                  reference: { ...emptySide, path: files[0]!.path },
                  current: { ...emptySide, path: files[1]!.path },
                })
              }
            >
              Use the {files[0]!.origin.toLowerCase()}
            </button>{' '}
            ({files.map((f) => f.label).join(' vs ')})
          </p>
        )}
        {suggestions.error && <ErrorMessage error={suggestions.error} compact />}
        <details className="drift-from-model">
          <summary className="small">From a model version&apos;s registered datasets</summary>
          <ModelDatasetPicker
            onPick={(side, path) => setForm({ ...form, [side]: { ...emptySide, path } })}
          />
        </details>
        <div className="drift-sides">
          {(['reference', 'current'] as const).map((side) => (
            <DatasetField
              key={side}
              side={side}
              value={form[side]}
              problem={problems[side]}
              onChange={(next) => setForm({ ...form, [side]: next })}
            />
          ))}
        </div>
        <div className="drift-options">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.psi}
              onChange={(e) => setForm({ ...form, psi: e.target.checked })}
            />{' '}
            PSI on every column (threshold 0.1) instead of Evidently&apos;s default tests
          </label>
          <label>
            Prediction column{' '}
            <input
              value={form.predictionColumn}
              placeholder="optional"
              onChange={(e) => setForm({ ...form, predictionColumn: e.target.value })}
            />
          </label>
          <label>
            Label column{' '}
            <input
              value={form.labelColumn}
              placeholder="optional, with a prediction"
              onChange={(e) => setForm({ ...form, labelColumn: e.target.value })}
            />
          </label>
        </div>
        <div className="button-row">
          <button
            type="button"
            className="button primary"
            data-testid="drift-compare"
            disabled={!!blocked || start.isPending || current?.state === 'running'}
            title={blocked}
            onClick={() => start.mutate(toRequest(form))}
          >
            Compare
          </button>
          {blocked && <span className="small muted">{blocked}</span>}
        </div>
        {start.error && <ErrorMessage error={start.error} testId="drift-start-error" />}
      </section>

      {current?.state === 'running' && (
        <section className="card" data-testid="drift-progress">
          <p>
            {current.step}… {percent(current.fraction)}
          </p>
          <progress max={1} value={current.fraction} aria-label="Comparison progress" />
          <button
            type="button"
            className="button small"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate({ runId: current.runId })}
          >
            Cancel
          </button>
        </section>
      )}
      {current?.state === 'cancelled' && <p className="muted">The comparison was cancelled.</p>}
      {current?.state === 'failed' && current.error && (
        <ErrorMessage error={current.error} testId="drift-run-error" />
      )}
      {run.error && <ErrorMessage error={run.error} onRetry={() => void run.refetch()} />}
      {current?.state === 'done' && current.report && (
        <ReportView key={current.runId} run={{ ...current, report: current.report }} />
      )}
    </div>
  );
}
