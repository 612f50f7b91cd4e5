// Splits a request path the way the API server's RequestInfoFactory does:
// /api/v1/namespaces/NS/pods/NAME/log  ->  verb get, group "", resource pods, subresource log.
export interface RequestInfo {
  isResource: boolean;
  path: string;
  verb: string;
  prefix: 'api' | 'apis' | '';
  group: string;
  version: string;
  namespace: string;
  resource: string;
  name: string;
  subresource: string;
  /** What follows a proxy subresource, e.g. "api/v1/query" (no leading slash). */
  rest: string;
  /** Parts after the group/version, for discovery requests with fewer segments. */
  parts: string[];
}

const namespaceSubresources = new Set(['status', 'finalize']);

function verbFor(method: string, hasName: boolean, watch: boolean): string {
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (watch) return 'watch';
      return hasName ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return hasName ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}

export function parseRequestInfo(method: string, url: URL): RequestInfo {
  const path = url.pathname;
  const raw = path.replace(/^\/+/, '').split('/');
  const info: RequestInfo = {
    isResource: false,
    path,
    verb: method.toLowerCase(),
    prefix: '',
    group: '',
    version: '',
    namespace: '',
    resource: '',
    name: '',
    subresource: '',
    rest: '',
    parts: [],
  };
  const first = raw[0];
  if (first !== 'api' && first !== 'apis') return info;
  info.prefix = first;
  let i = 1;
  if (first === 'apis') {
    info.group = raw[i++] ?? '';
  }
  info.version = raw[i++] ?? '';
  const tail = raw.slice(i);
  // A trailing slash is insignificant except inside a proxied path.
  let parts = tail.length > 0 && tail[tail.length - 1] === '' ? tail.slice(0, -1) : tail;
  info.parts = parts;
  if (!info.version || parts.length === 0) return info;
  info.isResource = true;

  let watchPath = false;
  let offset = 0;
  if (parts[0] === 'watch') {
    watchPath = true;
    parts = parts.slice(1);
    offset += 1;
  }
  if (
    parts[0] === 'namespaces' &&
    parts.length >= 3 &&
    !namespaceSubresources.has(parts[2] ?? '')
  ) {
    info.namespace = decodeURIComponent(parts[1] ?? '');
    parts = parts.slice(2);
    offset += 2;
  } else if (parts[0] === 'namespaces' && parts.length >= 2) {
    // /namespaces/NAME and /namespaces/NAME/status: the namespace object itself.
    info.namespace = decodeURIComponent(parts[1] ?? '');
  }
  info.resource = parts[0] ?? '';
  info.name = parts[1] !== undefined ? decodeURIComponent(parts[1]) : '';
  info.subresource = parts[2] ?? '';
  info.rest = parts.slice(3).join('/');
  if (info.subresource === 'proxy') {
    info.rest = tail.slice(offset + 3).join('/');
  }
  const watch = watchPath || ['1', 'true'].includes(url.searchParams.get('watch') ?? '');
  if (info.subresource === 'proxy') {
    info.verb =
      (
        {
          GET: 'get',
          HEAD: 'get',
          POST: 'create',
          PUT: 'update',
          PATCH: 'patch',
          DELETE: 'delete',
        } as Record<string, string>
      )[method] ?? method.toLowerCase();
  } else if (info.subresource === 'log') info.verb = 'get';
  else info.verb = verbFor(method, info.name !== '', watch);
  return info;
}
