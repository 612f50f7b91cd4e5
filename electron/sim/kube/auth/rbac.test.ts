import { describe, expect, it } from 'vitest';
import { ResourceRegistry } from '../api/registry';
import { customResourceDefinition } from '../crds/crd';
import { Rbac } from './rbac';
import { createUsers } from './users';

const registry = new ResourceRegistry();
registry.addCrd(
  customResourceDefinition(
    { group: 'argoproj.io', version: 'v1alpha1', kind: 'Workflow', plural: 'workflows' },
    '2024-01-01T00:00:00Z',
  ),
);
const rbac = new Rbac(registry);
const { users, tokens, authenticate } = createUsers({
  tokens: { viewer: 'v', operator: 'o', team: 't' },
});
const can = (
  user: keyof typeof users,
  verb: string,
  group: string,
  resource: string,
  namespace?: string,
  subresource?: string,
) =>
  rbac.authorize(users[user], {
    verb,
    group,
    resource,
    ...(namespace ? { namespace } : {}),
    ...(subresource ? { subresource } : {}),
  }).allowed;

describe('simulator RBAC', () => {
  it('lets the viewer read everything but secrets, including pod logs', () => {
    expect(can('viewer', 'list', '', 'pods')).toBe(true);
    expect(can('viewer', 'watch', 'argoproj.io', 'workflows', 'ml')).toBe(true);
    expect(can('viewer', 'get', '', 'pods', 'ml', 'log')).toBe(true);
    expect(can('viewer', 'get', '', 'secrets', 'ml')).toBe(false);
    expect(can('viewer', 'patch', 'apps', 'deployments', 'ml')).toBe(false);
    expect(can('viewer', 'create', '', 'pods', 'ml', 'eviction')).toBe(false);
  });

  it('lets the operator act on pipelines and serving', () => {
    for (const [group, resource] of [
      ['argoproj.io', 'workflows'],
      ['argoproj.io', 'cronworkflows'],
      ['batch', 'jobs'],
      ['batch', 'cronjobs'],
      ['apps', 'deployments'],
      ['serving.kserve.io', 'inferenceservices'],
    ]) {
      expect(can('operator', 'patch', group!, resource!, 'ml')).toBe(true);
      expect(can('operator', 'delete', group!, resource!, 'ml')).toBe(true);
    }
    expect(can('operator', 'create', '', 'pods', 'ml', 'eviction')).toBe(true);
    expect(can('operator', 'get', '', 'secrets', 'ml')).toBe(false);
    expect(can('operator', 'delete', '', 'nodes')).toBe(false);
  });

  it('confines the team user to its namespaces', () => {
    expect(can('team', 'list', '', 'pods', 'fraud-detection')).toBe(true);
    expect(can('team', 'list', '', 'pods', 'recommendations')).toBe(false);
    expect(can('team', 'list', '', 'pods')).toBe(false);
    expect(can('team', 'list', '', 'nodes')).toBe(false);
    expect(can('team', 'create', 'argoproj.io', 'workflows', 'fraud-detection')).toBe(true);
    expect(can('team', 'create', 'argoproj.io', 'workflows', 'feature-store')).toBe(false);
    const rules = rbac.rulesFor(users.team, 'recommendations');
    expect(rules.resourceRules.map((r) => r.resources)).toEqual([
      ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
    ]);
  });

  it('authenticates bearer tokens only', () => {
    expect(tokens.viewer).toBe('v');
    expect(authenticate('Bearer o')?.name).toBe(users.operator.name);
    expect(authenticate('Bearer nope')).toBeUndefined();
    expect(authenticate('Basic dg==')).toBeUndefined();
    expect(authenticate(undefined)).toBeUndefined();
    expect(rbac.authorizePath(users.team, '/apis/apps/v1', 'get').allowed).toBe(true);
    expect(rbac.authorizePath(users.team, '/metrics', 'get').allowed).toBe(false);
  });
});
