// The simulator's three users, each with a bearer token: a read-only viewer, an operator who can
// act on pipelines and serving, and a team member who can only read their team's namespaces.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { SimUser } from './rbac';

export type UserRole = 'viewer' | 'operator' | 'team';

export interface UserDirectory {
  tokens: Record<UserRole, string>;
  users: Record<UserRole, SimUser>;
  authenticate(authorization: string | undefined): SimUser | undefined;
}

const basic = {
  kind: 'ClusterRoleBinding',
  name: 'system:basic-user',
  role: 'system:basic-user',
} as const;

export function createUsers(
  opts: {
    tokens?: Partial<Record<UserRole, string>>;
    teamNamespaces?: string[];
    teamWorkflowNamespace?: string;
  } = {},
): UserDirectory {
  const token = (role: UserRole): string =>
    opts.tokens?.[role] ?? `sim-${role}-${randomBytes(16).toString('hex')}`;
  const tokens: Record<UserRole, string> = {
    viewer: token('viewer'),
    operator: token('operator'),
    team: token('team'),
  };
  const teamNamespaces = opts.teamNamespaces ?? ['fraud-detection', 'feature-store'];
  const workflowNamespace = opts.teamWorkflowNamespace ?? teamNamespaces[0];
  const users: Record<UserRole, SimUser> = {
    viewer: {
      name: 'viewer@ml-platform.example',
      groups: ['ml-viewers', 'system:authenticated'],
      bindings: [basic, { kind: 'ClusterRoleBinding', name: 'ml-viewers', role: 'viewer' }],
    },
    operator: {
      name: 'operator@ml-platform.example',
      groups: ['ml-operators', 'system:authenticated'],
      bindings: [
        basic,
        { kind: 'ClusterRoleBinding', name: 'ml-viewers', role: 'viewer' },
        { kind: 'ClusterRoleBinding', name: 'ml-operators', role: 'operator' },
      ],
    },
    team: {
      name: 'data-scientist@fraud-detection.example',
      groups: ['team-fraud-detection', 'system:authenticated'],
      bindings: [
        basic,
        ...teamNamespaces.map((namespace) => ({
          kind: 'RoleBinding' as const,
          name: 'team-readers',
          namespace,
          role: 'namespace-reader',
        })),
        ...(workflowNamespace
          ? [
              {
                kind: 'RoleBinding' as const,
                name: 'team-workflows',
                namespace: workflowNamespace,
                role: 'workflow-runner',
              },
            ]
          : []),
      ],
    },
  };
  const entries = Object.entries(tokens) as [UserRole, string][];
  return {
    tokens,
    users,
    authenticate(authorization) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
      if (!match?.[1]) return undefined;
      const given = Buffer.from(match[1]);
      for (const [role, expected] of entries) {
        const want = Buffer.from(expected);
        if (want.length === given.length && timingSafeEqual(want, given)) return users[role];
      }
      return undefined;
    },
  };
}
