// SelfSubjectAccessReview and SelfSubjectRulesReview, answered from the same RBAC that guards
// every request, so `kubectl auth can-i` and the console's permission checks tell the truth.
import { errors } from '../../api/status';
import { isPlainObject } from '../../api/types';
import type { SimUser } from '../../auth/rbac';
import { readJson, sendJson } from '../http-io';
import type { ResourceRequest } from './resources';

export async function handleAccessReview(r: ResourceRequest, user: SimUser): Promise<void> {
  const body = await readJson(r.req);
  if (!isPlainObject(body) || !isPlainObject(body['spec']))
    throw errors.badRequest('spec is required');
  const spec = body['spec'];
  let decision;
  if (isPlainObject(spec['resourceAttributes'])) {
    const a = spec['resourceAttributes'];
    decision = r.ctx.rbac.authorize(user, {
      verb: String(a['verb'] ?? ''),
      group: String(a['group'] ?? ''),
      resource: String(a['resource'] ?? ''),
      ...(a['subresource'] ? { subresource: String(a['subresource']) } : {}),
      ...(a['namespace'] ? { namespace: String(a['namespace']) } : {}),
      ...(a['name'] ? { name: String(a['name']) } : {}),
    });
  } else if (isPlainObject(spec['nonResourceAttributes'])) {
    const a = spec['nonResourceAttributes'];
    decision = r.ctx.rbac.authorizePath(user, String(a['path'] ?? ''), String(a['verb'] ?? ''));
  } else {
    throw errors.invalid('authorization.k8s.io', 'SelfSubjectAccessReview', '', [
      {
        field: 'spec.resourceAttributes',
        message:
          'Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified',
      },
    ]);
  }
  sendJson(r.res, 201, {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec,
    status: { allowed: decision.allowed, ...(decision.reason ? { reason: decision.reason } : {}) },
  });
}

export async function handleRulesReview(r: ResourceRequest, user: SimUser): Promise<void> {
  const body = await readJson(r.req);
  const spec = isPlainObject(body) && isPlainObject(body['spec']) ? body['spec'] : {};
  const namespace = String(spec['namespace'] ?? '');
  const rules = r.ctx.rbac.rulesFor(user, namespace);
  sendJson(r.res, 201, {
    kind: 'SelfSubjectRulesReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: { namespace },
    status: {
      resourceRules: rules.resourceRules.map((rule) => ({
        verbs: rule.verbs,
        apiGroups: rule.apiGroups ?? [],
        resources: rule.resources ?? [],
        ...(rule.resourceNames ? { resourceNames: rule.resourceNames } : {}),
      })),
      nonResourceRules: rules.nonResourceRules.map((rule) => ({
        verbs: rule.verbs,
        nonResourceURLs: rule.nonResourceURLs ?? [],
      })),
      incomplete: false,
    },
  });
}
