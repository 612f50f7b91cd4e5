// The runs as a virtualized table: only the rows in view are in the DOM, so 10,000 runs scroll
// as smoothly as 10. Rows of a cluster that dropped are greyed (their data is last-known).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent } from 'react';
import type { PipelineRun } from '../../../shared/contract/pipelines';
import { Badge, type Tone } from '../../components/StatusBadge';
import { formatClock } from '../../components/time';
import { causeLabel, clusterId, formatDuration, type RunSort, type SortKey } from './runs-view';

const rowHeight = 34;

export const statusTone: Record<PipelineRun['status'], Tone> = {
  Failed: 'danger',
  Error: 'danger',
  Running: 'info',
  Pending: 'warn',
  Succeeded: 'ok',
  Unknown: 'neutral',
};

export function RunsTable({
  runs,
  sort,
  onSort,
  selected,
  onSelect,
  downClusters,
}: {
  runs: PipelineRun[];
  sort: RunSort;
  onSort: (key: SortKey) => void;
  selected: string | undefined;
  onSelect: (id: string) => void;
  downClusters: Set<string>;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: runs.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    initialRect: { width: 1000, height: 600 },
  });

  const header = (key: SortKey, label: string) => (
    <button
      type="button"
      className="runs-sort"
      onClick={() => onSort(key)}
      aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
    >
      {label}
      {sort.key === key ? (sort.desc ? ' ↓' : ' ↑') : ''}
    </button>
  );

  const onKey = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(runs[index]!.id);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = Math.max(
        0,
        Math.min(runs.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)),
      );
      virtualizer.scrollToIndex(next);
      requestAnimationFrame(() =>
        scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus(),
      );
    }
  };

  return (
    <div className="runs-table" role="table" aria-label="Pipeline runs" aria-rowcount={runs.length}>
      <div className="runs-scroll" ref={scroller} data-testid="runs-scroll">
        <div className="runs-row runs-head" role="row">
          <span role="columnheader">{header('status', 'Status')}</span>
          <span role="columnheader">Run</span>
          <span role="columnheader">Kind</span>
          <span role="columnheader">Cluster</span>
          <span role="columnheader">Model</span>
          <span role="columnheader">{header('start', 'Started')}</span>
          <span role="columnheader">{header('duration', 'Duration')}</span>
          <span role="columnheader">Cause</span>
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const run = runs[item.index]!;
            const stale = downClusters.has(clusterId(run));
            return (
              <div
                key={run.id}
                role="row"
                tabIndex={0}
                data-index={item.index}
                data-testid="run-row"
                aria-selected={selected === run.id}
                aria-label={`${run.namespace}/${run.name}`}
                className={`runs-row${selected === run.id ? ' selected' : ''}${stale ? ' stale' : ''}`}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: rowHeight,
                  transform: `translateY(${item.start}px)`,
                }}
                onClick={() => onSelect(run.id)}
                onKeyDown={(e) => onKey(e, item.index)}
              >
                <span role="cell">
                  <Badge tone={statusTone[run.status]}>{run.status}</Badge>
                </span>
                <span role="cell" className="run-name" title={`${run.namespace}/${run.name}`}>
                  <span className="muted">{run.namespace}/</span>
                  {run.name}
                </span>
                <span role="cell">{run.kind}</span>
                <span role="cell" className="muted">
                  {run.context}
                </span>
                <span role="cell">{run.model ?? ''}</span>
                <span role="cell" title={run.startedAt}>
                  {run.startedAt ? formatClock(run.startedAt) : '—'}
                </span>
                <span role="cell">{formatDuration(run.durationMs)}</span>
                <span role="cell" className="run-cause" title={run.cause?.evidence}>
                  {run.cause ? (
                    <>
                      <Badge
                        tone={run.status === 'Failed' || run.status === 'Error' ? 'danger' : 'warn'}
                        testId="run-cause"
                      >
                        {causeLabel[run.cause.kind]}
                      </Badge>
                      {run.failedStep && <span className="muted"> in {run.failedStep}</span>}
                    </>
                  ) : null}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
