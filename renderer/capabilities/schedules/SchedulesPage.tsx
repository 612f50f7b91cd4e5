// Every CronJob and CronWorkflow of the selected clusters: schedule and time zone, next run,
// last scheduled and last successful runs, missed runs and stale models. Painted from the last
// answer at once, then live; re-read every 30 s. `?schedule=` selects (and shows) one.
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Schedule, StaleModel } from '../../../shared/contract/schedules';
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
import { ClusterNotes } from './ClusterNotes';
import { filterSchedules, scheduleStatus, statusLabel, type ScheduleStatus } from './schedule-view';
import './schedules.css';

const refreshMs = 30_000;

const tones: Record<ScheduleStatus, Tone> = {
  missed: 'danger',
  problem: 'danger',
  stale: 'warn',
  suspended: 'neutral',
  ok: 'ok',
};

export function SchedulesPage() {
  const fresh = useFreshCall('schedules.list', {});
  useRefreshEvery(fresh.retry, refreshMs);
  return (
    <div className="page schedules-page">
      <header className="page-header">
        <div>
          <h1>Schedules</h1>
          <p className="page-subtitle muted">
            CronJobs and CronWorkflows across your selected clusters: missed runs and stale models
          </p>
        </div>
      </header>
      <FreshPanel
        fresh={fresh}
        skeletonLines={8}
        emptyText="No Kubernetes cluster is selected in this workspace."
      >
        {(view) => (
          <SchedulesBody
            schedules={view.schedules}
            staleModels={view.staleModels}
            clusters={view.clusters}
          />
        )}
      </FreshPanel>
    </div>
  );
}

function SchedulesBody({
  schedules,
  staleModels,
  clusters,
}: {
  schedules: Schedule[];
  staleModels: StaleModel[];
  clusters: Parameters<typeof ClusterNotes>[0]['clusters'];
}) {
  const [params] = useSearchParams();
  const selected = params.get('schedule') ?? undefined;
  const [text, setText] = useState('');
  const [onlyProblems, setOnlyProblems] = useState(false);
  const stale = useMemo(() => new Map(staleModels.map((m) => [m.scheduleId, m])), [staleModels]);
  const shown = useMemo(
    () => filterSchedules(schedules, stale, { text, onlyProblems }),
    [schedules, stale, text, onlyProblems],
  );
  const missed = schedules.filter((s) => s.missed).length;
  const selectedRow = useSelectedRowInView(selected);

  return (
    <>
      <ClusterNotes clusters={clusters} />
      <ListFilterBar
        text={text}
        onText={setText}
        textLabel="Filter schedules"
        onlyProblems={onlyProblems}
        onOnlyProblems={setOnlyProblems}
        onlyProblemsLabel="Only what needs a look"
      >
        <span className="muted" data-testid="schedules-count">
          {shown.length} of {schedules.length} schedules · {missed} missed · {staleModels.length}{' '}
          stale {staleModels.length === 1 ? 'model' : 'models'}
        </span>
      </ListFilterBar>
      {shown.length === 0 ? (
        <p className="muted">
          {schedules.length === 0
            ? 'No CronJob or CronWorkflow on the selected clusters.'
            : 'No schedule matches this filter.'}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table schedules-table">
            <thead>
              <tr>
                <th>Schedule</th>
                <th>Cluster / namespace</th>
                <th>Cron</th>
                <th>Next run</th>
                <th>Last scheduled</th>
                <th>Last successful</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => {
                const status = scheduleStatus(s, stale);
                const staleModel = stale.get(s.id);
                const isSelected = s.id === selected;
                return (
                  <tr
                    key={s.id}
                    ref={isSelected ? selectedRow : undefined}
                    className={isSelected ? 'selected' : undefined}
                    aria-selected={isSelected}
                    data-testid="schedule-row"
                  >
                    <KubeObjectCells
                      name={s.name}
                      kind={s.kind}
                      model={s.model}
                      context={s.context}
                      namespace={s.namespace}
                    />
                    <td className="mono">
                      {s.schedules.join(', ')}
                      <div className="muted small">{s.timeZone ?? 'UTC (cluster)'}</div>
                    </td>
                    <td>{s.nextRun ? <Time iso={s.nextRun} /> : '—'}</td>
                    <td>{s.lastScheduled ? <Time iso={s.lastScheduled} /> : 'never'}</td>
                    <td>{s.lastSuccessful ? <Time iso={s.lastSuccessful} /> : 'never'}</td>
                    <td>
                      <Badge tone={tones[status]}>{statusLabel[status]}</Badge>
                      {s.missed && <div className="small">{s.missed.summary}</div>}
                      {s.problem && <div className="small">{s.problem}</div>}
                      {staleModel && <div className="small">{staleModel.summary}</div>}
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

function Time({ iso }: { iso: string }) {
  return <span title={formatDateTime(iso)}>{formatClock(iso)}</span>;
}
