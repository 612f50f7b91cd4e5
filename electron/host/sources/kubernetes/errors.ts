// client-node's failures, in the contract's terms. Three kinds reach us:
// - ApiException: the API server answered >= 400; its body is a Kubernetes Status whose message
//   is the useful part (`pods is forbidden: User "x" cannot list resource "pods" ...`);
// - node-fetch's FetchError / AbortError: the network, TLS, or our deadline;
// - CredentialSetupError: preparing the request failed before anything was sent (an exec plugin
//   missing or failing, a certificate file gone).
import { ApiException } from '@kubernetes/client-node';
import { SourceError, codeForStatus, fromNetworkError } from '../source-error';
import { summarizeBody } from '../http-client';

/** Where a request was going, for messages: which connection, which context, which server. */
export interface KubeTarget {
  source: string;
  context: string;
  server: string;
  /** The exec plugin's command, when the context's user has one. */
  execCommand?: string;
}

/** Thrown by the per-context KubeConfig when credentials or TLS material cannot be prepared. */
export class CredentialSetupError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'CredentialSetupError';
  }
}

/** A 410: the resourceVersion a watch or paged list started from is too old; list again. */
export function isExpired(error: unknown): boolean {
  return error instanceof SourceError && error.status === 410;
}

export function toKubeSourceError(error: unknown, target: KubeTarget): SourceError {
  if (error instanceof SourceError) return error;
  const where = describeTarget(target);
  if (error instanceof ApiException)
    return fromApiException(error as ApiException<unknown>, target, where);
  if (error instanceof CredentialSetupError) return fromCredentialSetup(error.cause, target, where);
  const name = (error as { name?: unknown } | null)?.name;
  const type = (error as { type?: unknown } | null)?.type;
  if (
    name === 'AbortError' ||
    name === 'TimeoutError' ||
    type === 'aborted' ||
    type === 'request-timeout'
  ) {
    return new SourceError('timeout', `${where} did not answer in time`, {
      source: target.source,
      cause: error,
    });
  }
  if (name === 'FetchError' && type !== 'system') {
    // invalid-json, max-size and the like: the server (or a proxy in between) sent nonsense.
    return new SourceError(
      'bad_response',
      `${where} sent an unreadable answer: ${(error as Error).message}`,
      {
        source: target.source,
        cause: error,
      },
    );
  }
  if (name === 'FetchError' || hasCode(error))
    return fromNetworkError(withoutFetchPrefix(error), target.source, where);
  return new SourceError(
    'internal',
    `${where}: ${error instanceof Error ? error.message : String(error)}`,
    {
      source: target.source,
      cause: error,
    },
  );
}

function fromApiException(
  error: ApiException<unknown>,
  target: KubeTarget,
  where: string,
): SourceError {
  const status = error.code;
  const detail = statusMessage(error.body, error.headers?.['content-type'] ?? '');
  const opts = { source: target.source, status, cause: error };
  switch (status) {
    case 401:
      return new SourceError(
        'unauthorized',
        `${where} refused the credentials (401 Unauthorized${detail && detail !== 'Unauthorized' ? `: ${detail}` : ''}); ` +
          'the token or certificate is wrong or expired',
        opts,
      );
    case 403:
      return new SourceError('forbidden', `${where}: ${detail || 'forbidden (403)'}`, opts);
    case 404:
      return new SourceError('not_found', `${where}: ${detail || 'not found (404)'}`, opts);
    case 409:
      return new SourceError('conflict', `${where}: ${detail || 'conflict (409)'}`, opts);
    case 410:
      // The contract has no "expired" code: a resourceVersion that moved on is a conflict; the
      // status (410) and isExpired() tell a watch or a paged list to start over.
      return new SourceError(
        'conflict',
        `${where}: ${detail || 'the resource version is too old'} (410 Expired: list again)`,
        opts,
      );
    default:
      return new SourceError(
        codeForStatus(status),
        `${where} answered ${status}${detail ? `: ${detail}` : ''}`,
        opts,
      );
  }
}

function fromCredentialSetup(cause: unknown, target: KubeTarget, where: string): SourceError {
  const source = target.source;
  const err = cause as NodeJS.ErrnoException & { path?: string };
  const plugin = target.execCommand;
  if (typeof err?.syscall === 'string' && err.syscall.startsWith('spawn')) {
    const command = err.path ?? plugin ?? 'the credential plugin';
    if (err.code === 'ENOENT') {
      return new SourceError(
        'unauthorized',
        `${where}: the credential plugin "${command}" was not found on PATH. If it works in a terminal, ` +
          'the app did not get your shell PATH; otherwise install it or fix users[].user.exec.command',
        { source, cause },
      );
    }
    return new SourceError(
      'unauthorized',
      `${where}: the credential plugin "${command}" could not start (${err.code})`,
      {
        source,
        cause,
      },
    );
  }
  if (typeof err?.syscall === 'string' && (err.syscall === 'open' || err.syscall === 'read')) {
    return new SourceError(
      'unavailable',
      `${where}: cannot read ${err.path ?? 'a file the kubeconfig names'} (${err.code})`,
      {
        source,
        cause,
      },
    );
  }
  if (plugin) {
    const message =
      cause instanceof SyntaxError
        ? `printed something that is not an ExecCredential (${cause.message})`
        : `failed: ${lastLines(cause instanceof Error ? cause.message : String(cause)) || 'no message'}`;
    return new SourceError(
      'unauthorized',
      `${where}: the credential plugin "${plugin}" ${message}`,
      { source, cause },
    );
  }
  return new SourceError(
    'unavailable',
    `${where}: ${cause instanceof Error ? cause.message : String(cause)}`,
    {
      source,
      cause,
    },
  );
}

/** The API server's own words for a failure (its Status message), without our "context ..." prefix. */
export function kubeStatusDetail(error: SourceError): string {
  const cause = error.cause;
  if (cause instanceof ApiException) {
    const detail = statusMessage(
      cause.body,
      (cause as ApiException<unknown>).headers?.['content-type'] ?? '',
    );
    if (detail) return detail;
  }
  return error.message;
}

/** The message of a Kubernetes Status body; anything else summarised to one line. */
export function statusMessage(body: unknown, contentType: string): string {
  if (body === undefined || body === null || body === '') return '';
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return summarizeBody(body, contentType);
    }
  }
  if (typeof parsed === 'object' && parsed !== null) {
    const message = (parsed as { message?: unknown }).message;
    if (typeof message === 'string' && message.length > 0) return message;
    return summarizeBody(JSON.stringify(parsed), 'application/json');
  }
  return String(parsed);
}

function describeTarget(target: KubeTarget): string {
  let host = target.server;
  try {
    host = new URL(target.server).host;
  } catch {
    // keep the raw text
  }
  return `context "${target.context}" (${host})`;
}

/** node-fetch says "request to <url> failed, reason: <why>"; the URL is noise next to the context. */
function withoutFetchPrefix(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const reason = /^request to \S+ failed, reason: ([\s\S]*)$/.exec(error.message)?.[1];
  if (!reason) return error;
  // Not `cause`: fromNetworkError would print the cause's (long) message instead.
  return Object.assign(new Error(reason), {
    code: (error as { code?: unknown }).code,
    fetchError: error,
  });
}

function hasCode(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' ').slice(0, 500);
}
