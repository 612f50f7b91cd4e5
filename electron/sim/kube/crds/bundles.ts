// The CRD bundles a scenario can install. Shapes follow argoproj/argo-workflows
// manifests/base/crds and kserve/kserve config/crd (names, short names, scope, printer columns).
import type { KubeObject } from '../api/types';
import { customResourceDefinition, type CrdSpec } from './crd';

const argoLabels = { 'app.kubernetes.io/part-of': 'argo-workflows' };
const kserveLabels = { 'app.kubernetes.io/name': 'kserve' };

export const crdBundles: Record<string, CrdSpec[]> = {
  'argo-workflows': [
    {
      group: 'argoproj.io',
      version: 'v1alpha1',
      kind: 'Workflow',
      plural: 'workflows',
      shortNames: ['wf'],
      labels: argoLabels,
      columns: [
        {
          name: 'Status',
          type: 'string',
          jsonPath: '.status.phase',
          description: 'Status of the workflow',
        },
        {
          name: 'Age',
          type: 'date',
          jsonPath: '.status.startedAt',
          format: 'date-time',
          description: 'When the workflow was started',
        },
        {
          name: 'Message',
          type: 'string',
          jsonPath: '.status.message',
          priority: 1,
          description:
            'Human readable message indicating details about why the workflow is in this condition.',
        },
      ],
    },
    {
      group: 'argoproj.io',
      version: 'v1alpha1',
      kind: 'CronWorkflow',
      plural: 'cronworkflows',
      shortNames: ['cwf', 'cronwf'],
      labels: argoLabels,
    },
    {
      group: 'argoproj.io',
      version: 'v1alpha1',
      kind: 'WorkflowTemplate',
      plural: 'workflowtemplates',
      shortNames: ['wftmpl'],
      labels: argoLabels,
    },
    {
      group: 'argoproj.io',
      version: 'v1alpha1',
      kind: 'ClusterWorkflowTemplate',
      plural: 'clusterworkflowtemplates',
      shortNames: ['clusterwftmpl', 'cwft'],
      scope: 'Cluster',
      labels: argoLabels,
    },
  ],
  kserve: [
    {
      group: 'serving.kserve.io',
      version: 'v1beta1',
      kind: 'InferenceService',
      plural: 'inferenceservices',
      shortNames: ['isvc'],
      status: true,
      labels: kserveLabels,
      columns: [
        { name: 'URL', type: 'string', jsonPath: '.status.url' },
        {
          name: 'Ready',
          type: 'string',
          jsonPath: ".status.conditions[?(@.type=='Ready')].status",
        },
        {
          name: 'Prev',
          type: 'integer',
          jsonPath: ".status.components.predictor.traffic[?(@.tag=='prev')].percent",
        },
        {
          name: 'Latest',
          type: 'integer',
          jsonPath: '.status.components.predictor.traffic[?(@.latestRevision==true)].percent',
        },
        {
          name: 'PrevRolledoutRevision',
          type: 'string',
          jsonPath: ".status.components.predictor.traffic[?(@.tag=='prev')].revisionName",
          priority: 0,
        },
        {
          name: 'LatestReadyRevision',
          type: 'string',
          jsonPath: '.status.components.predictor.traffic[?(@.latestRevision==true)].revisionName',
        },
        { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
      ],
    },
    {
      group: 'serving.kserve.io',
      version: 'v1alpha1',
      kind: 'ServingRuntime',
      plural: 'servingruntimes',
      labels: kserveLabels,
      columns: [
        { name: 'Disabled', type: 'boolean', jsonPath: '.spec.disabled' },
        { name: 'ModelType', type: 'string', jsonPath: '.spec.supportedModelFormats[*].name' },
        { name: 'Containers', type: 'string', jsonPath: '.spec.containers[*].name' },
        { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
      ],
    },
    {
      group: 'serving.kserve.io',
      version: 'v1alpha1',
      kind: 'ClusterServingRuntime',
      plural: 'clusterservingruntimes',
      scope: 'Cluster',
      labels: kserveLabels,
    },
  ],
};

export function bundleCrds(bundle: string, createdAt: string): KubeObject[] {
  const specs = crdBundles[bundle];
  if (!specs)
    throw new Error(
      `unknown CRD bundle "${bundle}" (known: ${Object.keys(crdBundles).join(', ')})`,
    );
  return specs.map((s) => customResourceDefinition(s, createdAt));
}
