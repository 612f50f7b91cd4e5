// Downloads (shared/contract/downloads.ts) on the host side: each name maps to a producer of
// text chunks. Both transports use `openDownload`: HTTP streams the chunks as the response, the
// Electron main process into the file the user picked. Input is validated here, once.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ZodError } from 'zod';
import { downloads, isDownloadName, type DownloadName } from '../../../shared/contract/downloads';
import { describeIssues } from '../../../shared/contract/core';
import { CallFailure } from './failure';

export interface DownloadBody {
  fileName: string;
  contentType: string;
  chunks: Iterable<string>;
}

export type Downloads = Record<DownloadName, (input: unknown) => DownloadBody>;

export function openDownload(all: Downloads, name: string, input: unknown): DownloadBody {
  if (!isDownloadName(name))
    throw new CallFailure('not_found', `There is no download named "${name}"`);
  const parsed = downloads[name].input.safeParse(input);
  if (!parsed.success) {
    throw new CallFailure('bad_request', `The ${name} request is not valid`, {
      issues: describeIssues(parsed.error as ZodError),
    });
  }
  return all[name](parsed.data);
}

/** Streams a download into a file; the chunks are pulled as the disk takes them. */
export async function writeDownload(body: DownloadBody, file: string): Promise<void> {
  await pipeline(Readable.from(body.chunks), createWriteStream(file));
}
