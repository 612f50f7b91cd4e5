// "Test connection" answers in the user's terms: ok, unauthorized, forbidden, unreachable, TLS
// error or timeout, with the latency. Every source's probe goes through here.
import type { ConnectionTestResult, ConnectionTestStatus } from '../../../shared/model/connection';
import { SourceError, fromNetworkError } from './source-error';

export async function runConnectionTest(
  source: string,
  probe: () => Promise<{ serverVersion?: string; message?: string }>,
): Promise<ConnectionTestResult> {
  const started = performance.now();
  const checkedAt = new Date().toISOString();
  try {
    const { serverVersion, message } = await probe();
    return {
      status: 'ok',
      latencyMs: round(performance.now() - started),
      message: message ?? `Connected${serverVersion ? ` to ${serverVersion}` : ''}`,
      ...(serverVersion ? { serverVersion } : {}),
      checkedAt,
    };
  } catch (error) {
    const failure = error instanceof SourceError ? error : fromNetworkError(error, source, source);
    return {
      status: statusFor(failure),
      latencyMs: round(performance.now() - started),
      message: failure.message,
      checkedAt,
    };
  }
}

function statusFor(error: SourceError): ConnectionTestStatus {
  switch (error.code) {
    case 'unauthorized':
      return 'unauthorized';
    case 'forbidden':
      return 'forbidden';
    case 'unreachable':
      return 'unreachable';
    case 'tls':
      return 'tls_error';
    case 'timeout':
      return 'timeout';
    default:
      return 'error';
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
