// Live first, last-known second: every remote read that a screen shows goes through here, so a
// source that is down still paints its last answer, stamped "as of" with the cause.
import type { ContractError, Freshness } from '../../../../shared/contract/core';
import type { Store } from '../../store';
import { toContractError } from '../../transport/failure';

export interface Sourced<T> {
  value: T | null;
  freshness: Freshness | null;
}

export async function readThroughSnapshot<T>(opts: {
  store: Store;
  source: string;
  key: string;
  from: 'cache' | 'live';
  fetch: () => Promise<T>;
}): Promise<Sourced<T>> {
  const cached = opts.store.snapshots.get<T>(opts.source, opts.key);
  if (opts.from === 'cache') {
    return cached
      ? { value: cached.payload, freshness: { asOf: cached.fetchedAt, stale: true } }
      : { value: null, freshness: null };
  }
  try {
    const value = await opts.fetch();
    const asOf = new Date().toISOString();
    opts.store.snapshots.put(opts.source, opts.key, value, asOf);
    return { value, freshness: { asOf, stale: false } };
  } catch (error) {
    const cause: ContractError | undefined = toContractError(error);
    if (!cause) throw error;
    if (!cached) throw error;
    return { value: cached.payload, freshness: { asOf: cached.fetchedAt, stale: true, cause } };
  }
}
