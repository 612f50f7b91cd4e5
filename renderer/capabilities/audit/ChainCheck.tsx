// The hash chain's check, run when the page opens and again on demand: "intact, N entries" or
// the first bad entry and what happened to it.
import { ErrorMessage } from '../../components/ErrorMessage';
import { Badge } from '../../components/StatusBadge';
import { useCall } from '../../data/queries';

export function ChainCheck() {
  // Verifying reads the whole log; it is not repeated on every focus, only when asked.
  const verify = useCall('audit.verify', {}, { staleTime: Infinity, refetchOnWindowFocus: false });
  const outcome = verify.data;

  return (
    <div className="audit-chain">
      {verify.isFetching ? (
        <span className="muted" role="status" data-testid="audit-result" data-ok="pending">
          Verifying the chain…
        </span>
      ) : verify.isError ? (
        <ErrorMessage error={verify.error} compact />
      ) : outcome?.ok ? (
        <span role="status" data-testid="audit-result" data-ok="true">
          <Badge tone="ok">Intact</Badge> Chain verified: {outcome.count.toLocaleString()} entr
          {outcome.count === 1 ? 'y' : 'ies'}, none edited, inserted or deleted.
        </span>
      ) : outcome ? (
        <span role="alert" data-testid="audit-result" data-ok="false">
          <Badge tone="danger">Broken</Badge> Entry #{outcome.firstBadSeq} was {outcome.problem}:{' '}
          {outcome.detail}
        </span>
      ) : null}
      <button
        type="button"
        className="button"
        data-testid="audit-verify"
        disabled={verify.isFetching}
        onClick={() => void verify.refetch()}
      >
        {verify.isFetching ? 'Verifying…' : 'Verify again'}
      </button>
    </div>
  );
}
