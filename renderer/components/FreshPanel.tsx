// Renders a FreshResult (see data/fresh.ts) the same way everywhere: skeleton first, the
// last-known figures stamped "as of" while live loads or after it fails, errors with their cause.
import type { ReactNode } from 'react';
import type { FreshResult } from '../data/fresh';
import { errorTitle } from './error-text';
import { ErrorMessage } from './ErrorMessage';
import { RetryButton } from './RetryButton';
import { Skeleton } from './Skeleton';
import { formatClock } from './time';

export function FreshPanel<T>({
  fresh,
  children,
  skeletonLines = 3,
  emptyText = 'No figures yet.',
}: {
  fresh: FreshResult<T>;
  children: (value: T) => ReactNode;
  skeletonLines?: number;
  emptyText?: string;
}) {
  const { view, retry } = fresh;
  switch (view.state) {
    case 'loading':
      return <Skeleton lines={skeletonLines} />;
    case 'error':
      return <ErrorMessage error={view.error} onRetry={retry} retrying={view.retrying} compact />;
    case 'empty':
      return (
        <p className="muted fresh-empty" data-fresh="empty">
          {emptyText}
          {view.refreshing && ' Refreshing…'}
        </p>
      );
    case 'cached':
      return (
        <div className="fresh" data-fresh="cached" aria-busy="true">
          <p className="stale-stamp refreshing" data-testid="stale-stamp">
            <span className="pulse" aria-hidden="true" />
            as of {formatClock(view.asOf)}, refreshing…
          </p>
          {children(view.value)}
        </div>
      );
    case 'stale':
      return (
        <div className="fresh" data-fresh="stale">
          <div className="stale-stamp failed" data-testid="stale-stamp" role="status">
            <span title={errorTitle(view.cause)}>
              as of {formatClock(view.asOf)} — {view.cause.message}
            </span>
            <RetryButton onRetry={retry} retrying={view.retrying} />
          </div>
          <div className="stale-content">{children(view.value)}</div>
        </div>
      );
    case 'live':
      return (
        <div className="fresh" data-fresh="live">
          {children(view.value)}
        </div>
      );
  }
}
