// Rows of key/value pairs, e.g. extra HTTP headers (X-Scope-OrgID for a multi-tenant Mimir).
import { IconClose, IconPlus } from './icons';

export interface KeyValueRow {
  key: string;
  value: string;
}

export function KeyValueEditor({
  rows,
  onChange,
  idPrefix,
  keyLabel = 'Name',
  valueLabel = 'Value',
  keyPlaceholder,
  valuePlaceholder,
  addLabel = 'Add',
}: {
  rows: KeyValueRow[];
  onChange: (rows: KeyValueRow[]) => void;
  idPrefix: string;
  keyLabel?: string;
  valueLabel?: string;
  keyPlaceholder?: string;
  valuePlaceholder?: string;
  addLabel?: string;
}) {
  const update = (index: number, patch: Partial<KeyValueRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div className="row-editor">
      {rows.map((row, i) => (
        <div className="row-editor-row" key={i}>
          <input
            className="input mono"
            aria-label={`${keyLabel} ${i + 1}`}
            data-testid={`${idPrefix}-key-${i}`}
            value={row.key}
            placeholder={keyPlaceholder}
            spellCheck={false}
            onChange={(e) => update(i, { key: e.target.value })}
          />
          <input
            className="input mono"
            aria-label={`${valueLabel} ${i + 1}`}
            data-testid={`${idPrefix}-value-${i}`}
            value={row.value}
            placeholder={valuePlaceholder}
            spellCheck={false}
            onChange={(e) => update(i, { value: e.target.value })}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove ${keyLabel.toLowerCase()} ${i + 1}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            <IconClose />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button small ghost"
        data-testid={`${idPrefix}-add`}
        onClick={() => onChange([...rows, { key: '', value: '' }])}
      >
        <IconPlus /> {addLabel}
      </button>
    </div>
  );
}
