import type { Handlers } from '../../transport/dispatcher';
import { CallFailure } from '../../transport/failure';
import type { HostContext } from '../../host-context';
import { writeSelectedContexts } from './selected-contexts';
import { readThroughSnapshot } from './snapshot';

export function sourcesHandlers(
  ctx: HostContext,
): Pick<Handlers, 'sources.headline' | 'kubernetes.selectContexts'> {
  return {
    'sources.headline': async ({ id, from }) => {
      const workspace = ctx.workspace();
      workspace.connection(id); // not_found for an unknown id, before touching the cache
      return readThroughSnapshot({
        store: ctx.store,
        source: workspace.snapshotSource(id),
        key: 'headline',
        from,
        fetch: () => workspace.source(id).headline(),
      });
    },
    'kubernetes.selectContexts': ({ id, contexts }) => {
      const workspace = ctx.workspace();
      if (workspace.connection(id).kind !== 'kubernetes') {
        throw new CallFailure('bad_request', `"${id}" is not a Kubernetes connection`);
      }
      writeSelectedContexts(ctx.store, workspace.id, id, contexts);
      return { selected: contexts };
    },
  };
}
