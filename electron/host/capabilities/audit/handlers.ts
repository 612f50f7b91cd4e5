import type { Handlers } from '../../transport/dispatcher';
import type { HostContext } from '../../host-context';
import { entryView } from './entry-view';
import { verifyOffThread } from './verify-off-thread';

type AuditHandlers = Pick<
  Handlers,
  'audit.recent' | 'audit.query' | 'audit.correlation' | 'audit.verify'
>;

export function auditHandlers(ctx: HostContext): AuditHandlers {
  return {
    'audit.recent': ({ limit }) => ({
      entries: ctx.store.audit.list({ limit }).map(entryView),
    }),
    'audit.query': ({ filter, before, limit }) => {
      // One row more than asked tells whether an older page exists without counting the log.
      const rows = ctx.store.audit.list({
        ...filter,
        ...(before ? { before } : {}),
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        entries: page.map(entryView),
        next: rows.length > limit && last ? { at: last.at, seq: last.seq } : null,
      };
    },
    'audit.correlation': ({ correlationId }) => ({
      entries: ctx.store.audit.byCorrelation(correlationId).map(entryView),
    }),
    // Off the host's thread: calls keep being answered while a long log is hashed.
    'audit.verify': () => verifyOffThread(ctx.store.file),
  };
}
