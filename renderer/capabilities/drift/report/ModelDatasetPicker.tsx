// Datasets registered with a model version (MLflow dataset inputs of its run) whose source is a
// local path or file:// URI: the host can read those, so they can be compared. A version's
// training data is the natural reference; a window of production inputs the current data.
import { useState } from 'react';
import type { Dataset } from '../../../../shared/contract/models';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useCall } from '../../../data/queries';
import { useRegistry } from '../../models/registry';

/** A source the host can open: an absolute path (POSIX or Windows) or a file:// URI. */
export function isLocalSource(source: string | undefined): source is string {
  return (
    !!source && (/^file:/i.test(source) || source.startsWith('/') || /^[A-Za-z]:[\\/]/.test(source))
  );
}

export function ModelDatasetPicker({
  onPick,
}: {
  onPick: (side: 'reference' | 'current', path: string) => void;
}) {
  const { list, registry } = useRegistry();
  const id = registry?.connection.id ?? '';
  const [name, setName] = useState('');
  const [version, setVersion] = useState('');
  const models = useCall('models.list', { id, pageSize: 200 }, { enabled: !!id });
  const model = useCall('models.get', { id, name }, { enabled: !!id && !!name });
  const page = useCall(
    'models.version',
    { id, name, version },
    { enabled: !!id && !!name && !!version },
  );
  const datasets: Dataset[] = page.data?.value?.run?.datasets ?? [];
  const local = datasets.filter((d) => isLocalSource(d.source));

  if (list.isPending) return null;
  if (!registry) return <p className="small muted">No model registry in this workspace.</p>;
  return (
    <div className="drift-model-datasets" data-testid="drift-model-datasets">
      <label>
        Model{' '}
        <select value={name} onChange={(e) => (setName(e.target.value), setVersion(''))}>
          <option value="">Choose…</option>
          {(models.data?.value?.models ?? []).map((m) => (
            <option key={m.name} value={m.name}>
              {m.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        Version{' '}
        <select value={version} disabled={!name} onChange={(e) => setVersion(e.target.value)}>
          <option value="">Choose…</option>
          {(model.data?.value?.versions ?? []).map((v) => (
            <option key={v.version} value={v.version}>
              v{v.version}
            </option>
          ))}
        </select>
      </label>
      {[models.error, model.error, page.error].map(
        (e, i) => e && <ErrorMessage key={i} error={e} compact />,
      )}
      {version && page.data && (
        <ul className="small">
          {datasets.length === 0 && (
            <li className="muted">This version&apos;s run logged no datasets.</li>
          )}
          {datasets.map((d) => (
            <li key={`${d.name}-${d.digest}`}>
              {d.context ?? 'dataset'} · <strong>{d.name}</strong> ·{' '}
              <code>{d.source ?? 'no source'}</code>{' '}
              {isLocalSource(d.source) ? (
                <>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onPick('reference', d.source!)}
                  >
                    as reference
                  </button>{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onPick('current', d.source!)}
                  >
                    as current
                  </button>
                </>
              ) : (
                <span className="muted">(not a local file: the host cannot read it)</span>
              )}
            </li>
          ))}
          {datasets.length > 0 && local.length === 0 && (
            <li className="muted">None of these is a local file or file:// URI.</li>
          )}
        </ul>
      )}
    </div>
  );
}
