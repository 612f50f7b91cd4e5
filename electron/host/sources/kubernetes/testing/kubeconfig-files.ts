// Writing kubeconfig fixtures into a temporary folder.
import { mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

export interface KubeconfigSpec {
  clusters?: {
    name: string;
    server: string;
    caPem?: string;
    insecure?: boolean;
    proxyUrl?: string;
    extra?: object;
  }[];
  users?: {
    name: string;
    token?: string;
    exec?: object;
    certPem?: string;
    keyPem?: string;
    extra?: object;
  }[];
  contexts?: { name: string; cluster: string; user?: string; namespace?: string }[];
  current?: string;
}

export function kubeconfigYaml(spec: KubeconfigSpec): string {
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: (spec.clusters ?? []).map((c) => ({
      name: c.name,
      cluster: {
        server: c.server,
        ...(c.caPem ? { 'certificate-authority-data': b64(c.caPem) } : {}),
        ...(c.insecure ? { 'insecure-skip-tls-verify': true } : {}),
        ...(c.proxyUrl ? { 'proxy-url': c.proxyUrl } : {}),
        ...(c.extra ?? {}),
      },
    })),
    users: (spec.users ?? []).map((u) => ({
      name: u.name,
      user: {
        ...(u.token ? { token: u.token } : {}),
        ...(u.exec ? { exec: u.exec } : {}),
        ...(u.certPem ? { 'client-certificate-data': b64(u.certPem) } : {}),
        ...(u.keyPem ? { 'client-key-data': b64(u.keyPem) } : {}),
        ...(u.extra ?? {}),
      },
    })),
    contexts: (spec.contexts ?? []).map((c) => ({
      name: c.name,
      context: {
        cluster: c.cluster,
        ...(c.user ? { user: c.user } : {}),
        ...(c.namespace ? { namespace: c.namespace } : {}),
      },
    })),
    ...(spec.current ? { 'current-context': spec.current } : {}),
  });
}

export interface TempDir {
  dir: string;
  /** Writes a file (text, or a kubeconfig spec) and returns its path. */
  write(name: string, content: string | KubeconfigSpec, mode?: number): string;
  remove(): void;
}

export function tempDir(prefix = 'kube-source-'): TempDir {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    dir,
    write(name, content, mode) {
      const file = path.join(dir, name);
      writeFileSync(file, typeof content === 'string' ? content : kubeconfigYaml(content));
      if (mode !== undefined) chmodSync(file, mode);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
