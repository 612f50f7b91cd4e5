// Electron's half of a download: ask where to save (the native dialog), then let the host stream
// the file there. Answers with the contract's envelope, like a call.
import { dialog, type BrowserWindow } from 'electron';
import type { Envelope } from '../shared/contract/core';
import type { SavedDownload } from '../shared/contract/downloads';
import { openDownload, writeDownload, type Downloads } from './host/transport/downloads';
import { toContractError } from './host/transport/failure';

export async function saveDownload(
  window: BrowserWindow,
  downloads: Downloads,
  name: string,
  input: unknown,
): Promise<Envelope<SavedDownload>> {
  try {
    // Opened first, so a bad request is refused before the user picks a file.
    const body = openDownload(downloads, name, input);
    const choice = await dialog.showSaveDialog(window, { defaultPath: body.fileName });
    if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: false } };
    await writeDownload(body, choice.filePath);
    return { ok: true, value: { saved: true, path: choice.filePath } };
  } catch (error) {
    return {
      ok: false,
      error: toContractError(error) ?? {
        code: 'internal',
        message: `The file could not be written: ${(error as Error).message}`,
      },
    };
  }
}
