// The only two IPC channels: one for calls, one for events. Names of calls travel inside them.
export const ipcChannels = {
  call: 'mlops-console:call',
  event: 'mlops-console:event',
  /** A download (shared/contract/downloads.ts) saved to a file the user picks. */
  save: 'mlops-console:save',
  /** A file picker (shared/contract/file-pickers.ts): the native open dialog. */
  pickFile: 'mlops-console:pick-file',
} as const;
