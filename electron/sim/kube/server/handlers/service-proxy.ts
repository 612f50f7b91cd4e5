// The service proxy, /api/v1/namespaces/NS/services/[SCHEME:]NAME[:PORT]/proxy/PATH: forwarded
// to a loopback target the caller registered for "NS/NAME:PORT", with method, query string and
// body preserved. The console reaches Prometheus and Alertmanager this way.
import { request } from 'node:http';
import { KubeError } from '../../api/status';
import { getPath } from '../../api/types';
import type { ResourceRequest } from './resources';

function candidates(r: ResourceRequest, service: string, port: string): string[] {
  const keys = [`${r.namespace}/${service}:${port}`, `${r.namespace}/${service}`];
  const ports = getPath(r.ctx.store.get(r.type, r.namespace, service)?.obj, 'spec.ports');
  if (Array.isArray(ports)) {
    for (const p of ports as { name?: string; port?: number }[]) {
      if (port === '' || p.name === port || String(p.port) === port) {
        if (p.port !== undefined) keys.push(`${r.namespace}/${service}:${p.port}`);
        if (p.name) keys.push(`${r.namespace}/${service}:${p.name}`);
      }
    }
  }
  return keys;
}

export function handleServiceProxy(r: ResourceRequest): void {
  const raw = r.info.name;
  const parts = raw.split(':');
  const [service, port] =
    parts.length === 3 ? [parts[1] ?? '', parts[2] ?? ''] : [parts[0] ?? '', parts[1] ?? ''];
  r.ctx.store.mustGet(r.type, r.namespace, service);
  const target = candidates(r, service, port)
    .map((k) => r.ctx.proxyTargets.get(k))
    .find((t): t is string => t !== undefined);
  if (!target)
    throw new KubeError(
      503,
      'ServiceUnavailable',
      `no endpoints available for service "${service}"`,
    );

  const base = new URL(target);
  const path = `${base.pathname.replace(/\/$/, '')}/${r.info.rest}${r.url.search}`;
  const headers = { ...r.req.headers };
  delete headers['authorization'];
  delete headers['host'];
  headers['x-forwarded-uri'] = r.url.pathname;
  const upstream = request(
    { hostname: base.hostname, port: base.port, method: r.req.method, path, headers },
    (answer) => {
      r.res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(r.res);
    },
  );
  upstream.on('error', (error) => {
    if (r.res.headersSent) {
      r.res.destroy();
      return;
    }
    const status = new KubeError(
      503,
      'ServiceUnavailable',
      `error trying to reach service: ${error.message}`,
    ).toStatus();
    r.res.writeHead(503, { 'Content-Type': 'application/json' });
    r.res.end(JSON.stringify(status));
  });
  r.req.pipe(upstream);
}
