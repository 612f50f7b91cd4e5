// RBAC the way the API server's authorizer evaluates it: users are bound to roles, cluster-wide
// (ClusterRoleBinding) or in one namespace (RoleBinding); a request is allowed when any bound rule
// covers its verb, API group, resource (with subresource, e.g. "pods/log") and name.
import type { ResourceRegistry } from '../api/registry';
import { virtualResources } from '../api/builtin-resources';

export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface RoleBinding {
  /** "ClusterRoleBinding" applies everywhere; "RoleBinding" only inside `namespace`. */
  kind: 'ClusterRoleBinding' | 'RoleBinding';
  name: string;
  namespace?: string;
  role: string;
}

export interface SimUser {
  name: string;
  groups: string[];
  bindings: RoleBinding[];
}

export interface ResourceAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface Decision {
  allowed: boolean;
  reason: string;
}

const readVerbs = ['get', 'list', 'watch'];
const writeVerbs = ['create', 'patch', 'update', 'delete'];

/** Resources the viewer may not read, like the built-in "view" ClusterRole. */
const hiddenFromViewers = new Set(['/secrets']);

export class Rbac {
  constructor(private readonly registry: ResourceRegistry) {}

  /** Role rules, resolved against the resources currently served (CRDs come and go). */
  rules(role: string): PolicyRule[] {
    switch (role) {
      case 'system:basic-user':
        return [
          {
            verbs: ['create'],
            apiGroups: ['authorization.k8s.io'],
            resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
          },
          {
            verbs: ['get'],
            nonResourceURLs: [
              '/api',
              '/api/*',
              '/apis',
              '/apis/*',
              '/version',
              '/version/',
              '/healthz',
              '/livez',
              '/readyz',
              '/openapi',
              '/openapi/*',
            ],
          },
        ];
      case 'viewer':
        return this.readRules(false);
      case 'namespace-reader':
        return this.readRules(true);
      case 'operator':
        return [
          {
            verbs: writeVerbs,
            apiGroups: ['argoproj.io'],
            resources: ['workflows', 'cronworkflows'],
          },
          { verbs: writeVerbs, apiGroups: ['batch'], resources: ['jobs', 'cronjobs'] },
          {
            verbs: writeVerbs,
            apiGroups: ['apps'],
            resources: ['deployments', 'deployments/scale'],
          },
          { verbs: writeVerbs, apiGroups: ['serving.kserve.io'], resources: ['inferenceservices'] },
          { verbs: ['create'], apiGroups: [''], resources: ['pods/eviction'] },
          { verbs: ['delete'], apiGroups: [''], resources: ['pods'] },
        ];
      case 'workflow-runner':
        return [{ verbs: writeVerbs, apiGroups: ['argoproj.io'], resources: ['workflows'] }];
      default:
        return [];
    }
  }

  private readRules(namespacedOnly: boolean): PolicyRule[] {
    const byGroup = new Map<string, string[]>();
    for (const type of this.registry.all()) {
      const key = `${type.group}/${type.resource}`;
      if (hiddenFromViewers.has(key) || virtualResources.has(key)) continue;
      if (namespacedOnly && !type.namespaced) continue;
      const list = byGroup.get(type.group) ?? [];
      list.push(type.resource);
      for (const sub of type.subresources)
        if (sub.name === 'status' || sub.name === 'scale')
          list.push(`${type.resource}/${sub.name}`);
      byGroup.set(type.group, list);
    }
    const rules: PolicyRule[] = [...byGroup].map(([group, resources]) => ({
      verbs: readVerbs,
      apiGroups: [group],
      resources: resources.sort(),
    }));
    rules.push({ verbs: ['get'], apiGroups: [''], resources: ['pods/log'] });
    // The console reaches Prometheus and Alertmanager through the service proxy; a PromQL POST is a read.
    rules.push({ verbs: ['get', 'create'], apiGroups: [''], resources: ['services/proxy'] });
    return rules;
  }

  private matchRule(rule: PolicyRule, attrs: ResourceAttributes): boolean {
    if (!rule.resources || !rule.apiGroups) return false;
    if (!rule.verbs.includes('*') && !rule.verbs.includes(attrs.verb)) return false;
    if (!rule.apiGroups.includes('*') && !rule.apiGroups.includes(attrs.group)) return false;
    const full = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
    const resourceOk = rule.resources.some(
      (r) =>
        r === '*' ||
        r === full ||
        (attrs.subresource && (r === `*/${attrs.subresource}` || r === `${attrs.resource}/*`)),
    );
    if (!resourceOk) return false;
    if (rule.resourceNames?.length && (!attrs.name || !rule.resourceNames.includes(attrs.name)))
      return false;
    return true;
  }

  authorize(user: SimUser, attrs: ResourceAttributes): Decision {
    for (const binding of user.bindings) {
      if (
        binding.kind === 'RoleBinding' &&
        (!attrs.namespace || attrs.namespace !== binding.namespace)
      )
        continue;
      for (const rule of this.rules(binding.role)) {
        if (this.matchRule(rule, attrs)) {
          const where =
            binding.kind === 'RoleBinding'
              ? `RoleBinding "${binding.name}/${binding.namespace}"`
              : `ClusterRoleBinding "${binding.name}"`;
          return {
            allowed: true,
            reason: `RBAC: allowed by ${where} of ClusterRole "${binding.role}" to User "${user.name}"`,
          };
        }
      }
    }
    return { allowed: false, reason: '' };
  }

  authorizePath(user: SimUser, path: string, verb: string): Decision {
    for (const binding of user.bindings) {
      if (binding.kind !== 'ClusterRoleBinding') continue;
      for (const rule of this.rules(binding.role)) {
        if (!rule.nonResourceURLs || !(rule.verbs.includes(verb) || rule.verbs.includes('*')))
          continue;
        const ok = rule.nonResourceURLs.some(
          (u) => u === path || (u.endsWith('*') && path.startsWith(u.slice(0, -1))),
        );
        if (ok)
          return {
            allowed: true,
            reason: `RBAC: allowed by ClusterRoleBinding "${binding.name}" of ClusterRole "${binding.role}" to User "${user.name}"`,
          };
      }
    }
    return { allowed: false, reason: '' };
  }

  /** What SelfSubjectRulesReview reports for one namespace. */
  rulesFor(
    user: SimUser,
    namespace: string,
  ): { resourceRules: PolicyRule[]; nonResourceRules: PolicyRule[] } {
    const resourceRules: PolicyRule[] = [];
    const nonResourceRules: PolicyRule[] = [];
    for (const binding of user.bindings) {
      if (binding.kind === 'RoleBinding' && binding.namespace !== namespace) continue;
      for (const rule of this.rules(binding.role)) {
        if (rule.nonResourceURLs)
          nonResourceRules.push({ verbs: rule.verbs, nonResourceURLs: rule.nonResourceURLs });
        else resourceRules.push(rule);
      }
    }
    return { resourceRules, nonResourceRules };
  }
}
