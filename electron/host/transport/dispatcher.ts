// The single place a call is validated and answered. Both transports (Electron IPC and loopback
// HTTP) hand raw payloads here and send back the envelope; neither knows any call by name.
import {
  calls,
  describeIssues,
  isCallName,
  type CallArgs,
  type CallName,
  type CallOutput,
  type Envelope,
} from '../../../shared/contract';
import type { Logger } from '../log/logger';
import { toContractError } from './failure';

const checkedAnswers = new WeakSet<object>();

/**
 * Marks an answer its handler has already checked against the call's output schema, part by
 * part, so the dispatcher does not check it a second time. For answers too big to check twice on
 * the path of a cold start: the pipelines snapshot, whose 5,000 runs were checked when this build
 * cached them (checking them again was 60-80 ms before the window's first table).
 */
export function alreadyChecked<T extends object>(answer: T): T {
  checkedAnswers.add(answer);
  return answer;
}

export interface CallContext {
  transport: 'ipc' | 'http' | 'test';
}

export type Handlers = {
  [N in CallName]: (input: CallArgs<N>, ctx: CallContext) => Promise<CallOutput<N>> | CallOutput<N>;
};

export interface Dispatcher {
  invoke(name: string, rawInput: unknown, ctx: CallContext): Promise<Envelope<unknown>>;
}

/**
 * `ready` holds calls back until the host has opened its workspace, so a transport can listen
 * (and the window load) while the workspace's sources are still being prepared.
 */
export function createDispatcher(
  handlers: Handlers,
  log: Logger,
  ready?: Promise<unknown>,
): Dispatcher {
  return {
    async invoke(name, rawInput, ctx) {
      await ready;
      if (!isCallName(name)) {
        return fail('bad_request', `There is no call named "${name}"`);
      }
      const spec = calls[name];
      const input = spec.input.safeParse(rawInput ?? {});
      if (!input.success) {
        const issues = describeIssues(input.error);
        log.warn({ call: name, issues }, 'refused a call whose input breaks the contract');
        return {
          ok: false,
          error: { code: 'bad_request', message: `Invalid input for ${name}`, issues },
        };
      }
      let value: unknown;
      try {
        const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
        value = await handler(input.data, ctx);
      } catch (error) {
        const known = toContractError(error);
        if (known) {
          log.warn(
            { call: name, code: known.code, source: known.source, status: known.status },
            known.message,
          );
          return { ok: false, error: known };
        }
        log.error({ call: name, err: error }, 'a call failed unexpectedly');
        return fail(
          'internal',
          `${name} failed unexpectedly; the details are in the console's log`,
        );
      }
      if (typeof value === 'object' && value !== null && checkedAnswers.has(value)) {
        return { ok: true, value };
      }
      const output = spec.output.safeParse(value);
      if (!output.success) {
        const issues = describeIssues(output.error);
        log.error({ call: name, issues }, 'a handler answered something the contract refuses');
        return {
          ok: false,
          error: {
            code: 'bad_response',
            message: `The answer to ${name} broke the contract`,
            issues,
          },
        };
      }
      return { ok: true, value: output.data };
    },
  };
}

function fail(code: 'bad_request' | 'internal', message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}
