// MLflow's failures in the console's terms. The server answers errors as a JSON envelope
// {"error_code", "message"} whose HTTP status does not always say what happened
// (RESOURCE_ALREADY_EXISTS is a 400), while its basic-auth app answers 401/403 in plain text and
// Flask answers unknown routes with an HTML 404. The body reader keeps MLflow's code in the
// message; `toMlflowError` turns that into a SourceError with the right contract code.
import type { ErrorCode } from '../../../../shared/contract/core';
import { type ErrorBodyReader, summarizeBody } from '../http-client';
import { SourceError, codeForStatus } from '../source-error';

/** A SourceError that also carries MLflow's own error code (or the one its client derives from the status). */
export class MlflowError extends SourceError {
  readonly mlflowCode: string;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { source?: string; status?: number; mlflowCode: string; cause?: unknown },
  ) {
    super(code, message, opts);
    this.name = 'MlflowError';
    this.mlflowCode = opts.mlflowCode;
  }
}

// mlflow/exceptions.py HTTP_STATUS_TO_ERROR_CODE: what MLflow's Python client assumes for a
// reply without an envelope.
const codeForHttpStatus: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'ENDPOINT_NOT_FOUND',
  409: 'RESOURCE_CONFLICT',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL_ERROR',
  501: 'NOT_IMPLEMENTED',
  503: 'TEMPORARILY_UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** MLflow error codes whose meaning the HTTP status does not carry. */
const contractCodeFor: Record<string, ErrorCode> = {
  RESOURCE_ALREADY_EXISTS: 'conflict',
  ALREADY_EXISTS: 'conflict',
  RESOURCE_CONFLICT: 'conflict',
  ABORTED: 'conflict',
  RESOURCE_DOES_NOT_EXIST: 'not_found',
  NOT_FOUND: 'not_found',
  ENDPOINT_NOT_FOUND: 'not_found',
  INVALID_PARAMETER_VALUE: 'bad_request',
  BAD_REQUEST: 'bad_request',
  MALFORMED_REQUEST: 'bad_request',
  UNAUTHENTICATED: 'unauthorized',
  CUSTOMER_UNAUTHORIZED: 'unauthorized',
  PERMISSION_DENIED: 'forbidden',
  DEADLINE_EXCEEDED: 'timeout',
};

const envelopeCode = /^[A-Z][A-Z0-9_]+$/;

/** The ErrorBodyReader for HttpClient: MLflow's envelope (its code and message), else the body's text. */
export const readMlflowErrorBody: ErrorBodyReader = (_status, text, contentType) => {
  const envelope = parseEnvelope(text);
  if (envelope) {
    return {
      detail: `${envelope.code}: ${envelope.message}`,
      vendorCode: envelope.code,
      ...(contractCodeFor[envelope.code] ? { code: contractCodeFor[envelope.code] } : {}),
    };
  }
  // The basic-auth app's 401/403 are plain sentences sent as Flask's default text/html.
  const markup = /^\s*</.test(text);
  return summarizeBody(text, markup ? contentType : 'text/plain') || undefined;
};

function parseEnvelope(text: string): { code: string; message: string } | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const body = JSON.parse(text) as { error_code?: unknown; message?: unknown };
    if (typeof body.error_code !== 'string' || !envelopeCode.test(body.error_code))
      return undefined;
    return { code: body.error_code, message: typeof body.message === 'string' ? body.message : '' };
  } catch {
    return undefined;
  }
}

/**
 * A SourceError from HttpClient as an MlflowError: the code the envelope named (read by
 * readMlflowErrorBody), else the one MLflow's Python client derives from the status.
 */
export function toMlflowError(error: unknown): unknown {
  if (!(error instanceof SourceError) || error instanceof MlflowError || error.status === undefined)
    return error;
  const mlflowCode = error.vendorCode ?? codeForHttpStatus[error.status] ?? 'INTERNAL_ERROR';
  const code = contractCodeFor[mlflowCode] ?? codeForStatus(error.status);
  return new MlflowError(code, error.message, {
    ...(error.source === undefined ? {} : { source: error.source }),
    status: error.status,
    mlflowCode,
    cause: error,
  });
}

/**
 * An alias lookup that failed because the alias is unset, not because the model is missing.
 * MLflow 3.17.2 answers 400 INVALID_PARAMETER_VALUE "Registered model alias X not found.";
 * some servers answer 404 RESOURCE_DOES_NOT_EXIST with a message that names the alias.
 */
export function isUnsetAlias(error: unknown): error is MlflowError {
  return (
    error instanceof MlflowError &&
    (error.mlflowCode === 'INVALID_PARAMETER_VALUE' ||
      error.mlflowCode === 'RESOURCE_DOES_NOT_EXIST') &&
    /\balias\b.*\b(not found|does not exist)/i.test(error.message)
  );
}
