// A ContractTransport that answers calls from fixtures, for component tests. Handlers return a
// value (or a promise of one), or throw `failWith(error)` to answer with a contract error.
import type {
  CallInput,
  CallName,
  CallOutput,
  ContractError,
  Envelope,
  EventPayload,
  EventTopic,
} from '../../shared/contract';
import type { ContractTransport, StreamState } from '../transport/types';

class FixtureFailure extends Error {
  constructor(readonly error: ContractError) {
    super(error.message);
  }
}

/** Throw from a handler to answer with this contract error. */
export function failWith(error: ContractError): never {
  throw new FixtureFailure(error);
}

type Handler<N extends CallName> = (input: CallInput<N>) => CallOutput<N> | Promise<CallOutput<N>>;

export class FakeTransport implements ContractTransport {
  readonly mode = 'browser' as const;
  readonly calls: { name: string; input: unknown }[] = [];
  private readonly handlers = new Map<string, (input: unknown) => unknown>();
  private listener: ((topic: string, payload: unknown) => void) | undefined;
  private onState: ((state: StreamState) => void) | undefined;

  on<N extends CallName>(name: N, handler: Handler<N>): this {
    this.handlers.set(name, handler as (input: unknown) => unknown);
    return this;
  }

  callsOf<N extends CallName>(name: N): CallInput<N>[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.input as CallInput<N>);
  }

  async invoke(name: string, input: unknown): Promise<Envelope<unknown>> {
    this.calls.push({ name, input });
    const handler = this.handlers.get(name);
    if (!handler) {
      return { ok: false, error: { code: 'internal', message: `no fixture answers ${name}` } };
    }
    try {
      return { ok: true, value: await handler(input) };
    } catch (error) {
      if (error instanceof FixtureFailure) return { ok: false, error: error.error };
      throw error;
    }
  }

  subscribe(
    _topics: readonly string[],
    listener: (topic: string, payload: unknown) => void,
    onState?: (state: StreamState) => void,
  ): () => void {
    this.listener = listener;
    this.onState = onState;
    return () => {
      if (this.listener === listener) this.listener = undefined;
    };
  }

  emit<T extends EventTopic>(topic: T, payload: EventPayload<T>): void {
    this.listener?.(topic, payload);
  }

  setStreamState(state: StreamState): void {
    this.onState?.(state);
  }
}

/** A promise the test resolves or rejects when it chooses (to hold a call "in flight"). */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
