// The objects an action creates, made the way the upstream tools make them, each under a name
// derived from the caller's idempotency key so that repeating the call finds, not duplicates, it:
// - resubmit: Argo's FormulateResubmitWorkflow (spec copied, controller labels dropped, labelled
//   workflows.argoproj.io/resubmitted-from-workflow, owner references kept);
// - a CronWorkflow now: Argo's ConvertCronWorkflowToWorkflow (`argo submit --from cronwf/NAME`):
//   its workflowSpec and workflowMetadata, the cron-workflow label, the CronWorkflow as owner;
// - a CronJob now: `kubectl create job --from=cronjob/NAME`: its jobTemplate, the annotation
//   cronjob.kubernetes.io/instantiate=manual, the CronJob as controlling owner.
import { createHash } from 'node:crypto';
import type { KubeObjectLike } from '../normalize';

export const idempotencyAnnotation = 'mlops-console.io/idempotency-key';
export const resubmittedFromLabel = 'workflows.argoproj.io/resubmitted-from-workflow';
export const cronWorkflowLabel = 'workflows.argoproj.io/cron-workflow';

type Meta = {
  name?: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: unknown[];
};
export interface NewObject {
  apiVersion: string;
  kind: string;
  metadata: Meta & { name: string; namespace: string };
  spec: unknown;
}

/** NAME-TAG-xxxxx, at most 52 characters (a CronJob's Job must leave room for pod suffixes). */
export function derivedName(base: string, tag: string, key: string): string {
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 5);
  const head = base.slice(0, 52 - tag.length - 7).replace(/[-.]+$/, '');
  return `${head}-${tag}-${hash}`;
}

const metaOf = (obj: KubeObjectLike): Meta => (obj.metadata ?? {}) as Meta;

const ignoredLabels = new Set([
  'workflows.argoproj.io/creator',
  'workflows.argoproj.io/creator-email',
  'workflows.argoproj.io/creator-preferred-username',
  'workflows.argoproj.io/phase',
  'workflows.argoproj.io/completed',
  'workflows.argoproj.io/workflow-archiving-status',
]);

export function resubmission(workflow: KubeObjectLike, key: string): NewObject {
  const meta = metaOf(workflow);
  const name = meta.name ?? '';
  const labels = Object.fromEntries(
    Object.entries(meta.labels ?? {}).filter(([k]) => !ignoredLabels.has(k)),
  );
  const annotations = Object.fromEntries(
    Object.entries(meta.annotations ?? {}).filter(([k]) => !k.startsWith('mlops-console.io/')),
  );
  const spec = structuredClone((workflow.spec ?? {}) as Record<string, unknown>);
  delete spec['shutdown'];
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      name: derivedName(name, 'resubmit', key),
      namespace: meta.namespace ?? '',
      labels: { ...labels, [resubmittedFromLabel]: name },
      annotations: { ...annotations, [idempotencyAnnotation]: key },
      ...(meta.ownerReferences?.length ? { ownerReferences: meta.ownerReferences } : {}),
    },
    spec,
  };
}

export function cronWorkflowRun(cron: KubeObjectLike, key: string, now: Date): NewObject {
  const meta = metaOf(cron);
  const spec = (cron.spec ?? {}) as {
    workflowSpec?: unknown;
    workflowMetadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  };
  const name = meta.name ?? '';
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      name: derivedName(name, 'manual', key),
      namespace: meta.namespace ?? '',
      labels: { ...(spec.workflowMetadata?.labels ?? {}), [cronWorkflowLabel]: name },
      annotations: {
        ...(spec.workflowMetadata?.annotations ?? {}),
        'workflows.argoproj.io/scheduled-time': now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        [idempotencyAnnotation]: key,
      },
      ownerReferences: [
        {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'CronWorkflow',
          name,
          uid: meta.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: structuredClone(spec.workflowSpec ?? {}),
  };
}

export function cronJobRun(cron: KubeObjectLike, key: string): NewObject {
  const meta = metaOf(cron);
  const template = ((cron.spec ?? {}) as { jobTemplate?: { metadata?: Meta; spec?: unknown } })
    .jobTemplate;
  const name = meta.name ?? '';
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: derivedName(name, 'manual', key),
      namespace: meta.namespace ?? '',
      labels: { ...(template?.metadata?.labels ?? {}) },
      annotations: {
        'cronjob.kubernetes.io/instantiate': 'manual',
        ...(template?.metadata?.annotations ?? {}),
        [idempotencyAnnotation]: key,
      },
      ownerReferences: [
        { apiVersion: 'batch/v1', kind: 'CronJob', name, uid: meta.uid ?? '', controller: true },
      ],
    },
    spec: structuredClone(template?.spec ?? {}),
  };
}

export const keyOf = (obj: KubeObjectLike): string | undefined =>
  metaOf(obj).annotations?.[idempotencyAnnotation];
