// "Can I?" asked of the cluster itself (SelfSubjectAccessReview), so a button is enabled only when
// the API server would accept the request, and disabled with the verb and resource it lacks.
import type { KubeClients } from '../../../sources/kubernetes';

export interface AccessNeed {
  verb: string;
  group: string;
  resource: string;
  namespace: string;
}

export interface AccessAnswer {
  allowed: boolean;
  /** "needs delete on pods in fraud-detection" when refused. */
  reason?: string;
}

export const describeNeed = (need: AccessNeed): string =>
  `${need.verb} on ${need.group ? `${need.resource}.${need.group}` : need.resource} in ${need.namespace}`;

export async function canI(clients: KubeClients, need: AccessNeed): Promise<AccessAnswer> {
  const review = await clients.authorization.createSelfSubjectAccessReview({
    body: {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { ...need } },
    },
  });
  if (review.status?.allowed) return { allowed: true };
  return { allowed: false, reason: `you lack ${describeNeed(need)}` };
}

/** All needs at once; the first refusal is the reason. */
export async function canAll(clients: KubeClients, needs: AccessNeed[]): Promise<AccessAnswer> {
  const answers = await Promise.all(needs.map((n) => canI(clients, n)));
  return answers.find((a) => !a.allowed) ?? { allowed: true };
}

export const argo = (resource: string, verb: string, namespace: string): AccessNeed => ({
  verb,
  group: 'argoproj.io',
  resource,
  namespace,
});

export const batch = (resource: string, verb: string, namespace: string): AccessNeed => ({
  verb,
  group: 'batch',
  resource,
  namespace,
});
