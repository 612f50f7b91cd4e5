// An ordered list of strings, one input per row (kubeconfig paths, a context allowlist).
import { IconClose, IconPlus } from './icons';

export function ListEditor({
  items,
  onChange,
  idPrefix,
  itemLabel,
  placeholder,
  addLabel = 'Add',
}: {
  items: string[];
  onChange: (items: string[]) => void;
  idPrefix: string;
  itemLabel: string;
  placeholder?: string;
  addLabel?: string;
}) {
  return (
    <div className="row-editor">
      {items.map((item, i) => (
        <div className="row-editor-row single" key={i}>
          <input
            className="input mono"
            aria-label={`${itemLabel} ${i + 1}`}
            data-testid={`${idPrefix}-${i}`}
            value={item}
            placeholder={placeholder}
            spellCheck={false}
            onChange={(e) => onChange(items.map((v, j) => (j === i ? e.target.value : v)))}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove ${itemLabel.toLowerCase()} ${i + 1}`}
            onClick={() => onChange(items.filter((_, j) => j !== i))}
          >
            <IconClose />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button small ghost"
        data-testid={`${idPrefix}-add`}
        onClick={() => onChange([...items, ''])}
      >
        <IconPlus /> {addLabel}
      </button>
    </div>
  );
}
