// One registered model: its description, tags and aliases, every version with its alias badges,
// and where each version is serving.
import { Link, useParams } from 'react-router-dom';
import type { ModelServing } from '../../../shared/contract/models';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FreshPanel } from '../../components/FreshPanel';
import { Skeleton } from '../../components/Skeleton';
import { freshValue, useFreshCall } from '../../data/fresh';
import { AliasBadges } from './AliasBadges';
import { formatEpoch, useRegistry, versionPath } from './registry';
import { ServingTable } from './ServingTable';
import './models.css';
import { RollbackButton, ReconcileNotices } from './promotion';

export function ModelPage() {
  const { name = '' } = useParams();
  const { list, registry } = useRegistry();
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <p className="breadcrumb">
            <Link to="/models">Models</Link> /
          </p>
          <h1 className="mono">{name}</h1>
        </div>
      </header>
      {list.isPending ? (
        <Skeleton lines={5} />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : registry ? (
        <ModelDetail registryId={registry.connection.id} name={name} />
      ) : (
        <p className="muted">This workspace has no MLflow connection.</p>
      )}
    </div>
  );
}

/** Versions each serving target runs, for the versions table's "Serving" column. */
function servingByVersion(serving: ModelServing | undefined): Map<string, string[]> {
  const byVersion = new Map<string, string[]>();
  for (const t of serving?.targets ?? []) {
    if (!t.version) continue;
    byVersion.set(t.version, [...(byVersion.get(t.version) ?? []), `${t.namespace}/${t.name}`]);
  }
  return byVersion;
}

function ModelDetail({ registryId, name }: { registryId: string; name: string }) {
  const model = useFreshCall('models.get', { id: registryId, name });
  const serving = useFreshCall('models.serving', { id: registryId, name });
  const servedBy = servingByVersion(freshValue(serving.view));

  return (
    <>
      <ReconcileNotices model={name} />
      <section className="card models-card">
        <div className="promotion-actions">
          <RollbackButton registryId={registryId} model={name} />
        </div>
      </section>
      <section className="card models-card">
        <FreshPanel fresh={model} skeletonLines={8}>
          {({ model: m, versions }) => (
            <>
              {m.description && <p className="model-description">{m.description}</p>}
              <dl className="facts">
                <div>
                  <dt>Aliases</dt>
                  <dd>
                    <AliasBadges aliases={m.aliases} />
                  </dd>
                </div>
                <div>
                  <dt>Tags</dt>
                  <dd className="models-tags">
                    {Object.entries(m.tags).map(([k, v]) => (
                      <span key={k} className="tag-chip">
                        {k}={v}
                      </span>
                    ))}
                    {Object.keys(m.tags).length === 0 && <span className="muted">—</span>}
                  </dd>
                </div>
                <div>
                  <dt>Versions</dt>
                  <dd>{versions.length}</dd>
                </div>
              </dl>
              <h2 className="section-title">Versions</h2>
              <div className="table-scroll">
                <table className="data-table" data-testid="versions-table">
                  <thead>
                    <tr>
                      <th>Version</th>
                      <th>Aliases</th>
                      <th>Status</th>
                      <th>Registered</th>
                      <th>By</th>
                      <th>Serving</th>
                      <th>Release notes</th>
                    </tr>
                  </thead>
                  <tbody>
                    {versions.map((v) => (
                      <tr key={v.version} data-testid={`version-row-${v.version}`}>
                        <td>
                          <Link to={versionPath(name, v.version)}>v{v.version}</Link>
                        </td>
                        <td>
                          <AliasBadges aliases={v.aliases} />
                        </td>
                        <td>{v.status ?? '—'}</td>
                        <td className="nowrap">{formatEpoch(v.createdAt)}</td>
                        <td>{v.registeredBy ?? '—'}</td>
                        <td className="small">{servedBy.get(v.version)?.join(', ') ?? '—'}</td>
                        <td className="models-description">{v.description ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </FreshPanel>
      </section>
      <section className="card models-card">
        <h2 className="section-title">Serving</h2>
        <FreshPanel fresh={serving}>{(s) => <ServingTable serving={s} />}</FreshPanel>
      </section>
    </>
  );
}
