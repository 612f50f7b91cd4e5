// A failure in the user's terms: a short title per contract error code, over the host's message.
import type { ContractError, ErrorCode } from '../../shared/contract';
import { CallError } from '../bridge';

export const errorTitles: Record<ErrorCode, string> = {
  bad_request: 'Invalid request',
  bad_response: 'Unexpected answer',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Changed meanwhile',
  unreachable: 'Unreachable',
  timeout: 'Timed out',
  tls: 'TLS error',
  upstream: 'Source error',
  too_large: 'Too large',
  unavailable: 'Not configured',
  internal: 'Internal error',
};

/** Anything thrown at a screen, as a contract error (a render bug becomes `internal`). */
export function asContractError(error: unknown): ContractError {
  if (error instanceof CallError) return error.error;
  if (isContractError(error)) return error;
  if (error instanceof Error) return { code: 'internal', message: error.message };
  return { code: 'internal', message: String(error) };
}

function isContractError(value: unknown): value is ContractError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ContractError).code === 'string' &&
    (value as ContractError).code in errorTitles &&
    typeof (value as ContractError).message === 'string'
  );
}

export function errorTitle(error: ContractError): string {
  const title = errorTitles[error.code];
  return error.status ? `${title} (HTTP ${error.status})` : title;
}
