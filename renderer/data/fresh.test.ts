import { describe, expect, test } from 'vitest';
import { CallError } from '../bridge';
import { deriveFresh, type ReadState } from './fresh';

const asOf = '2025-01-01T09:12:00.000Z';
const pending: ReadState<number> = {
  data: undefined,
  error: null,
  isPending: true,
  isFetching: true,
  dataUpdatedAt: 0,
};
const cached: ReadState<number> = {
  data: { value: 1, freshness: { asOf, stale: true } },
  error: null,
  isPending: false,
  isFetching: false,
  dataUpdatedAt: 1,
};
const noCache: ReadState<number> = { ...cached, data: { value: null, freshness: null } };
const live = (value: number): ReadState<number> => ({
  data: { value, freshness: { asOf: '2025-01-01T10:00:00.000Z', stale: false } },
  error: null,
  isPending: false,
  isFetching: false,
  dataUpdatedAt: 2,
});
const failed: ReadState<number> = {
  data: undefined,
  error: new CallError({ code: 'unreachable', message: 'connection refused' }),
  isPending: false,
  isFetching: false,
  dataUpdatedAt: 0,
};

describe('deriveFresh', () => {
  test('nothing yet is loading', () => {
    expect(deriveFresh(pending, pending)).toEqual({ state: 'loading' });
  });

  test('the snapshot shows while live loads', () => {
    expect(deriveFresh(pending, cached)).toEqual({ state: 'cached', value: 1, asOf });
  });

  test('live wins over the snapshot', () => {
    expect(deriveFresh(live(2), cached)).toMatchObject({
      state: 'live',
      value: 2,
      refreshing: false,
    });
  });

  test('a live failure falls back to the snapshot with the cause', () => {
    expect(deriveFresh(failed, cached)).toEqual({
      state: 'stale',
      value: 1,
      asOf,
      cause: { code: 'unreachable', message: 'connection refused' },
      retrying: false,
    });
  });

  test('a live failure without a snapshot is an error, once the snapshot has answered', () => {
    expect(deriveFresh(failed, pending)).toEqual({ state: 'loading' });
    expect(deriveFresh(failed, noCache)).toMatchObject({
      state: 'error',
      error: { code: 'unreachable' },
    });
  });

  test('a refetch that fails after a success keeps the earlier live answer, stamped', () => {
    const refetchFailed = { ...live(2), error: failed.error };
    expect(deriveFresh(refetchFailed, cached)).toMatchObject({ state: 'stale', value: 2 });
  });

  test("the host's own fallback (stale live answer) is shown as stale with its cause", () => {
    const hostFallback: ReadState<number> = {
      ...live(1),
      data: {
        value: 1,
        freshness: { asOf, stale: true, cause: { code: 'timeout', message: 'no answer in 10 s' } },
      },
    };
    expect(deriveFresh(hostFallback, noCache)).toMatchObject({
      state: 'stale',
      cause: { code: 'timeout', message: 'no answer in 10 s' },
    });
  });

  test('a source with no figures yet is empty', () => {
    expect(deriveFresh({ ...live(0), data: { value: null, freshness: null } }, noCache)).toEqual({
      state: 'empty',
      refreshing: false,
    });
  });
});
