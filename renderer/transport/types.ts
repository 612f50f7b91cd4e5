import type { Envelope } from '../../shared/contract';

export type StreamState = 'open' | 'reconnecting';

/** What both transports give the renderer: the preload bridge in Electron, HTTP in a browser. */
export interface ContractTransport {
  readonly mode: 'electron' | 'browser';
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  /** Saves a download (shared/contract/downloads.ts): a save dialog in Electron, the browser's own download otherwise. */
  save?(name: string, input: unknown): Promise<Envelope<unknown>>;
  /** Opens a file picker (shared/contract/file-pickers.ts); only the desktop app has one. */
  pickFile?(name: string): Promise<Envelope<unknown>>;
  /** Events of the given topics; returns the unsubscribe function. */
  subscribe(
    topics: readonly string[],
    listener: (topic: string, payload: unknown) => void,
    onState?: (state: StreamState) => void,
  ): () => void;
}

declare global {
  interface Window {
    /** Set by electron/preload.ts; absent in browser mode. */
    mlopsConsole?: ContractTransport;
  }
}
