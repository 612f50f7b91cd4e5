// drift.inspect reads a Parquet file's schema (no data) and a CSV's first rows; a data fault
// answers bad_request with the reader's message.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HostContext } from '../../host-context';
import type { CallContext } from '../../transport/dispatcher';
import { CallFailure } from '../../transport/failure';
import { demoDatasetsDir, driftHandlers } from './handlers';
import type { DriftRuns } from './runner/drift-runs';

const handlers = driftHandlers({} as HostContext, {} as DriftRuns);
const call: CallContext = { transport: 'test' };

describe('drift.inspect', () => {
  it('reads the kinds of a Parquet file from its schema and of a CSV from its first rows', async () => {
    const parquet = await handlers['drift.inspect'](
      { path: join(process.cwd(), 'node_modules/vega-datasets/data/flights-3m.parquet') },
      call,
    );
    expect(parquet.columns).toEqual([
      { name: 'date', kind: 'time' },
      { name: 'delay', kind: 'numerical' },
      { name: 'distance', kind: 'numerical' },
      { name: 'origin', kind: 'categorical' },
      { name: 'destination', kind: 'categorical' },
    ]);
    const csv = await handlers['drift.inspect'](
      { path: join(demoDatasetsDir(), 'flights-2001-06.csv') },
      call,
    );
    expect(csv).toMatchObject({ format: 'csv', columns: parquet.columns });
  });

  it('answers a missing file as bad_request naming it', async () => {
    const failure = await Promise.resolve(
      handlers['drift.inspect']({ path: '/nowhere/x.parquet' }, call),
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CallFailure);
    expect(failure).toMatchObject({
      code: 'bad_request',
      message: expect.stringContaining('(x.parquet) does not exist'),
    });
  });
});
