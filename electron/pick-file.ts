// Electron's half of a file picker: the native open dialog for a picker the contract declares
// (shared/contract/file-pickers.ts), answered with the contract's envelope, like a call.
import { dialog, type BrowserWindow } from 'electron';
import type { Envelope } from '../shared/contract/core';
import { filePickers, isFilePickerName, type PickedFile } from '../shared/contract/file-pickers';

export async function pickFile(window: BrowserWindow, name: string): Promise<Envelope<PickedFile>> {
  if (!isFilePickerName(name))
    return {
      ok: false,
      error: { code: 'bad_request', message: `There is no file picker named "${name}"` },
    };
  const spec = filePickers[name];
  try {
    const choice = await dialog.showOpenDialog(window, {
      title: spec.title,
      buttonLabel: spec.buttonLabel,
      filters: spec.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
      properties: ['openFile'],
    });
    const path = choice.filePaths[0];
    if (choice.canceled || !path) return { ok: true, value: { picked: false } };
    return { ok: true, value: { picked: true, path } };
  } catch (error) {
    return {
      ok: false,
      error: { code: 'internal', message: `The file dialog failed: ${(error as Error).message}` },
    };
  }
}
