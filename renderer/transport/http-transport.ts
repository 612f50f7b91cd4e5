// Browser mode: the host answers on the same loopback origin. The session cookie (set when the
// launch URL's token was handed over) authenticates every request; no credential is in JS.
import type { ContractError, Envelope } from '../../shared/contract';
import type { ContractTransport } from './types';

export function createHttpTransport(baseUrl = ''): ContractTransport {
  return {
    mode: 'browser',
    async invoke(name, input) {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/api/call/${encodeURIComponent(name)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return failure(
          'unreachable',
          'The console host is not answering (was `npm run serve` stopped?)',
        );
      }
      try {
        return (await response.json()) as Envelope<unknown>;
      } catch {
        return failure(
          'bad_response',
          `The console host answered ${response.status} without a contract envelope`,
        );
      }
    },
    async save(name, input) {
      // Loaded when used: the downloads' schemas are not part of the window's first bundle.
      const { downloadPath, isDownloadName } = await import('../../shared/contract/downloads');
      if (!isDownloadName(name)) return failure('bad_request', `No download ${name}`);
      // The host streams the file as an attachment; the session cookie goes with the request.
      const link = document.createElement('a');
      link.href = `${baseUrl}${downloadPath(name, input)}`;
      link.download = '';
      document.body.append(link);
      link.click();
      link.remove();
      return { ok: true, value: { saved: true } };
    },
    subscribe(topics, listener, onState) {
      // EventSource reconnects by itself; we only report the state for the banner.
      const source = new EventSource(`${baseUrl}/api/events`, { withCredentials: true });
      for (const topic of topics) {
        source.addEventListener(topic, (event) => {
          try {
            listener(topic, JSON.parse((event as MessageEvent<string>).data));
          } catch {
            // A malformed frame is dropped; the contract check happens in the bridge.
          }
        });
      }
      source.onopen = () => onState?.('open');
      source.onerror = () => onState?.('reconnecting');
      return () => source.close();
    },
  };
}

function failure(code: ContractError['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}
