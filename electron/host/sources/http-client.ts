// The HTTP client every HTTP source (MLflow, Prometheus, Alertmanager) is built on: TLS with a
// custom CA or client certificate, the user's HTTPS proxy from the environment, auth headers,
// a deadline, a size cap that refuses an oversized answer before reading it whole, and failures
// mapped to SourceError. Sources add only their own paths and their own error bodies.
import type * as Undici from 'undici';
import type { Dispatcher } from 'undici';
import type { ErrorCode } from '../../../shared/contract/core';
import { SourceError, codeForStatus, fromNetworkError } from './source-error';

export type HttpAuth =
  | { type: 'none' }
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string };

export interface HttpClientOptions {
  /** The connection id, carried into errors so the UI can say which source failed. */
  source: string;
  baseUrl: string;
  auth?: HttpAuth;
  headers?: Record<string, string>;
  /** PEM bundle trusted in addition to (not instead of) the system roots. */
  ca?: string;
  clientCert?: { cert: string; key: string };
  insecureSkipTlsVerify?: boolean;
  timeoutMs?: number;
  maxResponseBytes?: number;
  /** Set by tests and the simulators; the user's environment decides otherwise. */
  dispatcher?: Dispatcher;
}

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | readonly string[] | undefined>;
  json?: unknown;
  form?: Record<string, string>;
  accept?: string;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  contentType: string;
  text: string;
  latencyMs: number;
}

/**
 * What a failed answer's body says, read by the source that knows its own error envelope: a
 * detail for the message, and, where the status alone is misleading (MLflow's 400
 * RESOURCE_ALREADY_EXISTS, Prometheus' 503 query timeout), the code it really means and the
 * source's own error code.
 */
export interface ErrorReading {
  detail?: string;
  code?: ErrorCode;
  vendorCode?: string;
}

export type ErrorBodyReader = (
  status: number,
  text: string,
  contentType: string,
) => string | ErrorReading | undefined;

// undici is a megabyte of code that only matters once a source is asked something: loaded at
// start, it held up the window's first requests.
let undici: Promise<typeof Undici> | undefined;
// A CommonJS package imported dynamically from the bundle has only its default export (esbuild
// cannot know the named ones), so the exports are read from there when present.
const loadUndici = () =>
  (undici ??= import('undici').then(
    (module) => (module as unknown as { default?: typeof Undici }).default ?? module,
  ));

const defaultTimeoutMs = 15_000;
const defaultMaxBytes = 64 * 1024 * 1024;

export class HttpClient {
  readonly source: string;
  private readonly base: URL;
  private readonly connect: {
    ca?: string;
    cert?: string;
    key?: string;
    rejectUnauthorized: boolean;
  };
  private dispatcher: Promise<Dispatcher> | undefined;
  private readonly headers: Record<string, string>;

