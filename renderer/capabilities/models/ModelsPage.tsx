// The registered models of the workspace's MLflow registry: search by name, page through with
// MLflow's page tokens, each row with its aliases and latest version.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FreshPanel } from '../../components/FreshPanel';
import { Skeleton } from '../../components/Skeleton';
import { useFreshCall } from '../../data/fresh';
import { AliasBadges } from './AliasBadges';
import { modelPath, useRegistry } from './registry';
import './models.css';

const pageSize = 25;

export function ModelsPage() {
  const { list, registry } = useRegistry();
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Models</h1>
          <p className="page-subtitle">
            {registry ? (
              <>
                {registry.connection.name} · <span className="mono">{registry.connection.id}</span>
              </>
            ) : (
              ' '
            )}
          </p>
        </div>
      </header>
      {list.isPending ? (
        <Skeleton lines={5} label="Loading connections" />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : registry ? (
        <ModelList registryId={registry.connection.id} />
      ) : (
        <div className="empty-state">
          <h2>No model registry in this workspace</h2>
          <p className="muted">Add an MLflow connection in Settings to see its models here.</p>
          <Link className="button primary" to="/settings">
            Add a connection
          </Link>
        </div>
      )}
    </div>
  );
}

function ModelList({ registryId }: { registryId: string }) {
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  // The tokens of the pages before this one, so "Previous" goes back without MLflow's help.
  const [tokens, setTokens] = useState<(string | undefined)[]>([undefined]);
  const pageToken = tokens[tokens.length - 1];
  const fresh = useFreshCall('models.list', {
    id: registryId,
    search,
    pageSize,
    ...(pageToken ? { pageToken } : {}),
  });

  return (
    <section className="card models-card">
      <form
        className="models-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(typed.trim());
          setTokens([undefined]);
        }}
      >
        <input
          className="input"
          type="search"
          aria-label="Search models by name"
          placeholder="Search models by name"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <FreshPanel fresh={fresh} skeletonLines={6}>
        {(page) =>
          page.models.length === 0 ? (
            <p className="muted empty-line">
              {search ? `No model's name contains "${search}".` : 'The registry has no models yet.'}
            </p>
          ) : (
            <>
              <div className="table-scroll">
                <table className="data-table" data-testid="models-table">
                  <thead>
                    <tr>
                      <th>Model</th>
                      <th>Aliases</th>
                      <th className="num">Latest</th>
                      <th>Tags</th>
                      <th>Description</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.models.map((m) => (
                      <tr key={m.name} data-testid={`model-row-${m.name}`}>
                        <td>
                          <Link to={modelPath(m.name)} className="mono">
                            {m.name}
                          </Link>
                        </td>
                        <td>
                          <AliasBadges aliases={m.aliases} />
                        </td>
                        <td className="num">{m.latestVersion ? `v${m.latestVersion}` : '—'}</td>
                        <td>
                          <span className="models-tags">
                            {Object.entries(m.tags)
                              .slice(0, 3)
                              .map(([k, v]) => (
                                <span key={k} className="tag-chip">
                                  {k}={v}
                                </span>
                              ))}
                          </span>
                        </td>
                        <td className="models-description">{m.description ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <nav className="pager" aria-label="Pages">
                <button
                  type="button"
                  className="button small"
                  disabled={tokens.length <= 1}
                  onClick={() => setTokens((t) => t.slice(0, -1))}
                >
                  Previous
                </button>
                <span className="muted small">Page {tokens.length}</span>
                <button
                  type="button"
                  className="button small"
                  disabled={!page.nextPageToken}
                  onClick={() => setTokens((t) => [...t, page.nextPageToken])}
                >
                  Next
                </button>
              </nav>
            </>
          )
        }
      </FreshPanel>
    </section>
  );
}
