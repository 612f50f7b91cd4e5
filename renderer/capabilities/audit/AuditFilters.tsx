// The filter bar. Who, action and target match exactly (each has an index on the host); the
// search box matches part of who, action, target, reason or group id.
import type { AuditForm } from './audit-view';
import { emptyForm, isFiltered, results, timeWindows } from './audit-view';

export function AuditFilters({
  form,
  onChange,
}: {
  form: AuditForm;
  onChange: (form: AuditForm) => void;
}) {
  const set = (patch: Partial<AuditForm>) => onChange({ ...form, ...patch });
  const text = (key: 'action' | 'actor' | 'target' | 'text', label: string, hint: string) => (
    <label className="audit-filter">
      {label}
      <input
        type="search"
        value={form[key]}
        placeholder={hint}
        data-testid={`audit-filter-${key}`}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </label>
  );

  return (
    <div className="audit-filters" role="group" aria-label="Filters">
      {text('text', 'Search', 'part of any field')}
      {text('action', 'Action', 'e.g. model.promote')}
      {text('actor', 'Who', 'exact user')}
      {text('target', 'Target', 'exact target')}
      <label className="audit-filter">
        Result
        <select
          value={form.result}
          data-testid="audit-filter-result"
          onChange={(e) => set({ result: e.target.value as AuditForm['result'] })}
        >
          <option value="">Any</option>
          {results.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label className="audit-filter">
        When
        <select
          value={form.windowHours}
          data-testid="audit-filter-window"
          onChange={(e) => set({ windowHours: Number(e.target.value) })}
        >
          {timeWindows.map((w) => (
            <option key={w.hours} value={w.hours}>
              {w.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button"
        disabled={!isFiltered(form)}
        onClick={() => onChange(emptyForm)}
      >
        Clear filters
      </button>
    </div>
  );
}