  constructor(
    private readonly opts: HttpClientOptions,
    private readonly readErrorBody: ErrorBodyReader = () => undefined,
  ) {
    this.source = opts.source;
    this.base = new URL(opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`);
    this.connect = {
      ...(opts.ca ? { ca: opts.ca } : {}),
      ...(opts.clientCert ? { cert: opts.clientCert.cert, key: opts.clientCert.key } : {}),
      rejectUnauthorized: !opts.insecureSkipTlsVerify,
    };
    if (opts.dispatcher) this.dispatcher = Promise.resolve(opts.dispatcher);
    this.headers = { ...(opts.headers ?? {}), ...authHeader(opts.auth) };
  }

  /**
   * The environment's HTTPS_PROXY / NO_PROXY are honoured like curl does; without them this is a
   * plain agent. Loopback is never proxied.
   */
  private agent(): Promise<Dispatcher> {
    return (this.dispatcher ??= loadUndici().then(({ Agent, EnvHttpProxyAgent }) =>
      process.env.HTTPS_PROXY ||
      process.env.https_proxy ||
      process.env.HTTP_PROXY ||
      process.env.http_proxy
        ? new EnvHttpProxyAgent({
            connect: this.connect,
            noProxy: withLoopback(process.env.NO_PROXY ?? process.env.no_proxy),
          })
        : new Agent({ connect: this.connect }),
    ));
  }

  get baseUrl(): string {
    return this.base.toString();
  }

  url(path: string, query?: HttpRequest['query']): URL {
    const url = new URL(path.replace(/^\//, ''), this.base);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      if (Array.isArray(value))
        for (const item of value) url.searchParams.append(key, String(item));
      else url.searchParams.set(key, String(value));
    }
    return url;
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    const url = this.url(req.path, req.query);
    const headers: Record<string, string> = {
      ...this.headers,
      accept: req.accept ?? 'application/json',
    };
    let body: string | undefined;
    if (req.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.json);
    } else if (req.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(req.form).toString();
    }
    const started = performance.now();
    const target = `${this.source} (${url.host})`;
    const [{ fetch }, dispatcher] = await Promise.all([loadUndici(), this.agent()]);
    let response;
    try {
      response = await fetch(url, {
        method: req.method ?? 'GET',
        headers,
        body,
        dispatcher,
        signal: AbortSignal.timeout(req.timeoutMs ?? this.opts.timeoutMs ?? defaultTimeoutMs),
      });
    } catch (error) {
      throw fromNetworkError(error, this.source, target);
    }
    const contentType = response.headers.get('content-type') ?? '';
    const text = await this.readCapped(response, target);
    const latencyMs = performance.now() - started;
    if (response.status >= 400) {
      const read = this.readErrorBody(response.status, text, contentType);
      const reading: ErrorReading = typeof read === 'string' ? { detail: read } : (read ?? {});
      const detail = reading.detail ?? summarizeBody(text, contentType);
      throw new SourceError(
        reading.code ?? codeForStatus(response.status),
        `${target} answered ${response.status}${detail ? `: ${detail}` : ''}`,
        {
          source: this.source,
          status: response.status,
          ...(reading.vendorCode ? { vendorCode: reading.vendorCode } : {}),
        },
      );
    }
    return { status: response.status, contentType, text, latencyMs };
  }

  /** A JSON request whose answer must be JSON; a proxy's HTML error page becomes a clear error. */
  async json<T = unknown>(req: HttpRequest): Promise<{ body: T; latencyMs: number }> {
    const res = await this.request(req);
    if (res.text === '') return { body: {} as T, latencyMs: res.latencyMs };
    try {
      return { body: JSON.parse(res.text) as T, latencyMs: res.latencyMs };
    } catch {
      throw new SourceError(
        'bad_response',
        `${this.source} answered ${res.status} with ${res.contentType || 'no content type'} instead of JSON: ${summarizeBody(res.text, res.contentType)}`,
        { source: this.source, status: res.status },
      );
    }
  }

  async close(): Promise<void> {
    if (!this.opts.dispatcher && this.dispatcher) await (await this.dispatcher).close();
  }

  private async readCapped(
    response: Awaited<ReturnType<typeof Undici.fetch>>,
    target: string,
  ): Promise<string> {
    const max = this.opts.maxResponseBytes ?? defaultMaxBytes;
    const declared = Number(response.headers.get('content-length') ?? 'NaN');
    if (Number.isFinite(declared) && declared > max) {
      await response.body?.cancel();
      throw new SourceError(
        'too_large',
        `${target} sent ${formatBytes(declared)}, over the ${formatBytes(max)} limit`,
        {
          source: this.source,
          status: response.status,
        },
      );
    }
    if (!response.body) return '';
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      for await (const chunk of response.body) {
        total += chunk.byteLength;
        if (total > max) {
          await response.body.cancel().catch(() => undefined);
          throw new SourceError(
            'too_large',
            `${target} sent more than the ${formatBytes(max)} limit`,
            {
              source: this.source,
              status: response.status,
            },
          );
        }
        chunks.push(chunk);
      }
    } catch (error) {
      throw fromNetworkError(error, this.source, target);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
}

function authHeader(auth: HttpAuth | undefined): Record<string, string> {
  if (!auth || auth.type === 'none') return {};
  if (auth.type === 'bearer') return { authorization: `Bearer ${auth.token}` };
  return {
    authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`,
  };
}

function withLoopback(noProxy: string | undefined): string {
  return ['localhost', '127.0.0.1', '::1', ...(noProxy ? [noProxy] : [])].join(',');
}

/** A short, single-line view of a body for an error message (an HTML page becomes its title). */
export function summarizeBody(text: string, contentType: string): string {
  if (!text) return '';
  if (/html/i.test(contentType) || /^\s*<(!doctype|html)/i.test(text)) {
    const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    return title ? `an HTML page ("${title}")` : 'an HTML page';
  }
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 300)}…` : oneLine;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
