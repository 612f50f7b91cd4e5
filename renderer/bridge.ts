// The renderer's only door to the host: typed calls and events from the contract, over the
// Electron preload when present, loopback HTTP otherwise. Answers are validated again here, so a
// host and renderer from different builds fail loudly instead of rendering garbage.
import {
  calls,
  events,
  eventTopics,
  type CallInput,
  type CallName,
  type CallOutput,
  type ContractError,
  type EventPayload,
  type EventTopic,
  describeIssues,
} from '../shared/contract';
import {
  downloads,
  savedDownload,
  type DownloadInput,
  type DownloadName,
  type SavedDownload,
} from '../shared/contract/downloads';
import { pickedFile, type FilePickerName } from '../shared/contract/file-pickers';
import { createHttpTransport } from './transport/http-transport';
import type { ContractTransport, StreamState } from './transport/types';

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
      if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
        throw new CallError({
          code: 'bad_response',
          message: `The answer to ${name} was not a contract envelope`,
        });
      }
      if (!envelope.ok) throw new CallError(envelope.error);
      const parsed = calls[name].output.safeParse(envelope.value);
      if (!parsed.success) {
        throw new CallError({
          code: 'bad_response',
          message: `The answer to ${name} does not match this console's contract`,
          issues: describeIssues(parsed.error),
        });
      }
      return parsed.data as CallOutput<N>;
    },

    /** Saves a download: checked here first, so a bad filter is a message, not a broken file. */
    async save<N extends DownloadName>(name: N, input: DownloadInput<N>): Promise<SavedDownload> {
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
      const parsed = pickedFile.safeParse(envelope.value);
      if (!parsed.success) {
        throw new CallError({
          code: 'bad_response',
          message: 'The file dialog was not understood',
        });
      }
      return parsed.data.picked ? parsed.data.path : undefined;
    },

    /** One subscription for all topics; listeners get validated payloads only. */
    listen(
      handler: <T extends EventTopic>(topic: T, payload: EventPayload<T>) => void,
      onState?: (state: StreamState) => void,
    ): () => void {
      return transport.subscribe(
        eventTopics,
        (topic, payload) => {
          if (!(topic in events)) return;
          const parsed = events[topic as EventTopic].payload.safeParse(payload);
          if (parsed.success) handler(topic as EventTopic, parsed.data as EventPayload<EventTopic>);
        },
        onState,
      );
    },
  };
}

export type Bridge = ReturnType<typeof createBridge>;

export const bridge: Bridge = createBridge(
  typeof window !== 'undefined' && window.mlopsConsole
    ? window.mlopsConsole
    : createHttpTransport(),
);
