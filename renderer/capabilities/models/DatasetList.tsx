import type { Dataset } from '../../../shared/contract/models';

/** Training and evaluation datasets: role, name, digest, location, rows and columns. */
export function DatasetList({ datasets }: { datasets: Dataset[] }) {
  if (datasets.length === 0) return <p className="muted">The run logged no datasets.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="datasets-table">
        <thead>
          <tr>
            <th>Role</th>
            <th>Name</th>
            <th>Digest</th>
            <th>Source</th>
            <th className="num">Rows</th>
            <th>Schema</th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((d) => (
            <tr key={`${d.context ?? ''}/${d.name}/${d.digest}`}>
              <td>{d.context ?? '—'}</td>
              <td className="mono">{d.name}</td>
              <td className="mono">{d.digest}</td>
              <td className="mono small">{d.source ?? '—'}</td>
              <td className="num">{d.rows ?? '—'}</td>
              <td className="small">
                {d.schema.map((c) => `${c.name}: ${c.type}`).join(', ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
