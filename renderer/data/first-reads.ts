// What the window reads first, started at launch instead of when React gets to it. Left to the
// components, a page's snapshot read waits for the main bundle to run, the shell to commit, the
// page's chunk to load and the page to render: on a cold start that queue was longer than the
// read itself. Started here, under the same keys the components use, the read runs beside all
// of that and the page finds its answer waiting (or in flight: react-query shares it).
import type { QueryClient } from '@tanstack/react-query';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { Bridge } from '../bridge';
import { type FreshCallName, type FreshInput, freshQuery } from './fresh';
import type { LaunchRead } from './launch-reads';
import { callKey } from './queries';

export interface FirstReads {
  /** A plain call, as `useCall` reads it; the answer, or undefined when it failed. */
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N> | undefined>;
  /** The snapshot half of a `useFreshCall` read (the live half follows once it answers). */
  snapshot<N extends FreshCallName>(name: N, input: FreshInput<N>): void;
  /** One of data/launch-reads.ts' reads, as the component that shows it will ask for it. */
  launch(read: LaunchRead): void;
}

export function firstReads(client: QueryClient, bridge: Bridge): FirstReads {
  const reads: FirstReads = {
    call<N extends CallName>(name: N, input: CallInput<N>) {
      return client
        .fetchQuery({ queryKey: callKey(name, input), queryFn: () => bridge.call(name, input) })
        .catch(() => undefined); // the component that reads it shows the error
    },
    snapshot(name, input) {
      void client.prefetchQuery(freshQuery(bridge, name, input, 'cache'));
    },
    launch(read) {
      // The table is typed where it is written; here a read is only a name and an input.
      if (read.snapshot) reads.snapshot(read.name as FreshCallName, read.input as never);
      else void reads.call(read.name, read.input as never);
    },
  };
  return reads;
}

/** The Overview's headlines: one per connection, once the connections are known. */
export function overviewHeadlines(reads: FirstReads): void {
  void reads.call('connections.list', {}).then((list) => {
    for (const view of list?.connections ?? []) {
      reads.snapshot('sources.headline', { id: view.connection.id });
    }
  });
}
