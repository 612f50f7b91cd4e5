// A loopback HTTP proxy in front of a real service (MLflow over HTTP, the kube simulator over
// HTTPS) that injects faults on chosen requests: an HTTP status with a body, or a dropped
// connection ("down"). Everything else passes through unchanged, so the console's real clients
// meet real answers except where a test says otherwise.
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface FaultRule {
  method: string;
  path: RegExp;
  /** Only requests whose body contains this text. */
  bodyIncludes?: string;
  /** How many matching requests fail; default every one. */
  times?: number;
  respond: { status: number; body: string; contentType?: string } | 'down';
}

export interface FaultProxy {
  url: string;
  rules: FaultRule[];
  /** Requests that were failed, as "METHOD path". */
  hits: string[];
  stop(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const rules: FaultRule[] = [];
  const hits: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const path = req.url ?? '/';
      const rule = rules.find(
        (r) =>
          r.method === req.method &&
          r.path.test(path) &&
          (r.bodyIncludes === undefined || body.toString('utf8').includes(r.bodyIncludes)) &&
          (r.times === undefined || r.times > 0),
      );
      if (rule) {
        if (rule.times !== undefined) rule.times -= 1;
        hits.push(`${req.method} ${path}`);
        if (rule.respond === 'down') {
          req.socket.destroy();
          return;
        }
        res.writeHead(rule.respond.status, {
          'Content-Type': rule.respond.contentType ?? 'application/json',
        });
        res.end(rule.respond.body);
        return;
      }
      const send = upstream.protocol === 'https:' ? httpsRequest : httpRequest;
      const headers = { ...req.headers, host: upstream.host };
      const out = send(
        {
          hostname: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path,
          headers,
          rejectUnauthorized: false,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.on('error', () => res.destroy());
      out.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    rules,
    hits,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
