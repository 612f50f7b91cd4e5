// "Test connection" for one context: GET /version says the server is there and which release it
// runs; a SelfSubjectAccessReview then proves the credentials are accepted (/version is often
// open to anyone, so it alone would call a wrong token "ok"). Whether the user may list
// namespaces is said in the message, not made a failure: plenty of good credentials are scoped
// to a few namespaces.
import type { ConnectionTestResult } from '../../../../shared/model/connection';
import { runConnectionTest } from '../connection-test';
import type { KubeClientFactory } from './clients';

export async function testKubernetesContext(
  kubeconfigSource: KubeClientFactory,
  contextName: string,
): Promise<ConnectionTestResult> {
  return runConnectionTest(kubeconfigSource.source, async () => {
    const { version, authorization } = kubeconfigSource.client(contextName);
    const info = await version.getCode();
    const serverVersion = `Kubernetes ${info.gitVersion}`;
    const review = await authorization.createSelfSubjectAccessReview({
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: { verb: 'list', resource: 'namespaces' } },
      },
    });
    const allowed = review.status?.allowed === true;
    const reason = review.status?.reason ? ` (${review.status.reason})` : '';
    return {
      serverVersion,
      message: allowed
        ? `Connected to ${serverVersion}`
        : `Connected to ${serverVersion}, but this user cannot list namespaces${reason}; only namespaces it is granted will show`,
    };
  });
}
