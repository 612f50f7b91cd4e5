// One dataset of the comparison: its path on the host (validated by reading its columns as soon
// as it looks like a file) and an optional time window on one of its time columns.
import { controlProps, Field } from '../../../components/Field';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useCall } from '../../../data/queries';
import { BrowseButton } from './BrowseButton';
import type { SideForm } from './report-view';

export function DatasetField({
  side,
  value,
  problem,
  onChange,
}: {
  side: 'reference' | 'current';
  value: SideForm;
  problem?: string;
  onChange: (next: SideForm) => void;
}) {
  const path = value.path.trim();
  const inspected = useCall('drift.inspect', { path }, { enabled: !problem, retry: false });
  const times = inspected.data?.columns.filter((c) => c.kind === 'time').map((c) => c.name) ?? [];
  const id = `drift-${side}`;
  const label = side === 'reference' ? 'Reference dataset' : 'Current dataset';
  return (
    <fieldset className="drift-side">
      <Field
        id={id}
        label={label}
        hint="A CSV or Parquet file on the host's disk (a path or file:// URI)"
        error={value.path ? problem : undefined}
      >
        <div className="drift-path">
          <input
            {...controlProps(id, value.path ? problem : undefined)}
            className="mono"
            list="drift-suggestions"
            value={value.path}
            placeholder="/data/training.parquet"
            onChange={(e) => onChange({ ...value, path: e.target.value })}
            data-testid={`${id}-path`}
          />
          <BrowseButton
            label={label}
            onPick={(path) => onChange({ ...value, path })}
            testId={`${id}-browse`}
          />
        </div>
      </Field>
      {inspected.error && <ErrorMessage error={inspected.error} compact testId={`${id}-error`} />}
      {inspected.data && (
        <p className="small muted" data-testid={`${id}-columns`}>
          {inspected.data.format.toUpperCase()} · {inspected.data.columns.length} columns:{' '}
          {inspected.data.columns.map((c) => `${c.name} (${c.kind})`).join(', ')}
        </p>
      )}
      <div className="drift-window">
        <Field id={`${id}-window`} label="Time window on" optional>
          <select
            {...controlProps(`${id}-window`)}
            value={value.windowColumn}
            onChange={(e) => onChange({ ...value, windowColumn: e.target.value })}
          >
            <option value="">All rows</option>
            {[...new Set([...times, value.windowColumn].filter(Boolean))].map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </Field>
        {value.windowColumn && (
          <>
            <Field id={`${id}-from`} label="From (inclusive)">
              <input
                {...controlProps(`${id}-from`)}
                type="date"
                value={value.from}
                onChange={(e) => onChange({ ...value, from: e.target.value })}
              />
            </Field>
            <Field id={`${id}-to`} label="To (exclusive)">
              <input
                {...controlProps(`${id}-to`)}
                type="date"
                value={value.to}
                onChange={(e) => onChange({ ...value, to: e.target.value })}
              />
            </Field>
          </>
        )}
      </div>
    </fieldset>
  );
}
