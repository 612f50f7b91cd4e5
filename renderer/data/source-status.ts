// The live reachability of each source, as the host's background probes report it through
// `sources.status` events. Kept in the query cache so any screen can read it like a call.
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { SourceStatus } from '../../shared/contract/connections';

export const sourceStatusKey = ['local', 'sources.status'] as const;

export type SourceStatusMap = Readonly<Record<string, SourceStatus>>;

const none: SourceStatusMap = {};

export function recordSourceStatus(client: QueryClient, status: SourceStatus): void {
  client.setQueryData<SourceStatusMap>(sourceStatusKey, (previous) => ({
    ...previous,
    [status.id]: status,
  }));
}

export function clearSourceStatuses(client: QueryClient): void {
  client.setQueryData<SourceStatusMap>(sourceStatusKey, none);
}

export function useSourceStatuses(): SourceStatusMap {
  const client = useQueryClient();
  const { data } = useQuery({
    queryKey: sourceStatusKey,
    // Never fetched: the "fetch" hands back what the events wrote, so a blanket invalidation
    // does not wipe the map.
    queryFn: () => client.getQueryData<SourceStatusMap>(sourceStatusKey) ?? none,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  return data ?? none;
}
