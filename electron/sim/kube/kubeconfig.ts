// Writes a kubeconfig with one context per simulator user (sim-viewer, sim-operator, sim-team),
// each carrying the CA as certificate-authority-data and the user's bearer token.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringify } from 'yaml';
import type { UserRole } from './auth/users';

export interface KubeconfigInput {
  url: string;
  caPem: string;
  tokens: Record<UserRole, string>;
  contextPrefix?: string;
  namespace?: string;
}

export function kubeconfigYaml(input: KubeconfigInput): string {
  const prefix = input.contextPrefix ?? 'sim';
  const roles: UserRole[] = ['viewer', 'operator', 'team'];
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: [
      {
        name: prefix,
        cluster: {
          server: input.url,
          'certificate-authority-data': Buffer.from(input.caPem).toString('base64'),
        },
      },
    ],
    users: roles.map((role) => ({
      name: `${prefix}-${role}`,
      user: { token: input.tokens[role] },
    })),
    contexts: roles.map((role) => ({
      name: `${prefix}-${role}`,
      context: {
        cluster: prefix,
        user: `${prefix}-${role}`,
        ...(role === 'team'
          ? { namespace: 'fraud-detection' }
          : input.namespace
            ? { namespace: input.namespace }
            : {}),
      },
    })),
    'current-context': `${prefix}-viewer`,
  };
  return stringify(config);
}

export async function writeKubeconfigFile(path: string, input: KubeconfigInput): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, kubeconfigYaml(input), { mode: 0o600 });
}
