// Opening another workspace makes every cached answer about the wrong sources. Whether the
// change comes from this window (workspace.switch) or from the host (workspace.changed event),
// the cache is reset the same way and the user lands on the Overview.
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import type { WorkspaceState } from '../../shared/contract/workspace';
import type { CallError } from '../bridge';
import { useToasts } from '../components/toasts';
import { useBridge } from '../data/bridge-context';
import { callKey } from '../data/queries';
import { isLocalKey } from '../data/query-client';
import { clearSourceStatuses } from '../data/source-status';

// The switch answer and the event that follows it describe the same change: reset once.
const lastApplied = new WeakMap<QueryClient, { id: string; at: number }>();
const sameChangeWithinMs = 3000;

export function applyWorkspaceState(client: QueryClient, state: WorkspaceState): boolean {
  const previous = lastApplied.get(client);
  const now = Date.now();
  client.setQueryData(callKey('workspace.get', {}), state);
  if (previous && previous.id === state.current.id && now - previous.at < sameChangeWithinMs) {
    return false;
  }
  lastApplied.set(client, { id: state.current.id, at: now });
  clearSourceStatuses(client);
  void client.resetQueries({
    predicate: (query) => !isLocalKey(query.queryKey) && query.queryKey[0] !== 'workspace.get',
  });
  return true;
}

export function useWorkspaceChange(): (state: WorkspaceState) => void {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    (state: WorkspaceState) => {
      if (applyWorkspaceState(client, state)) navigate('/overview');
    },
    [client, navigate],
  );
}

export function useSwitchWorkspace() {
  const bridge = useBridge();
  const applyChange = useWorkspaceChange();
  const toasts = useToasts();
  return useMutation<WorkspaceState, CallError, string>({
    mutationFn: (id) => bridge.call('workspace.switch', { id }),
    onSuccess: (state) => {
      applyChange(state);
      toasts.show({ tone: 'ok', title: `Opened ${state.current.name}` });
    },
    onError: (error) =>
      toasts.show({ tone: 'error', title: 'Could not open the workspace', message: error.message }),
  });
}
