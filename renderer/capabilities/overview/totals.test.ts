import { expect, test } from 'vitest';
import { kubeHeadline, mlflowHeadline, promHeadline } from '../../test-support/fixtures';
import { computeTotals } from './totals';

const live = <T>(value: T) => ({ state: 'live' as const, value, asOf: '', refreshing: false });

test('sums the selected contexts and the other sources', () => {
  const totals = computeTotals([
    { kind: 'kubernetes', fresh: live(kubeHeadline) },
    { kind: 'mlflow', fresh: live(mlflowHeadline) },
    { kind: 'mlflow', fresh: { state: 'loading' } },
    { kind: 'prometheus', fresh: { state: 'cached', value: promHeadline, asOf: '' } },
  ]);
  expect(totals.contexts).toEqual({ selected: 2, available: 3 });
  expect(totals.namespaces).toEqual({ count: 12, notPermitted: 1 });
  expect(totals.nodes).toBe(6);
  expect(totals.gpus).toEqual({ allocatable: 8, capacity: 10 });
  expect(totals.models).toBe(7);
  expect(totals.missing.mlflow).toBe(1);
  expect(totals.targets).toEqual({ up: 41, total: 43 });
  expect(totals.notLive.prometheus).toBe(1);
});
