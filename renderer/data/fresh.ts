// The staleness pattern every remote panel follows. Two reads of the same call, one after the
// other: `from: 'cache'` answers at once with the host's last-known snapshot, then `from: 'live'`
// asks the source. The screen shows live when it lands, the snapshot stamped "as of" while it loads or
// after it fails, and an error only when there is nothing to show.
import { useQueries, useQuery } from '@tanstack/react-query';
import type {
  CallInput,
  CallName,
  CallOutput,
  ContractError,
  Freshness,
} from '../../shared/contract';
import type { Bridge, CallError } from '../bridge';
import { useBridge } from './bridge-context';
import { callKey } from './queries';

interface FreshOutput {
  value: unknown;
  freshness: Freshness | null;
}

/** Calls that answer `{ value, freshness }` and take `from: 'cache' | 'live'`. */
export type FreshCallName = {
  [N in CallName]: CallOutput<N> extends FreshOutput
    ? 'from' extends keyof CallInput<N>
      ? N
      : never
    : never;
}[CallName];

export type FreshInput<N extends FreshCallName> = Omit<CallInput<N>, 'from'>;
export type FreshValue<N extends FreshCallName> =
  CallOutput<N> extends { value: infer V } ? NonNullable<V> : never;

export type Fresh<T> =
  /** Nothing to show yet. */
  | { state: 'loading' }
  /** The live answer. `refreshing` while a newer one is on its way. */
  | { state: 'live'; value: T; asOf: string; refreshing: boolean }
  /** The last-known answer while the live one loads. */
  | { state: 'cached'; value: T; asOf: string }
  /** The last-known answer because the live one failed. */
  | { state: 'stale'; value: T; asOf: string; cause: ContractError; retrying: boolean }
  /** The source answered but has no figures yet. */
  | { state: 'empty'; refreshing: boolean }
  /** Live failed and there is no last-known answer. */
  | { state: 'error'; error: ContractError; retrying: boolean };

export interface FreshResult<T> {
  view: Fresh<T>;
  /** Ask the live source again. */
  retry: () => void;
}

/** The parts of a react-query result the derivation needs (kept small so it is easy to test). */
export interface ReadState<T> {
  data: { value: T | null; freshness: Freshness | null } | undefined;
  error: CallError | null;
  isPending: boolean;
  isFetching: boolean;
  dataUpdatedAt: number;
}

const noCause: ContractError = {
  code: 'unavailable',
  message: 'the live source did not answer; showing the last-known figures',
};

export function deriveFresh<T>(live: ReadState<T>, cache: ReadState<T>): Fresh<T> {
  const cached = cache.data?.value != null && cache.data.freshness ? cache.data : undefined;

  if (live.data) {
    const { value, freshness } = live.data;
    const asOf = freshness?.asOf ?? new Date(live.dataUpdatedAt).toISOString();
    if (value == null) return { state: 'empty', refreshing: live.isFetching };
    // A refetch failed after an earlier success: the earlier answer is now the last-known one.
    if (live.error) {
      return { state: 'stale', value, asOf, cause: live.error.error, retrying: live.isFetching };
    }
    // The host fell back to its snapshot itself and says why.
    if (freshness?.stale) {
      return {
        state: 'stale',
        value,
        asOf,
        cause: freshness.cause ?? noCause,
        retrying: live.isFetching,
      };
    }
    return { state: 'live', value, asOf, refreshing: live.isFetching };
  }

  if (live.error) {
    if (cached?.value != null && cached.freshness) {
      return {
        state: 'stale',
        value: cached.value,
        asOf: cached.freshness.asOf,
        cause: live.error.error,
        retrying: live.isFetching,
      };
    }
    // The snapshot is a local read and lands at once; wait for it rather than flash an error.
    if (cache.isPending && cache.isFetching) return { state: 'loading' };
    return { state: 'error', error: live.error.error, retrying: live.isFetching };
  }

  if (cached?.value != null && cached.freshness) {
    return { state: 'cached', value: cached.value, asOf: cached.freshness.asOf };
  }
  return { state: 'loading' };
}

/** The best figures on hand, whatever their freshness. */
export function freshValue<T>(view: Fresh<T>): T | undefined {
  return 'value' in view ? view.value : undefined;
}

export function freshQuery<N extends FreshCallName>(
  bridge: Bridge,
  name: N,
  input: FreshInput<N>,
  from: 'cache' | 'live',
) {
  const full = { ...input, from } as CallInput<N>;
  return {
    queryKey: callKey(name, full),
    queryFn: () => bridge.call(name, full),
    // The snapshot is local: retrying it cannot help.
    ...(from === 'cache' ? { retry: false } : {}),
  };
}

type Read<N extends FreshCallName> = ReadState<FreshValue<N>>;

/**
 * The live read starts once the snapshot has answered (or failed): the snapshot is a local read
 * that paints at once, and a live read started beside it makes the host load and dial the
 * source's client while the snapshot's answer is still on its way (a cluster client's compile
 * alone held the cached pipelines table back by a quarter of a second).
 */
function afterSnapshot(cache: { isFetched: boolean; isError: boolean }): boolean {
  return cache.isFetched || cache.isError;
}

export function useFreshCall<N extends FreshCallName>(
  name: N,
  input: FreshInput<N>,
): FreshResult<FreshValue<N>> {
  const bridge = useBridge();
  const cache = useQuery<CallOutput<N>, CallError>(freshQuery(bridge, name, input, 'cache'));
  const live = useQuery<CallOutput<N>, CallError>({
    ...freshQuery(bridge, name, input, 'live'),
    enabled: afterSnapshot(cache),
  });
  return {
    view: deriveFresh(live as unknown as Read<N>, cache as unknown as Read<N>),
    retry: () => void live.refetch(),
  };
}

/** The same pattern for a list of inputs, e.g. one headline per connection. */
export function useFreshCalls<N extends FreshCallName>(
  name: N,
  inputs: FreshInput<N>[],
): Fresh<FreshValue<N>>[] {
  const bridge = useBridge();
  const cache = useQueries({
    queries: inputs.map((input) => freshQuery(bridge, name, input, 'cache')),
  });
  const live = useQueries({
    queries: inputs.map((input, i) => ({
      ...freshQuery(bridge, name, input, 'live'),
      enabled: afterSnapshot(cache[i]!),
    })),
  });
  return inputs.map((_, i) =>
    deriveFresh(live[i] as unknown as Read<N>, cache[i] as unknown as Read<N>),
  );
}
