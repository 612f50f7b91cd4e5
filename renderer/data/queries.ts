// react-query over the contract: every remote read in the renderer goes through these hooks,
// keyed by call name and input, so events can update or invalidate exactly what they touch.
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { CallError } from '../bridge';
import { useBridge } from './bridge-context';

export function callKey<N extends CallName>(name: N, input?: CallInput<N>) {
  return input === undefined ? [name] : [name, input];
}

export function useCall<N extends CallName>(
  name: N,
  input: CallInput<N>,
  options: Omit<UseQueryOptions<CallOutput<N>, CallError>, 'queryKey' | 'queryFn'> = {},
) {
  const bridge = useBridge();
  return useQuery<CallOutput<N>, CallError>({
    queryKey: callKey(name, input),
    queryFn: () => bridge.call(name, input),
    ...options,
  });
}

export function useCallMutation<N extends CallName>(
  name: N,
  opts: { invalidates?: CallName[]; onSuccess?: (value: CallOutput<N>) => void } = {},
) {
  const client = useQueryClient();
  const bridge = useBridge();
  return useMutation<CallOutput<N>, CallError, CallInput<N>>({
    mutationFn: (input) => bridge.call(name, input),
    onSuccess: async (value) => {
      await Promise.all(
        (opts.invalidates ?? []).map((key) => client.invalidateQueries({ queryKey: [key] })),
      );
      opts.onSuccess?.(value);
    },
  });
}
