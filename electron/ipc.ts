// Registers the contract on Electron IPC. Each message's sender is checked against the one
// window we created and the page we loaded into it, as GitHub Desktop's trusted-ipc-sender does.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Dispatcher } from './host/transport/dispatcher';
import type { Downloads } from './host/transport/downloads';
import type { EventHub } from './host/transport/event-hub';
import type { Logger } from './host/log/logger';
import { ipcChannels } from './ipc-channels';
import { pickFile } from './pick-file';
import { saveDownload } from './save-download';

export function registerIpc(opts: {
  dispatcher: Dispatcher;
  events: EventHub;
  window: BrowserWindow;
  trustedUrlPrefix: string;
  downloads?: Downloads;
  /** Where a failed file dialog is recorded. */
  log?: Logger;
}): () => void {
  const { dispatcher, events, window } = opts;

  const isTrusted = (event: IpcMainInvokeEvent) =>
    event.sender.id === window.webContents.id &&
    (event.senderFrame?.url ?? '').startsWith(opts.trustedUrlPrefix);

  ipcMain.handle(ipcChannels.call, async (event, name: unknown, input: unknown) => {
    if (!isTrusted(event)) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'Calls are only accepted from the console window' },
      };
    }
    return dispatcher.invoke(String(name), input, { transport: 'ipc' });
  });

  const downloads = opts.downloads;
  ipcMain.handle(ipcChannels.save, async (event, name: unknown, input: unknown) => {
    if (!isTrusted(event) || !downloads) {
      return {
        ok: false,
        error: {
          code: 'forbidden',
          message: 'Downloads are only accepted from the console window',
        },
      };
    }
    return saveDownload(window, downloads, String(name), input);
  });

  ipcMain.handle(ipcChannels.pickFile, async (event, name: unknown) => {
    if (!isTrusted(event)) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'File dialogs open only for the console window' },
      };
    }
    const answer = await pickFile(window, String(name));
    if (!answer.ok)
      opts.log?.warn({ picker: String(name), error: answer.error }, 'file dialog failed');
    return answer;
  });

  const unsubscribe = events.subscribe((topic, payload) => {
    if (!window.isDestroyed()) window.webContents.send(ipcChannels.event, topic, payload);
  });

  return () => {
    ipcMain.removeHandler(ipcChannels.call);
    ipcMain.removeHandler(ipcChannels.save);
    ipcMain.removeHandler(ipcChannels.pickFile);
    unsubscribe();
  };
}
