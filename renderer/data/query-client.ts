// One QueryClient for the app. Reads retry once, and only when another try can help (a flaky VPN
// drops a request; a 401 stays a 401). Mutations never retry: the host decides about side effects.
import { QueryClient } from '@tanstack/react-query';
import type { ErrorCode } from '../../shared/contract';
import { CallError } from '../bridge';

const worthRetrying: ReadonlySet<ErrorCode> = new Set(['unreachable', 'timeout', 'upstream']);

export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= 1) return false;
  return !(error instanceof CallError) || worthRetrying.has(error.error.code);
}

export function createQueryClient(opts: { retry?: boolean } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: opts.retry === false ? false : shouldRetryQuery,
        refetchOnWindowFocus: false,
        // Screens remount often (switching pages); a few seconds spares the sources a refetch.
        staleTime: 10_000,
        // The host is local (IPC or loopback) and answers from its snapshot cache even when the
        // laptop is offline; react-query's default would pause every call instead.
        networkMode: 'always',
      },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}

/** Keys that belong to the renderer itself (fed by events), not to a call. */
export function isLocalKey(key: readonly unknown[]): boolean {
  return key[0] === 'local';
}
