import type { ConnectionView } from '../../../../shared/contract/connections';
import type { Handlers } from '../../transport/dispatcher';
import { CallFailure } from '../../transport/failure';
import type { HostContext } from '../../host-context';
import { bindTypedSecrets, secretPresence, secretRefsOf } from './secrets';
import type { DraftSourceBuilder } from './source-factory';

export function connectionsHandlers(
  ctx: HostContext & { buildDraftSource: DraftSourceBuilder },
): Pick<
  Handlers,
  'connections.list' | 'connections.save' | 'connections.remove' | 'connections.test'
> {
  const view = (id: string): ConnectionView => {
    const declared = ctx.workspace().definition.connections.find((c) => c.connection.id === id);
    if (!declared) throw new CallFailure('not_found', `This workspace has no connection "${id}"`);
    return { ...declared, secrets: secretPresence(declared.connection, ctx.vault, ctx.env) };
  };

  return {
    'connections.list': () => ({
      connections: ctx.workspace().definition.connections.map((c) => view(c.connection.id)),
    }),

    'connections.save': async ({ connection, secrets }) => {
      const workspace = ctx.workspace();
      const existing = workspace.definition.connections.find(
        (c) => c.connection.id === connection.id,
      );
      if (existing && !existing.editable) {
        throw new CallFailure(
          'conflict',
          `"${connection.id}" is declared by the ${existing.origin} and is edited there, not in the console`,
        );
      }
      const bound = bindTypedSecrets(connection, secrets, workspace.id, ctx.vault);
      ctx.store.connections.upsert(workspace.id, bound.connection);
      ctx.store.audit.append({
        actor: ctx.localActor(),
        action: existing ? 'connection.update' : 'connection.create',
        target: `workspace/${workspace.id}/connection/${connection.id}`,
        from: existing?.connection ?? null,
        to: bound.connection,
        result: 'ok',
      });
      await ctx.switchWorkspace(workspace.id);
      return view(connection.id);
    },

    'connections.remove': async ({ id }) => {
      const workspace = ctx.workspace();
      const existing = workspace.definition.connections.find((c) => c.connection.id === id);
      if (!existing) return { removed: false };
      if (!existing.editable) {
        throw new CallFailure(
          'conflict',
          `"${id}" is declared by the ${existing.origin} and cannot be removed here`,
        );
      }
      ctx.store.connections.remove(workspace.id, id);
      for (const { ref } of secretRefsOf(existing.connection)) {
        if ('secret' in ref) ctx.vault.remove(ref.secret);
      }
      ctx.store.audit.append({
        actor: ctx.localActor(),
        action: 'connection.remove',
        target: `workspace/${workspace.id}/connection/${id}`,
        from: existing.connection,
        to: null,
        result: 'ok',
      });
      await ctx.switchWorkspace(workspace.id);
      return { removed: true };
    },

    'connections.test': async (input) => {
      if ('id' in input) {
        return { results: await ctx.workspace().source(input.id).test() };
      }
      const { connection, overlay } = bindTypedSecrets(
        input.draft,
        input.secrets,
        ctx.workspace().id,
      );
      const source = ctx.buildDraftSource(connection, overlay);
      try {
        return { results: await source.test() };
      } finally {
        await source.close();
      }
    },
  };
}
