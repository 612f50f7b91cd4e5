// client-node 1.4 honours a cluster's `proxy-url` (http, https and socks5, through hpagent and
// socks-proxy-agent) but ignores HTTPS_PROXY / NO_PROXY, which kubectl honours through Go's
// http.ProxyFromEnvironment. This fills that gap with Go's rules, and the result is handed to
// client-node as if it were the cluster's proxy-url, so one mechanism carries both.

/**
 * The proxy kubectl would use for `server` given `env`, or undefined for a direct connection.
 * Go's rules: HTTPS_PROXY for https servers, HTTP_PROXY for http ones (upper case first);
 * NO_PROXY entries are host names (matching the name and its sub-domains; with a leading dot or
 * `*.`, sub-domains only), IPs,
 * CIDRs, optionally with `:port`, or `*` for everything; localhost and loopback are never proxied.
 */
export function proxyFromEnvironment(server: string, env: NodeJS.ProcessEnv): string | undefined {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return undefined;
  }
  const proxy =
    url.protocol === 'https:'
      ? (env.HTTPS_PROXY ?? env.https_proxy)
      : (env.HTTP_PROXY ?? env.http_proxy);
  if (!proxy) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  if (isLoopback(host)) return undefined;
  if (bypassed(host, port, env.NO_PROXY ?? env.no_proxy ?? '')) return undefined;
  // Go accepts a bare host:port and assumes http://.
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}

function bypassed(host: string, port: string, noProxy: string): boolean {
  for (const raw of noProxy.split(',')) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    if (entry.includes('/')) {
      if (inCidr(host, entry)) return true;
      continue;
    }
    const split = splitHostPort(entry);
    entry = split.host;
    const entryPort = split.port;
    if (entryPort && entryPort !== port) continue;
    if (entry.startsWith('*.')) entry = entry.slice(1);
    if (entry.startsWith('.')) {
      if (host.endsWith(entry)) return true; // a leading dot: sub-domains only, as in Go
    } else if (host === entry || host.endsWith(`.${entry}`)) {
      return true;
    }
  }
  return false;
}

function splitHostPort(entry: string): { host: string; port: string | undefined } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { host: bracketed[1] as string, port: bracketed[2] };
  const parts = entry.split(':');
  if (parts.length === 2 && /^\d+$/.test(parts[1] as string))
    return { host: parts[0] as string, port: parts[1] };
  return { host: entry, port: undefined }; // a bare name, IPv4, or IPv6 without brackets
}

function isLoopback(host: string): boolean {
  return (
    host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1'
  );
}

function inCidr(host: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  const a = ipv4(host);
  const b = ipv4(base ?? '');
  if (a === undefined || b === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32)
    return false;
  if (bits === 0) return true;
  const mask = (0xffffffff << (32 - bits)) >>> 0;
  return (a & mask) === (b & mask);
}

function ipv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    const n = Number(part);
    if (!/^\d{1,3}$/.test(part) || n > 255) return undefined;
    value = value * 256 + n;
  }
  return value >>> 0;
}
