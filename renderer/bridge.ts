// The renderer's only door to the host: typed calls and events from the contract, over the
// Electron preload when present, loopback HTTP otherwise.
//
// The host is the contract's one gatekeeper: it checks every call's input and every answer and
// event against the zod schemas before they leave (electron/host/transport/dispatcher.ts,
// event-hub.ts), and the renderer it serves is built from the same contract. So the window's
// main bundle carries the contract's types but neither zod nor the schemas: building the schemas
// and checking 5,000 cached runs a second time (without the compiled fast path, which this page's
// CSP forbids) held a cold start's first paint back by tens of milliseconds. The rare calls whose
// input is checked here first (a download, a file picked) load their schemas when used.
import type {
  CallInput,
  CallName,
  CallOutput,
  ContractError,
  Envelope,
  EventPayload,
  EventTopic,
} from '../shared/contract';
import type { DownloadInput, DownloadName, SavedDownload } from '../shared/contract/downloads';
import type { FilePickerName } from '../shared/contract/file-pickers';
import type { ContractTransport, StreamState } from './transport/types';
import { windowTransport } from './transport/window-transport';

/** The contract's event topics, written into the bundle when it is built (vite.config.ts). */
declare const __CONTRACT_EVENT_TOPICS__: readonly EventTopic[];
const eventTopics = new Set<string>(__CONTRACT_EVENT_TOPICS__);

export class CallError extends Error {
  readonly error: ContractError;
  constructor(error: ContractError) {
    super(error.message);
    this.name = 'CallError';
    this.error = error;
  }
}

export function createBridge(transport: ContractTransport) {
  return {
    mode: transport.mode,

    async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
      const envelope = await transport.invoke(name, input);
      if (!isEnvelope(envelope)) {
        throw new CallError({
          code: 'bad_response',
          message: `The answer to ${name} was not a contract envelope`,
        });
      }
      if (!envelope.ok) throw new CallError(envelope.error);
      return envelope.value as CallOutput<N>;
    },

    /** Saves a download: checked here first, so a bad filter is a message, not a broken file. */
    async save<N extends DownloadName>(name: N, input: DownloadInput<N>): Promise<SavedDownload> {
      const { downloads, savedDownload } = await import('../shared/contract/downloads');
      const { describeIssues } = await import('../shared/contract/core');
      const checked = downloads[name].input.safeParse(input);
      if (!checked.success) {
        throw new CallError({
          code: 'bad_request',
          message: `The ${name} request is not valid`,
          issues: describeIssues(checked.error),
        });
      }
      if (!transport.save) {
        throw new CallError({ code: 'unavailable', message: 'This console cannot save files' });
      }
      const envelope = await transport.save(name, checked.data);
      if (!envelope.ok) throw new CallError(envelope.error);
      const parsed = savedDownload.safeParse(envelope.value);
      if (!parsed.success) {
        throw new CallError({
          code: 'bad_response',
          message: `The answer to ${name} was not understood`,
        });
      }
      return parsed.data;
    },

    /** Whether this console can open a native file dialog (the desktop app) or paths are typed. */
    canPickFiles: typeof transport.pickFile === 'function',

    /** Opens a file picker; the path picked, or undefined when the user cancelled. */
    async pickFile(name: FilePickerName): Promise<string | undefined> {
      if (!transport.pickFile) {
        throw new CallError({ code: 'unavailable', message: 'This console cannot open files' });
      }
      const envelope = await transport.pickFile(name);
      if (!envelope.ok) throw new CallError(envelope.error);
      const { pickedFile } = await import('../shared/contract/file-pickers');
      const parsed = pickedFile.safeParse(envelope.value);
      if (!parsed.success) {
        throw new CallError({
          code: 'bad_response',
          message: 'The file dialog was not understood',
        });
      }
      return parsed.data.picked ? parsed.data.path : undefined;
    },

    /** One subscription for all the contract's topics (the host checked each payload). */
    listen(
      handler: <T extends EventTopic>(topic: T, payload: EventPayload<T>) => void,
      onState?: (state: StreamState) => void,
    ): () => void {
      return transport.subscribe(
        [...eventTopics],
        (topic, payload) => {
          if (eventTopics.has(topic)) handler(topic as EventTopic, payload as never);
        },
        onState,
      );
    },
  };
}

export type Bridge = ReturnType<typeof createBridge>;

export const bridge: Bridge = createBridge(windowTransport());

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (!value || typeof value !== 'object' || !('ok' in value)) return false;
  const error = (value as { error?: ContractError }).error;
  return (
    value.ok === true ||
    (value.ok === false && typeof error?.code === 'string' && typeof error.message === 'string')
  );
}
