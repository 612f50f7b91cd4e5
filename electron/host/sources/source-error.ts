// One error type for every external system, so capabilities and transports map failures the
// same way whatever the source. A source throws SourceError; the transport turns it into the
// contract's error answer.
import type { ContractError, ErrorCode } from '../../../shared/contract/core';

export class SourceError extends Error {
  readonly code: ErrorCode;
  readonly source: string | undefined;
  readonly status: number | undefined;
  /** The source's own error code (MLflow's RESOURCE_ALREADY_EXISTS, Prometheus' errorType), when it sent one. */
  readonly vendorCode: string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { source?: string; status?: number; vendorCode?: string; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'SourceError';
    this.code = code;
    this.source = opts.source;
    this.status = opts.status;
    this.vendorCode = opts.vendorCode;
  }

  toContract(): ContractError {
    return {
      code: this.code,
      message: this.message,
      ...(this.source === undefined ? {} : { source: this.source }),
      ...(this.status === undefined ? {} : { status: this.status }),
    };
  }
}

export function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 400 || status === 422) return 'bad_request';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 413) return 'too_large';
  if (status >= 500) return 'upstream';
  return 'upstream';
}

const tlsCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_SIGNATURE_FAILURE',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const timeoutCodes = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Finds the errno-style code of a network failure, looking through `cause` chains. */
function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (typeof current === 'object' && current !== null) {
      const code = (current as { code?: unknown }).code;
      if (typeof code === 'string') return code;
      if ((current as { name?: unknown }).name === 'TimeoutError') return 'ETIMEDOUT';
      current = (current as { cause?: unknown }).cause;
    } else break;
  }
  return undefined;
}

/** Classifies a thrown network error (fetch, https, undici) into the contract's terms. */
export function fromNetworkError(error: unknown, source: string, target: string): SourceError {
  if (error instanceof SourceError) return error;
  const code = networkCode(error);
  const detail =
    error instanceof Error
      ? error.cause instanceof Error
        ? error.cause.message
        : error.message
      : String(error);
  if (code && tlsCodes.has(code)) {
    return new SourceError('tls', `TLS error talking to ${target}: ${detail}`, {
      source,
      cause: error,
    });
  }
  if (code && timeoutCodes.has(code)) {
    return new SourceError('timeout', `${target} did not answer in time`, { source, cause: error });
  }
  if (code && unreachableCodes.has(code)) {
    return new SourceError('unreachable', `${target} is unreachable (${code})`, {
      source,
      cause: error,
    });
  }
  if (/certificate|self.signed|SSL|TLS/i.test(detail)) {
    return new SourceError('tls', `TLS error talking to ${target}: ${detail}`, {
      source,
      cause: error,
    });
  }
  return new SourceError('unreachable', `${target} is unreachable: ${detail}`, {
    source,
    cause: error,
  });
}
