// The renderer's one door: an object built from the contract (invoke + subscribe), nothing else.
// Only call names and event topics the contract declares pass; the main process validates the
// payloads and checks the sender, so this file stays small and dumb.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CallName, EventTopic } from '../shared/contract';
import { ipcChannels } from './ipc-channels';

// Replaced at build time (scripts/build-electron.mjs) with the contract's names, so the preload
// carries the contract's vocabulary without its schemas.
declare const __CONTRACT_CALL_NAMES__: CallName[];
declare const __CONTRACT_EVENT_TOPICS__: EventTopic[];

const allowedCalls = new Set<string>(__CONTRACT_CALL_NAMES__);
const allowedTopics = new Set<string>(__CONTRACT_EVENT_TOPICS__);

contextBridge.exposeInMainWorld('mlopsConsole', {
  mode: 'electron',
  invoke(name: unknown, input: unknown) {
    if (typeof name !== 'string' || !allowedCalls.has(name)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'bad_request', message: `There is no call named "${String(name)}"` },
      });
    }
    return ipcRenderer.invoke(ipcChannels.call, name, input);
  },
  // The main process checks the name and input against the contract's downloads.
  save(name: unknown, input: unknown) {
    if (typeof name !== 'string') {
      return Promise.resolve({
        ok: false,
        error: { code: 'bad_request', message: 'A download needs a name' },
      });
    }
    return ipcRenderer.invoke(ipcChannels.save, name, input);
  },
  // The main process looks the picker's dialog up in the contract by this name.
  pickFile(name: unknown) {
    return ipcRenderer.invoke(ipcChannels.pickFile, String(name));
  },
  subscribe(topics: unknown, listener: unknown, onState?: unknown) {
    if (!Array.isArray(topics) || typeof listener !== 'function') return () => undefined;
    const wanted = new Set(
      topics.filter((t): t is string => typeof t === 'string' && allowedTopics.has(t)),
    );
    const forward = (_event: IpcRendererEvent, topic: string, payload: unknown) => {
      if (wanted.has(topic))
        (listener as (topic: string, payload: unknown) => void)(topic, payload);
    };
    ipcRenderer.on(ipcChannels.event, forward);
    // IPC does not drop like a network stream: the state is always open.
    if (typeof onState === 'function') (onState as (state: string) => void)('open');
    return () => {
      ipcRenderer.removeListener(ipcChannels.event, forward);
    };
  },
});
