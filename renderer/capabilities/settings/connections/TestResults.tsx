import type * as z from 'zod';
import type { connectionTarget } from '../../../../shared/contract/connections';
import type { ConnectionTestStatus } from '../../../../shared/model/connection';
import { Badge, type Tone } from '../../../components/StatusBadge';

export type ConnectionTarget = z.infer<typeof connectionTarget>;

const labels: Record<ConnectionTestStatus, string> = {
  ok: 'OK',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  unreachable: 'Unreachable',
  tls_error: 'TLS error',
  timeout: 'Timed out',
  error: 'Error',
};

const tones: Record<ConnectionTestStatus, Tone> = {
  ok: 'ok',
  unauthorized: 'danger',
  forbidden: 'warn',
  unreachable: 'danger',
  tls_error: 'danger',
  timeout: 'warn',
  error: 'danger',
};

/** One line per target tested (a kube context, or the source's URL). */
export function TestResults({ results }: { results: ConnectionTarget[] }) {
  if (results.length === 0) {
    return <p className="muted test-results-empty">Nothing to test: no target is configured.</p>;
  }
  return (
    <ul className="test-results" aria-label="Test results">
      {results.map(({ target, result }, i) => (
        <li key={`${target}-${i}`} data-testid="test-result" data-status={result.status}>
          <Badge tone={tones[result.status]}>{labels[result.status]}</Badge>
          <span className="mono test-target">{target}</span>
          <span className="test-latency mono">{Math.round(result.latencyMs)} ms</span>
          <span className="test-message">
            {result.message}
            {result.serverVersion && <span className="muted"> · {result.serverVersion}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
