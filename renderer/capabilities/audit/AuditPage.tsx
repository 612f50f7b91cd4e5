// The audit trail: every change the console made or tried, who, what, from, to, why and how it
// ended, filtered and paged by the host; the chain's check on top; exports of exactly the
// filtered rows, streamed by the host into a file.
import { useEffect, useMemo, useState } from 'react';
import type { AuditEntryView } from '../../../shared/contract/audit';
import { ErrorMessage } from '../../components/ErrorMessage';
import { IconRefresh } from '../../components/icons';
import { Skeleton } from '../../components/Skeleton';
import { useToasts } from '../../components/toasts';
import { useBridge } from '../../data/bridge-context';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { ChainCheck } from './ChainCheck';
import { EntryDetail } from './EntryDetail';
import { useAuditPages } from './audit-data';
import { emptyForm, filterOf, isFiltered, type AuditForm } from './audit-view';
import './audit.css';

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function AuditPage() {
  const [form, setForm] = useState<AuditForm>(emptyForm);
  const settledForm = useDebounced(form, 300);
  const filter = useMemo(() => filterOf(settledForm), [settledForm]);
  const pages = useAuditPages(filter);
  const [selected, setSelected] = useState<AuditEntryView>();
  const entries = useMemo(() => pages.data?.pages.flatMap((p) => p.entries) ?? [], [pages.data]);

  return (
    <div className="page audit-page">
      <header className="page-header">
        <div>
          <h1>Audit log</h1>
          <p className="page-subtitle muted">
            Every approval, promotion, rollback, pipeline action, silence and connection change the
            console made or tried, in a hash chain that shows any edit.
          </p>
        </div>
        <ExportButtons filter={filter} />
      </header>
      <ChainCheck />
      <AuditFilters form={form} onChange={setForm} />
      <div className="audit-count">
        <span className="muted" data-testid="audit-count">
          {pages.isSuccess &&
            `${entries.length.toLocaleString()}${pages.hasNextPage ? '+' : ''} entr${entries.length === 1 ? 'y' : 'ies'}${isFiltered(settledForm) ? ' match' : ''}, newest first`}
        </span>
        <button
          type="button"
          className="icon-button"
          aria-label="Refresh audit entries"
          data-testid="audit-refresh"
          onClick={() => void pages.refetch()}
        >
          <IconRefresh className={pages.isFetching ? 'spin' : undefined} />
        </button>
      </div>
      <div className={selected ? 'audit-body with-detail' : 'audit-body'}>
        {pages.isPending ? (
          <Skeleton lines={8} label="Loading audit entries" />
        ) : pages.isError ? (
          <ErrorMessage error={pages.error} onRetry={() => void pages.refetch()} />
        ) : entries.length === 0 ? (
          <p className="muted empty-line" data-testid="audit-empty">
            {isFiltered(settledForm)
              ? 'No entry matches these filters.'
              : 'No entries yet: the console has not changed anything.'}
          </p>
        ) : (
          <AuditTable
            entries={entries}
            hasMore={pages.hasNextPage}
            loadingMore={pages.isFetchingNextPage}
            onLoadMore={() => void pages.fetchNextPage()}
            selected={selected}
            onSelect={setSelected}
          />
        )}
        {pages.isFetchNextPageError && (
          <ErrorMessage error={pages.error} onRetry={() => void pages.fetchNextPage()} compact />
        )}
        {selected && <EntryDetail entry={selected} onClose={() => setSelected(undefined)} />}
      </div>
    </div>
  );
}

function ExportButtons({ filter }: { filter: ReturnType<typeof filterOf> }) {
  const bridge = useBridge();
  const toasts = useToasts();
  const [busy, setBusy] = useState(false);
  const save = async (format: 'jsonl' | 'csv') => {
    setBusy(true);
    try {
      const saved = await bridge.save('audit.export', { filter, format });
      if (saved.saved)
        toasts.show({
          tone: 'ok',
          title: `Audit export (${format.toUpperCase()}) ${saved.path ? `saved to ${saved.path}` : 'started'}`,
        });
    } catch (error) {
      toasts.show({ tone: 'error', title: 'The export failed', message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="audit-export" role="group" aria-label="Export the filtered entries">
      <button
        type="button"
        className="button"
        disabled={busy}
        data-testid="audit-export-jsonl"
        onClick={() => void save('jsonl')}
      >
        Export JSONL
      </button>
      <button
        type="button"
        className="button"
        disabled={busy}
        data-testid="audit-export-csv"
        onClick={() => void save('csv')}
      >
        Export CSV
      </button>
    </div>
  );
}
