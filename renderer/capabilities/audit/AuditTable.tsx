// The audit entries as a virtualized table: only the rows in view are in the DOM, and the next
// page is asked of the host when the last loaded rows scroll into view, so a million-row log is
// read 200 rows at a time. Rows of the selected entry's intent/outcome group are marked.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { AuditEntryView } from '../../../shared/contract/audit';
import { Badge } from '../../components/StatusBadge';
import { formatDateTime } from '../../components/time';
import { brief, resultTones, shortId } from './audit-view';

const rowHeight = 34;

export function AuditTable({
  entries,
  hasMore,
  loadingMore,
  onLoadMore,
  selected,
  onSelect,
}: {
  entries: AuditEntryView[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  selected: AuditEntryView | undefined;
  onSelect: (entry: AuditEntryView) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length + (hasMore ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    initialRect: { width: 1000, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= entries.length - 20) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, entries.length, onLoadMore]);

  const onKey = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(entries[index]!);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = Math.max(
        0,
        Math.min(entries.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)),
      );
      virtualizer.scrollToIndex(next);
      requestAnimationFrame(() =>
        scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus(),
      );
    }
  };

  return (
    <div className="audit-table" role="table" aria-label="Audit entries">
      <div className="audit-scroll" ref={scroller} data-testid="audit-scroll">
        <div className="audit-row audit-head" role="row">
          <span role="columnheader">When</span>
          <span role="columnheader">Who</span>
          <span role="columnheader">Action</span>
          <span role="columnheader">Target</span>
          <span role="columnheader">From → to</span>
          <span role="columnheader">Reason</span>
          <span role="columnheader">Result</span>
          <span role="columnheader">Group</span>
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const style = {
              position: 'absolute' as const,
              top: 0,
              left: 0,
              right: 0,
              height: rowHeight,
              transform: `translateY(${item.start}px)`,
            };
            const e = entries[item.index];
            if (!e) {
              return (
                <div key="more" className="audit-row audit-more muted" role="row" style={style}>
                  <span role="cell">Loading older entries…</span>
                </div>
              );
            }
            const isSelected = selected?.seq === e.seq;
            const inGroup =
              !isSelected &&
              selected?.correlationId != null &&
              selected.correlationId === e.correlationId;
            return (
              <div
                key={e.seq}
                role="row"
                tabIndex={0}
                data-index={item.index}
                data-testid="audit-row"
                aria-selected={isSelected}
                className={`audit-row${isSelected ? ' selected' : ''}${inGroup ? ' in-group' : ''}`}
                style={style}
                onClick={() => onSelect(e)}
                onKeyDown={(event) => onKey(event, item.index)}
              >
                <span role="cell" className="nowrap" title={e.at}>
                  {formatDateTime(e.at)}
                </span>
                <span role="cell" title={e.actor}>
                  {e.actor}
                </span>
                <span role="cell" className="mono" title={e.action}>
                  {e.action}
                </span>
                <span role="cell" className="mono" title={e.target}>
                  {e.target}
                </span>
                <span role="cell" className="mono muted">
                  {brief(e.from, 30)}
                  {e.from !== null && e.to !== null && ' → '}
                  {brief(e.to, 30)}
                </span>
                <span role="cell" className="muted" title={e.reason ?? undefined}>
                  {e.reason ?? ''}
                </span>
                <span role="cell">
                  <Badge tone={resultTones[e.result]}>{e.result}</Badge>
                </span>
                <span role="cell" className="mono muted" title={e.correlationId ?? undefined}>
                  {shortId(e.correlationId)}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
