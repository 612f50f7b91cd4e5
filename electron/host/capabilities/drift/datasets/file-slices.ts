// A file as hyparquet's AsyncBuffer, each slice one positioned read into one buffer.
// hyparquet's own `asyncBufferFromFile` streams every slice in 64 KB pieces and concatenates
// them: several event-loop round trips and a copy for each column chunk of each row group.

import { open } from 'node:fs/promises';
import type { AsyncBuffer } from 'hyparquet';

export interface FileSlices extends AsyncBuffer {
  close(): Promise<void>;
}

export async function fileSlices(path: string): Promise<FileSlices> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    return {
      byteLength: size,
      async slice(start: number, end = size): Promise<ArrayBuffer> {
        const out = new Uint8Array(Math.max(0, end - start));
        let done = 0;
        while (done < out.length) {
          const { bytesRead } = await handle.read(out, done, out.length - done, start + done);
          if (bytesRead === 0) throw new Error(`the file ends at byte ${start + done} of ${end}`);
          done += bytesRead;
        }
        return out.buffer;
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
