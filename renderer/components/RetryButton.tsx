import { IconRefresh } from './icons';

export function RetryButton({ onRetry, retrying }: { onRetry: () => void; retrying: boolean }) {
  return (
    <button
      type="button"
      className="button small"
      data-testid="retry"
      onClick={onRetry}
      disabled={retrying}
    >
      <IconRefresh className={retrying ? 'spin' : undefined} />
      {retrying ? 'Retrying…' : 'Retry'}
    </button>
  );
}
