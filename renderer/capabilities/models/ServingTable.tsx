// Where a model (or one version) serves: each InferenceService or Deployment, its cluster, the
// field its model URI was found in, and the contexts that could not be searched.
import type { ModelServing } from '../../../shared/contract/models';
import { Badge } from '../../components/StatusBadge';

export function ServingTable({ serving, version }: { serving: ModelServing; version?: string }) {
  const targets = version ? serving.targets.filter((t) => t.version === version) : serving.targets;
  const failed = serving.contexts.filter((c) => c.error);
  const searched = serving.contexts.map((c) => c.context).join(', ') || 'no cluster';
  return (
    <div data-testid="serving">
      {targets.length === 0 ? (
        <p className="muted empty-line">
          {version ? `v${version} is` : 'No version is'} not serving in {searched}.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th>Cluster</th>
                <th>Kind</th>
                <th>Namespace / name</th>
                {!version && <th>Version</th>}
                <th>From</th>
                <th>State</th>
              </tr>
            </thead>
            <tbody>
              {targets.map((t) => (
                <tr
                  key={`${t.connection}/${t.context}/${t.kind}/${t.namespace}/${t.name}/${t.field}`}
                  data-testid={`serving-${t.namespace}-${t.name}`}
                >
                  <td className="mono">{t.context}</td>
                  <td>{t.kind}</td>
                  <td className="mono">
                    {t.namespace}/{t.name}
                  </td>
                  {!version && <td>{t.version ? `v${t.version}` : '?'}</td>}
                  <td className="small">
                    <span className="mono">{t.uri}</span> <span className="muted">({t.field})</span>
                    {t.trafficPercent !== undefined && (
                      <>
                        {' '}
                        <Badge tone="warn">canary {t.trafficPercent}%</Badge>
                      </>
                    )}
                  </td>
                  <td>
                    {t.ready === undefined ? (
                      '—'
                    ) : t.ready ? (
                      <Badge tone="ok">Ready</Badge>
                    ) : (
                      <Badge tone="danger">Not ready</Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {failed.map((c) => (
        <p key={`${c.connection}/${c.context}`} className="small tone-text-warn">
          Could not search {c.context}: {c.error?.message}
        </p>
      ))}
    </div>
  );
}
