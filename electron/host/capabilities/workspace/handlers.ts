import { existsSync } from 'node:fs';
import type { WorkspaceState } from '../../../../shared/contract/workspace';
import type { Handlers } from '../../transport/dispatcher';
import { CallFailure } from '../../transport/failure';
import type { HostContext } from '../../host-context';

export function workspaceHandlers(
  ctx: HostContext,
): Pick<
  Handlers,
  'workspace.get' | 'workspace.switch' | 'workspace.addFile' | 'workspace.removeFile'
> {
  const state = async (): Promise<WorkspaceState> => ({
    current: ctx.workspace().definition.summary,
    available: await ctx.catalog.list(),
  });

  return {
    'workspace.get': state,
    'workspace.switch': async ({ id }) => {
      const target = (await ctx.catalog.list()).find((w) => w.id === id);
      if (!target) throw new CallFailure('not_found', `There is no workspace "${id}"`);
      if (target.error) throw new CallFailure('bad_request', target.error);
      await ctx.switchWorkspace(id);
      const next = await state();
      ctx.events.emit('workspace.changed', next);
      return next;
    },
    'workspace.addFile': async ({ path }) => {
      if (!existsSync(path)) throw new CallFailure('not_found', `There is no file at ${path}`);
      const id = ctx.catalog.addFile(path);
      ctx.log.info({ id, path }, 'registered a workspace file');
      return state();
    },
    'workspace.removeFile': async ({ id }) => {
      if (ctx.workspace().id === id) {
        throw new CallFailure(
          'conflict',
          'This workspace is open: switch to another one before removing it',
        );
      }
      ctx.catalog.removeFile(id);
      return state();
    },
  };
}
