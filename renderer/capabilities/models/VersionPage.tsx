// A version's page: who registered it and when, the release notes, the pipeline run and source
// run behind it, its params, metrics with their history, datasets, where it serves, and a
// comparison with the champion.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { SourceRun, VersionPage as Page } from '../../../shared/contract/models';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FreshPanel } from '../../components/FreshPanel';
import { Skeleton } from '../../components/Skeleton';
import { useFreshCall } from '../../data/fresh';
import { AliasBadges } from './AliasBadges';
import { ApprovalsPanel } from './approvals';
import { ChampionComparison } from './ChampionComparison';
import { DatasetList } from './DatasetList';
import { LazyMetricChart as MetricChart } from './LazyMetricChart';
import { GatesPanel } from './gates';
import { PromoteButton, RollbackButton } from './promotion';
import { formatEpoch, formatMetric, modelPath, useRegistry } from './registry';
import { ServingTable } from './ServingTable';
import './models.css';

export function VersionPage() {
  const { name = '', version = '' } = useParams();
  const { list, registry } = useRegistry();
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <p className="breadcrumb">
            <Link to="/models">Models</Link> / <Link to={modelPath(name)}>{name}</Link> /
          </p>
          <h1>
            <span className="mono">{name}</span> v{version}
          </h1>
        </div>
      </header>
      {list.isPending ? (
        <Skeleton lines={5} />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : registry ? (
        <VersionDetail registryId={registry.connection.id} name={name} version={version} />
      ) : (
        <p className="muted">This workspace has no MLflow connection.</p>
      )}
    </div>
  );
}

function VersionDetail({
  registryId,
  name,
  version,
}: {
  registryId: string;
  name: string;
  version: string;
}) {
  const page = useFreshCall('models.version', { id: registryId, name, version });
  const serving = useFreshCall('models.serving', { id: registryId, name });
  const [comparing, setComparing] = useState(false);

  return (
    <>
      <section className="card models-card">
        <FreshPanel fresh={page} skeletonLines={6}>
          {(p) => <VersionFacts page={p} />}
        </FreshPanel>
      </section>
      <section className="card models-card" aria-labelledby="approvals-title">
        <h2 className="section-title" id="approvals-title">
          Approvals
        </h2>
        <ApprovalsPanel registryId={registryId} name={name} version={version} />
      </section>
      <section className="card models-card" aria-labelledby="gates-title">
        <h2 className="section-title" id="gates-title">
          Deployment gates
        </h2>
        <GatesPanel registryId={registryId} name={name} version={version} />
      </section>
      <section className="card models-card" aria-labelledby="promotion-title">
        <h2 className="section-title" id="promotion-title">
          Promotion
        </h2>
        <div className="promotion-actions">
          <PromoteButton registryId={registryId} model={name} version={version} />
          <RollbackButton registryId={registryId} model={name} />
        </div>
      </section>
      <section className="card models-card">
        <h2 className="section-title">Serving</h2>
        <FreshPanel fresh={serving}>
          {(s) => <ServingTable serving={s} version={version} />}
        </FreshPanel>
      </section>
      <section className="card models-card">
        <div className="section-head">
          <h2 className="section-title">Compare with champion</h2>
          {!comparing && (
            <button type="button" className="button" onClick={() => setComparing(true)}>
              Compare with champion
            </button>
          )}
        </div>
        {comparing && <ChampionComparison registryId={registryId} name={name} version={version} />}
      </section>
    </>
  );
}

function VersionFacts({ page }: { page: Page }) {
  const v = page.version;
  return (
    <>
      <dl className="facts" data-testid="version-facts">
        <div>
          <dt>Aliases</dt>
          <dd>
            <AliasBadges aliases={v.aliases} />
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{v.status ?? '—'}</dd>
        </div>
        <div>
          <dt>Registered</dt>
          <dd>{formatEpoch(v.createdAt)}</dd>
        </div>
        <div>
          <dt>Registered by</dt>
          <dd>
            {v.registeredBy ??
              (page.run?.user ? (
                <>
                  {page.run.user} <span className="muted small">(run user)</span>
                </>
              ) : (
                '—'
              ))}
          </dd>
        </div>
        <div>
          <dt>Pipeline run</dt>
          <dd className="mono" data-testid="pipeline-run">
            {page.run?.pipeline
              ? `${page.run.pipeline.namespace ? `${page.run.pipeline.namespace}/` : ''}${page.run.pipeline.workflow}`
              : '—'}
          </dd>
        </div>
        {v.stage && (
          <div>
            <dt>Stage (deprecated)</dt>
            <dd>{v.stage}</dd>
          </div>
        )}
      </dl>
      <h2 className="section-title">Release notes</h2>
      <p className="model-description" data-testid="release-notes">
        {v.description ?? <span className="muted">No release notes.</span>}
      </p>
      {Object.keys(v.tags).length > 0 && (
        <p className="models-tags">
          {Object.entries(v.tags).map(([k, val]) => (
            <span key={k} className="tag-chip">
              {k}={val}
            </span>
          ))}
        </p>
      )}
      {page.runError && <ErrorMessage error={page.runError} compact />}
      {page.run && <RunSections run={page.run} />}
    </>
  );
}

function RunSections({ run }: { run: SourceRun }) {
  const [metric, setMetric] = useState(run.metrics[0]?.key);
  const chosen = run.metrics.find((m) => m.key === metric);
  return (
    <>
      <h2 className="section-title">Source run</h2>
      <p className="small">
        <span className="mono">{run.runName ?? run.runId}</span>{' '}
        <span className="muted">
          ({run.runId.slice(0, 12)}, experiment {run.experimentId}, {run.status ?? 'unknown'},
          started {formatEpoch(run.startTime)}
          {run.gitCommit ? `, commit ${run.gitCommit.slice(0, 10)}` : ''})
        </span>
      </p>
      <div className="run-grid">
        <div>
          <h3 className="subsection-title">Metrics</h3>
          <table className="data-table" data-testid="metrics-table">
            <thead>
              <tr>
                <th>Metric</th>
                <th className="num">Value</th>
                <th className="num">Points</th>
              </tr>
            </thead>
            <tbody>
              {run.metrics.map((m) => (
                <tr key={m.key} aria-selected={m.key === metric}>
                  <td>
                    <button
                      type="button"
                      className="link-button mono"
                      onClick={() => setMetric(m.key)}
                    >
                      {m.key}
                    </button>
                  </td>
                  <td className="num">{formatMetric(m.value)}</td>
                  <td className="num">{m.history.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {chosen && chosen.history.length > 1 && (
            <MetricChart
              metric={chosen.key}
              series={[{ label: chosen.key, points: chosen.history, color: 'var(--accent)' }]}
            />
          )}
        </div>
        <div>
          <h3 className="subsection-title">Parameters</h3>
          <table className="data-table" data-testid="params-table">
            <tbody>
              {run.params.map((p) => (
                <tr key={p.key}>
                  <td className="mono">{p.key}</td>
                  <td className="mono">{p.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <h3 className="subsection-title">Datasets</h3>
      <DatasetList datasets={run.datasets} />
    </>
  );
}
