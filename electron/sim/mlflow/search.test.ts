import { describe, expect, it } from 'vitest';
import { MlflowApiError } from './api-error';
import {
  like,
  matches,
  offsetFromPageToken,
  page,
  pageToken,
  parseFilter,
  parseOrderBy,
} from './search';

describe('parseFilter', () => {
  it('reads attributes, tags with dotted or backticked keys, numbers and lists', () => {
    expect(
      parseFilter(
        "name LIKE '%fraud%' AND tags.approval.status = \"pending\" and tags.`argo.workflow` != 'x' AND version_number >= 3 AND run_id IN ('a', 'b')",
      ),
    ).toEqual([
      { type: 'attribute', key: 'name', comparator: 'LIKE', value: '%fraud%' },
      { type: 'tag', key: 'approval.status', comparator: '=', value: 'pending' },
      { type: 'tag', key: 'argo.workflow', comparator: '!=', value: 'x' },
      { type: 'attribute', key: 'version_number', comparator: '>=', value: 3 },
      { type: 'attribute', key: 'run_id', comparator: 'IN', value: ['a', 'b'] },
    ]);
    expect(
      parseFilter("metrics.auc > 0.9 AND params.lr = '0.1' AND attributes.status = 'FINISHED'"),
    ).toEqual([
      { type: 'metric', key: 'auc', comparator: '>', value: 0.9 },
      { type: 'param', key: 'lr', comparator: '=', value: '0.1' },
      { type: 'attribute', key: 'status', comparator: '=', value: 'FINISHED' },
    ]);
    expect(parseFilter('')).toEqual([]);
    expect(parseFilter(undefined)).toEqual([]);
  });

  it('refuses what MLflow refuses, with INVALID_PARAMETER_VALUE', () => {
    for (const bad of ['bogus', "name = 'a' OR name = 'b'", 'name = fraud']) {
      expect(() => parseFilter(bad), bad).toThrow(MlflowApiError);
    }
    expect(() => parseFilter('name = fraud')).toThrow(/not quoted/);
  });
});

describe('matching', () => {
  it('LIKE is case-sensitive and ILIKE is not, as on MLflow’s SQLite store', () => {
    expect(like('fraud-detector', '%fraud%', false)).toBe(true);
    expect(like('fraud-detector', '%FRAUD%', false)).toBe(false);
    expect(like('fraud-detector', '%FRAUD%', true)).toBe(true);
    expect(like('a.b', 'a_b', false)).toBe(true);
    expect(like('a.b', 'a.c', false)).toBe(false);
  });

  it('compares numbers as numbers and misses missing values', () => {
    expect(matches(10, { type: 'attribute', key: 'v', comparator: '>=', value: 3 })).toBe(true);
    expect(matches('10', { type: 'attribute', key: 'v', comparator: '>', value: 9 })).toBe(true);
    expect(matches(undefined, { type: 'tag', key: 't', comparator: '!=', value: 'x' })).toBe(false);
    expect(matches('b', { type: 'attribute', key: 'n', comparator: 'NOT IN', value: ['a'] })).toBe(
      true,
    );
  });
});

describe('order_by and paging', () => {
  it('reads direction and strips backticks', () => {
    expect(parseOrderBy(['name', 'last_updated_timestamp DESC', 'metrics.`auc` asc'])).toEqual([
      { key: 'name', ascending: true },
      { key: 'last_updated_timestamp', ascending: false },
      { key: 'metrics.auc', ascending: true },
    ]);
  });

  it('writes the same page tokens as MLflow and pages by offset', () => {
    expect(pageToken(2)).toBe('eyJvZmZzZXQiOiAyfQ==');
    expect(offsetFromPageToken('eyJvZmZzZXQiOiAyfQ==')).toBe(2);
    expect(() => offsetFromPageToken('garbage!')).toThrow(/could not base64-decode/);
    expect(page([1, 2, 3], 2, undefined)).toEqual({ items: [1, 2], next: pageToken(2) });
    expect(page([1, 2, 3], 2, pageToken(2))).toEqual({ items: [3] });
    expect(page([1, 2], 2, undefined)).toEqual({ items: [1, 2] });
  });
});
