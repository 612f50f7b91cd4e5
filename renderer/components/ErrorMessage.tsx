import type { ContractError } from '../../shared/contract';
import { asContractError, errorTitle } from './error-text';
import { RetryButton } from './RetryButton';

/** A failure, never a blank panel: a title per code, the host's message, where it came from. */
export function ErrorMessage({
  error,
  onRetry,
  retrying = false,
  compact = false,
  testId,
}: {
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  compact?: boolean;
  testId?: string;
}) {
  const e: ContractError = asContractError(error);
  return (
    <div
      className={compact ? 'error-message compact' : 'error-message'}
      role={compact ? undefined : 'alert'}
      data-code={e.code}
      data-testid={testId}
    >
      <div className="error-message-body">
        <strong className="error-title">{errorTitle(e)}</strong>
        <span className="error-text">{e.message}</span>
        {e.source && !compact && <span className="error-source">Source: {e.source}</span>}
        {e.issues && e.issues.length > 0 && (
          <ul className="error-issues">
            {e.issues.map((issue, i) => (
              <li key={i}>
                <code>{issue.path}</code> {issue.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      {onRetry && <RetryButton onRetry={onRetry} retrying={retrying} />}
    </div>
  );
}
