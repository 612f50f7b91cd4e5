import type { Handlers } from '../../transport/dispatcher';
import type { HostContext } from '../../host-context';

export function auditHandlers(ctx: HostContext): Pick<Handlers, 'audit.recent' | 'audit.verify'> {
  return {
    'audit.recent': ({ limit }) => ({
      entries: ctx.store.audit.list({ limit }).map((e) => ({
        seq: e.seq,
        at: e.at,
        actor: e.actor,
        action: e.action,
        target: e.target,
        from: e.from ?? null,
        to: e.to ?? null,
        reason: e.reason,
        result: e.result,
        correlationId: e.correlationId,
        hash: e.hash,
      })),
    }),
    'audit.verify': () => ctx.store.audit.verify(),
  };
}
