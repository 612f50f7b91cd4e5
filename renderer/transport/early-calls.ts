// Calls sent as the window's bundle starts to run, before React, the router and the query client
// exist: on a cold start the host is ready well before the page has evaluated its 300 KB bundle,
// and the first page's answer (the cached pipelines table is 1.8 MB of JSON) can travel while
// that happens instead of after it. Each early answer goes, once, to the first call with the same
// name and input made within a few seconds (the launch's own reads, made as the bundle finishes);
// one nobody asked for in time is dropped, never handed to a later read as if it were fresh.
import type { Envelope } from '../../shared/contract';
import type { ContractTransport } from './types';

export interface EarlyCallsTransport extends ContractTransport {
  /** Sends these calls now; their answers wait for the first matching `invoke`. */
  sendEarly(calls: readonly { name: string; input: object }[]): void;
}

/** How long an early answer waits for its call. */
export const EARLY_ANSWER_MS = 10_000;

export function withEarlyCalls(
  transport: ContractTransport,
  now: () => number = () => performance.now(),
): EarlyCallsTransport {
  const inFlight = new Map<string, { answer: Promise<Envelope<unknown>>; sentAt: number }>();
  const { save, pickFile } = transport;
  return {
    mode: transport.mode,
    invoke(name, input) {
      const key = inFlight.size > 0 ? keyOf(name, input) : '';
      const early = inFlight.get(key);
      if (early) inFlight.delete(key);
      if (early && now() - early.sentAt < EARLY_ANSWER_MS) return early.answer;
      return transport.invoke(name, input);
    },
    subscribe: (topics, listener, onState) => transport.subscribe(topics, listener, onState),
    ...(save ? { save: (name: string, input: unknown) => save.call(transport, name, input) } : {}),
    ...(pickFile ? { pickFile: (name: string) => pickFile.call(transport, name) } : {}),
    sendEarly(calls) {
      for (const { name, input } of calls) {
        const key = keyOf(name, input);
        if (!inFlight.has(key)) {
          inFlight.set(key, { answer: transport.invoke(name, input), sentAt: now() });
        }
      }
    },
  };
}

function keyOf(name: string, input: unknown): string {
  return `${name} ${stableJson(input ?? {})}`;
}

/** JSON with object keys sorted, so `{ id, from }` and `{ from, id }` are the same call. */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}
