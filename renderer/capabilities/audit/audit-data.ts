// The audit log's remote reads: pages of a filtered view (infinite, newest first, fetched as the
// table scrolls), an intent's group, and the chain check.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditCursor, AuditFilter } from '../../../shared/contract/audit';
import type { CallOutput } from '../../../shared/contract';
import type { CallError } from '../../bridge';
import { useBridge } from '../../data/bridge-context';
import { callKey } from '../../data/queries';

export const pageSize = 200;

export function useAuditPages(filter: AuditFilter) {
  const bridge = useBridge();
  return useInfiniteQuery<
    CallOutput<'audit.query'>,
    CallError,
    { pages: CallOutput<'audit.query'>[] },
    ReturnType<typeof callKey<'audit.query'>>,
    AuditCursor | undefined
  >({
    // Keyed under the call's name, so invalidating 'audit.query' refreshes every view of it.
    queryKey: callKey('audit.query', { filter }),
    queryFn: ({ pageParam }) =>
      bridge.call('audit.query', {
        filter,
        limit: pageSize,
        ...(pageParam ? { before: pageParam } : {}),
      }),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}
