// The window's one transport: the preload bridge in Electron, loopback HTTP in a browser. Made on
// first use, by the launch module (which sends the first reads) or by the bridge.
import { type EarlyCallsTransport, withEarlyCalls } from './early-calls';
import { createHttpTransport } from './http-transport';

let chosen: EarlyCallsTransport | undefined;

export function windowTransport(): EarlyCallsTransport {
  chosen ??= withEarlyCalls(
    typeof window !== 'undefined' && window.mlopsConsole
      ? window.mlopsConsole
      : createHttpTransport(),
  );
  return chosen;
}
