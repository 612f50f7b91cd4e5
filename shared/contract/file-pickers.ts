// File pickers: the desktop app's native open dialog, declared here once like downloads. The
// renderer asks for a picker by name only; the main process looks its title and filters up here,
// so a page cannot open a dialog the contract does not describe. Browser mode has no picker (a
// web page cannot learn a file's path on the host): there the path is typed.
import * as z from 'zod';

export interface FilePickerSpec {
  readonly title: string;
  readonly buttonLabel: string;
  /** Electron's FileFilter form: extensions without the dot, `*` for any. */
  readonly filters: readonly { name: string; extensions: readonly string[] }[];
}

export const filePickers = {
  'drift.dataset': {
    title: 'Choose a dataset to compare',
    buttonLabel: 'Choose',
    // The formats the drift engine reads (electron/host/capabilities/drift/datasets/open-table.ts).
    filters: [
      { name: 'CSV or Parquet', extensions: ['csv', 'parquet', 'pq'] },
      { name: 'All files', extensions: ['*'] },
    ],
  },
} satisfies Record<string, FilePickerSpec>;

export type FilePickerName = keyof typeof filePickers;

export function isFilePickerName(name: string): name is FilePickerName {
  return Object.prototype.hasOwnProperty.call(filePickers, name);
}

/** What the dialog came to: the absolute path picked, or the user cancelled. */
export const pickedFile = z.union([
  z.object({ picked: z.literal(true), path: z.string().min(1) }),
  z.object({ picked: z.literal(false) }),
]);
export type PickedFile = z.infer<typeof pickedFile>;
