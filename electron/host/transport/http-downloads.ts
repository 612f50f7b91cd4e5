// GET /api/download/:name?input=<json>: a download streamed as an attachment. A bad request
// answers with the contract's error envelope before any byte of the file is sent.
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { Logger } from '../log/logger';
import { openDownload, type DownloadBody, type Downloads } from './downloads';
import { toContractError } from './failure';
import { sendError } from './http-gate';

const statusOf: Record<string, number> = { bad_request: 400, not_found: 404 };

export function serveDownload(
  downloads: Downloads,
  name: string,
  rawInput: string | undefined,
  res: ServerResponse,
  log: Logger,
) {
  let body: DownloadBody;
  try {
    const input: unknown = rawInput === undefined ? {} : JSON.parse(rawInput);
    body = openDownload(downloads, name, input);
  } catch (error) {
    const known =
      toContractError(error) ??
      (error instanceof SyntaxError
        ? { code: 'bad_request' as const, message: `The ${name} request is not valid JSON` }
        : {
            code: 'internal' as const,
            message: 'The download failed; the details are in the log',
          });
    log.warn({ download: name, err: error }, 'refused a download');
    return sendError(res, statusOf[known.code] ?? 500, known);
  }
  const stream = Readable.from(body.chunks);
  // A failure half-way (the store closed) cuts the response short; the log says why.
  stream.on('error', (err) => log.error({ err, download: name }, 'a download failed mid-way'));
  res.writeHead(200, {
    'content-type': body.contentType,
    'content-disposition': `attachment; filename="${body.fileName}"`,
  });
  stream.pipe(res);
  stream.on('error', () => res.destroy());
}
