// The contract's building blocks. A call is a name with a zod input and a zod output; an event
// stream is a topic with a zod payload. Both transports (Electron IPC, loopback HTTP) and the
// renderer's bridge are generated from these declarations, so nothing is declared twice.
import * as z from 'zod';

export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** Why a user would make this call; shown in logs and the dev tools. */
  readonly summary: string;
  /** A call that changes an external system: the transports never retry it on their own. */
  readonly mutates?: boolean;
}

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly payload: P;
  readonly summary: string;
}

export function call<I extends z.ZodType, O extends z.ZodType>(
  spec: CallSpec<I, O>,
): CallSpec<I, O> {
  return spec;
}

export function event<P extends z.ZodType>(spec: EventSpec<P>): EventSpec<P> {
  return spec;
}

/** Why a call failed, in the user's terms. The transports never send a stack trace. */
export const errorCode = z.enum([
  'bad_request', // the input did not match the contract
  'bad_response', // the host produced, or a source returned, something the contract refuses
  'unauthorized', // 401: credentials missing, expired or wrong
  'forbidden', // 403: the credentials are fine but lack the right
  'not_found',
  'conflict', // 409, or a precondition that moved (an alias changed since the page loaded)
  'unreachable', // connection refused, DNS, network down
  'timeout',
  'tls', // certificate not trusted, hostname mismatch, expired
  'upstream', // the source answered 5xx
  'too_large', // an oversized response was refused before it was read whole
  'unavailable', // the capability or source is not configured in this workspace
  'internal', // a bug in the console; the details are in the host's log
]);
export type ErrorCode = z.infer<typeof errorCode>;

export const contractError = z.object({
  code: errorCode,
  message: z.string(),
  /** Which source (connection id) the failure came from, when it came from one. */
  source: z.string().optional(),
  /** The HTTP status a source answered with, when it answered. */
  status: z.number().int().optional(),
  /** Field-level problems for bad_request and bad_response. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ContractError = z.infer<typeof contractError>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export function envelopeSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: contractError }),
  ]);
}

/** Turns zod issues into the contract's path/message list. */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** Data that may come from the snapshot cache rather than the live source. */
export const freshness = z.object({
  /** ISO time the data was fetched from the source. */
  asOf: z.string(),
  /** True when the live source failed and this is the last-known answer. */
  stale: z.boolean(),
  /** Why the live source failed, when stale. */
  cause: contractError.optional(),
});
export type Freshness = z.infer<typeof freshness>;
