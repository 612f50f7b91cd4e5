import { describe, expect, it } from 'vitest';
import { proxyFromEnvironment } from './env-proxy';

describe('proxyFromEnvironment (Go http.ProxyFromEnvironment rules)', () => {
  const env = { HTTPS_PROXY: 'http://proxy.corp:3128', HTTP_PROXY: 'http://plain.corp:8080' };

  it('uses HTTPS_PROXY for https servers and HTTP_PROXY for http ones', () => {
    expect(proxyFromEnvironment('https://api.cluster.example:6443', env)).toBe(
      'http://proxy.corp:3128',
    );
    expect(proxyFromEnvironment('http://api.cluster.example:8080', env)).toBe(
      'http://plain.corp:8080',
    );
    expect(proxyFromEnvironment('https://api.cluster.example', {})).toBeUndefined();
  });

  it('accepts lower-case variables and a bare host:port', () => {
    expect(proxyFromEnvironment('https://k8s.example', { https_proxy: 'proxy:3128' })).toBe(
      'http://proxy:3128',
    );
  });

  it('never proxies loopback', () => {
    for (const server of [
      'https://localhost:6443',
      'https://127.0.0.1:6443',
      'https://[::1]:6443',
    ]) {
      expect(proxyFromEnvironment(server, env)).toBeUndefined();
    }
  });

  it('honours NO_PROXY names, sub-domains, leading dots, ports, CIDRs and *', () => {
    const at = (server: string, noProxy: string) =>
      proxyFromEnvironment(server, { ...env, NO_PROXY: noProxy });
    expect(at('https://k8s.example.com', 'example.com')).toBeUndefined();
    expect(at('https://example.com', 'example.com')).toBeUndefined();
    expect(at('https://notexample.com', 'example.com')).toBe(env.HTTPS_PROXY);
    expect(at('https://example.com', '.example.com')).toBe(env.HTTPS_PROXY);
    expect(at('https://a.example.com', '*.example.com')).toBeUndefined();
    expect(at('https://k8s.example.com:6443', 'k8s.example.com:6443')).toBeUndefined();
    expect(at('https://k8s.example.com:6443', 'k8s.example.com:443')).toBe(env.HTTPS_PROXY);
    expect(at('https://10.1.2.3:6443', '10.0.0.0/8')).toBeUndefined();
    expect(at('https://11.1.2.3:6443', '10.0.0.0/8')).toBe(env.HTTPS_PROXY);
    expect(at('https://anything', ' foo , * ')).toBeUndefined();
  });
});
