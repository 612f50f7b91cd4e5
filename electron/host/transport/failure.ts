// Failures a handler raises on purpose, with a code the user can act on. Anything else a handler
// throws is a bug: logged in full, answered as `internal` without a stack.
import type { ContractError, ErrorCode } from '../../../shared/contract/core';
import { SourceError } from '../sources/source-error';

export class CallFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Omit<ContractError, 'code' | 'message'> = {},
  ) {
    super(message);
    this.name = 'CallFailure';
  }
}

export function toContractError(error: unknown): ContractError | undefined {
  if (error instanceof CallFailure)
    return { code: error.code, message: error.message, ...error.extra };
  if (error instanceof SourceError) return error.toContract();
  return undefined;
}
