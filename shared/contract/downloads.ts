// Downloads: answers too large for one envelope, streamed by the host into a file the user
// chooses. Declared here once, like calls; in a browser the host serves them at
// GET /api/download/<name>?input=<json> (behind the session token), in Electron the main process
// asks where to save and the host writes the file.
import * as z from 'zod';
import { auditExportRequest } from './audit';

export interface DownloadSpec<I extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly summary: string;
}

export const downloads = {
  'audit.export': {
    input: auditExportRequest,
    summary: 'The audit entries a filter selects, as JSON Lines or CSV, oldest first',
  },
} satisfies Record<string, DownloadSpec>;

export type DownloadName = keyof typeof downloads;
export type DownloadInput<N extends DownloadName> = z.input<(typeof downloads)[N]['input']>;

export function isDownloadName(name: string): name is DownloadName {
  return Object.prototype.hasOwnProperty.call(downloads, name);
}

/** What saving a download came to: the file written, or the user closed the dialog. */
export const savedDownload = z.object({ saved: z.boolean(), path: z.string().optional() });
export type SavedDownload = z.infer<typeof savedDownload>;

export function downloadPath(name: DownloadName, input: unknown): string {
  return `/api/download/${encodeURIComponent(name)}?input=${encodeURIComponent(JSON.stringify(input))}`;
}
