import { SourceError, codeForStatus } from '../../sources/source-error';

/** client-node's watch failures (an Error with statusCode, a network error) as SourceErrors. */
export function toWatchError(error: unknown, source: string): SourceError {
  if (error instanceof SourceError) return error;
  const e = error as { statusCode?: number; code?: unknown; message?: string } | null;
  const status = typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  if (status) {
    return new SourceError(codeForStatus(status), e?.message ?? `HTTP ${status}`, {
      source,
      status,
    });
  }
  return new SourceError('unreachable', e?.message ?? String(error), { source });
}
