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
    case 'stale':
    case 'live':
      // One shape for the three: the content keeps its place in the tree when the snapshot gives
      // way to the live answer, so a dialog or a draft open in it survives the refresh.
      return (
        <div
          className="fresh"
          data-fresh={view.state}
          aria-busy={view.state === 'cached' ? true : undefined}
        >
          {view.state === 'cached' && (
            <p className="stale-stamp refreshing" data-testid="stale-stamp">
              <span className="pulse" aria-hidden="true" />
              as of {formatClock(view.asOf)}, refreshing…
            </p>
          )}
          {view.state === 'stale' && (
            <div className="stale-stamp failed" data-testid="stale-stamp" role="status">
              <span title={errorTitle(view.cause)}>
                as of {formatClock(view.asOf)} — {view.cause.message}
              </span>
              <RetryButton onRetry={retry} retrying={view.retrying} />
            </div>
          )}
          <div className={view.state === 'stale' ? 'stale-content' : undefined}>
            {children(view.value)}
          </div>
        </div>
      );
  }
}
