// Serving health: every InferenceService and model Deployment of the selected clusters, ready or
// not and why (its conditions), replicas, restarts, revision and traffic split, last transition.
// Painted from the last answer at once, then live; re-read every 15 s. `?service=` selects one.
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ServingService } from '../../../shared/contract/serving';
import { FreshPanel } from '../../components/FreshPanel';
import {
  KubeObjectCells,
  ListFilterBar,
  useRefreshEvery,
  useSelectedRowInView,
} from '../../components/ListFilterBar';
import { Badge, type Tone } from '../../components/StatusBadge';
import { formatClock, formatDateTime } from '../../components/time';
import { useFreshCall } from '../../data/fresh';
import { ClusterNotes } from '../schedules/ClusterNotes';
import { filterServices, healthLabel, trafficText } from './serving-view';
import '../schedules/schedules.css';

const refreshMs = 15_000;

const tones: Record<ServingService['health'], Tone> = {
  ready: 'ok',
  'not-ready': 'danger',
  unknown: 'warn',
};

export function ServingPage() {
  const fresh = useFreshCall('serving.services', {});
  useRefreshEvery(fresh.retry, refreshMs);
  return (
    <div className="page serving-page">
      <header className="page-header">
        <div>
          <h1>Serving</h1>
          <p className="page-subtitle muted">
            InferenceServices and model Deployments across your selected clusters
          </p>
        </div>
      </header>
      <FreshPanel
        fresh={fresh}
        skeletonLines={8}
        emptyText="No Kubernetes cluster is selected in this workspace."
      >
        {(view) => <ServingBody services={view.services} clusters={view.clusters} />}
      </FreshPanel>
    </div>
  );
}

function ServingBody({
  services,
  clusters,
}: {
  services: ServingService[];
  clusters: Parameters<typeof ClusterNotes>[0]['clusters'];
}) {
  const [params] = useSearchParams();
  const selected = params.get('service') ?? undefined;
  const [text, setText] = useState('');
  const [onlyProblems, setOnlyProblems] = useState(false);
  const shown = useMemo(
    () => filterServices(services, { text, onlyProblems }),
    [services, text, onlyProblems],
  );
  const notReady = services.filter((s) => s.health !== 'ready').length;
  const selectedRow = useSelectedRowInView(selected);

  return (
    <>
      <ClusterNotes clusters={clusters} />
      <ListFilterBar
        text={text}
        onText={setText}
        textLabel="Filter services"
        onlyProblems={onlyProblems}
        onOnlyProblems={setOnlyProblems}
        onlyProblemsLabel="Only services not ready"
      >
        <span className="muted" data-testid="serving-count">
          {shown.length} of {services.length} services · {notReady} not ready
        </span>
      </ListFilterBar>
      {shown.length === 0 ? (
        <p className="muted">
          {services.length === 0
            ? 'No InferenceService or model Deployment on the selected clusters.'
            : 'No service matches this filter.'}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table serving-table">
            <thead>
              <tr>
                <th>Service</th>
                <th>Cluster / namespace</th>
                <th>Health</th>
                <th>Replicas</th>
                <th>Restarts</th>
                <th>Revision and traffic</th>
                <th>Last transition</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => {
                const isSelected = s.id === selected;
                return (
                  <tr
                    key={s.id}
                    ref={isSelected ? selectedRow : undefined}
                    className={isSelected ? 'selected' : undefined}
                    aria-selected={isSelected}
                    data-testid="service-row"
                  >
                    <KubeObjectCells
                      name={s.name}
                      kind={s.kind}
                      model={s.model}
                      context={s.context}
                      namespace={s.namespace}
                    />
                    <td>
                      <Badge tone={tones[s.health]}>{healthLabel(s)}</Badge>
                      {s.message && <div className="small serving-why">{s.message}</div>}
                      {isSelected && <Conditions service={s} />}
                    </td>
                    <td>
                      {s.replicas.ready}
                      {s.replicas.desired !== undefined ? ` / ${s.replicas.desired}` : ''}
                    </td>
                    <td>{s.restarts}</td>
                    <td>
                      <span className="mono small">{s.revision ?? '—'}</span>
                      {s.traffic.length > 0 && (
                        <div className="small">{trafficText(s.traffic)}</div>
                      )}
                    </td>
                    <td>
                      {s.lastTransition ? (
                        <span title={formatDateTime(s.lastTransition)}>
                          {formatClock(s.lastTransition)}
                        </span>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function Conditions({ service }: { service: ServingService }) {
  if (service.conditions.length === 0) return null;
  return (
    <ul className="serving-conditions small" aria-label="Conditions">
      {service.conditions.map((c) => (
        <li key={c.type}>
          <span className="mono">{c.type}</span>: {c.status}
          {c.reason ? ` (${c.reason})` : ''}
        </li>
      ))}
    </ul>
  );
}
