// The audit export as a download: the rows the view's filter selects, oldest first, produced a
// page at a time by the store so a million-row export never sits in memory.
import { auditExportRequest } from '../../../../shared/contract/audit';
import type { HostContext } from '../../host-context';
import type { DownloadBody } from '../../transport/downloads';

export function auditExport(ctx: HostContext, input: unknown): DownloadBody {
  const { filter, format } = auditExportRequest.parse(input);
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  ctx.log.info({ filter, format }, 'exporting the audit log');
  return format === 'csv'
    ? {
        fileName: `audit-${stamp}.csv`,
        contentType: 'text/csv; charset=utf-8',
        chunks: ctx.store.audit.exportCsv(filter),
      }
    : {
        fileName: `audit-${stamp}.jsonl`,
        contentType: 'application/jsonl; charset=utf-8',
        chunks: ctx.store.audit.exportJsonl(filter),
      };
}
