// A stored audit entry as the contract shows it: the hash chain's own fields (prev_hash) stay in
// the host; verify and the exports are where they matter.
import type { AuditEntryView } from '../../../../shared/contract/audit';
import type { AuditEntry } from '../../store/audit-entry';

export function entryView(e: AuditEntry): AuditEntryView {
  return {
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
    details: e.details,
  };
}
