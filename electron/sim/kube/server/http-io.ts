// Small HTTP helpers: bodies in, JSON and Status out.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { KubeError, errors } from '../api/status';
import { decodeProtobufBody, isProtobuf } from './protobuf';

const maxBody = 8 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        reject(new KubeError(413, 'BadRequest', 'Request entity too large: limit is 8MiB'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  if (isProtobuf(body)) {
    const decoded = decodeProtobufBody(body);
    if (decoded) return decoded;
    throw new KubeError(
      415,
      'UnsupportedMediaType',
      'the simulator accepts protobuf bodies only for access reviews and evictions; send application/json',
    );
  }
  const text = body.toString('utf8');
  if (!text.trim()) throw errors.badRequest('the body of the request was empty');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw errors.badRequest(`the object provided is unrecognized: ${(error as Error).message}`);
  }
}

export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  contentType = 'application/json',
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const payload = Buffer.from(text, 'utf8');
  res.writeHead(code, {
    'Content-Type': contentType,
    'Content-Length': payload.length,
    'Cache-Control': 'no-cache, private',
  });
  res.end(res.req.method === 'HEAD' ? undefined : payload);
}

export function sendError(res: ServerResponse, error: unknown): void {
  const kubeError =
    error instanceof KubeError
      ? error
      : new KubeError(
          500,
          'InternalError',
          `Internal error occurred: ${(error as Error)?.message ?? String(error)}`,
        );
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, kubeError.code, kubeError.toStatus());
}

/** True when the client asked for a server-side Table (kubectl get). */
export function wantsTable(accept: string | undefined): boolean {
  return !!accept && /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);
}

/** The Table version kubectl asked for first (v1 since 1.15; v1beta1 on older clients). */
export function tableVersion(accept: string): 'v1' | 'v1beta1' {
  const first = accept.split(',').find((p) => p.includes('as=Table')) ?? '';
  return first.includes('v=v1beta1') ? 'v1beta1' : 'v1';
}

export function wantsAggregatedDiscovery(accept: string | undefined): 'v2' | 'v2beta1' | undefined {
  if (!accept) return undefined;
  for (const part of accept.split(',')) {
    if (!part.includes('as=APIGroupDiscoveryList') || !part.includes('g=apidiscovery.k8s.io'))
      continue;
    if (/v=v2beta1/.test(part)) return 'v2beta1';
    if (/v=v2(;|$)/.test(part)) return 'v2';
  }
  return undefined;
}
