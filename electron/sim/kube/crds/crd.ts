// Builds apiextensions.k8s.io/v1 CustomResourceDefinition objects for the bundles the simulator
// can install (Argo Workflows, KServe). Schemas preserve unknown fields, as the upstream
// "minimal" CRD manifests effectively do.
import type { KubeObject } from '../api/types';

export interface CrdSpec {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular?: string;
  shortNames?: string[];
  categories?: string[];
  scope?: 'Namespaced' | 'Cluster';
  status?: boolean;
  columns?: {
    name: string;
    type: string;
    jsonPath: string;
    format?: string;
    priority?: number;
    description?: string;
  }[];
  labels?: Record<string, string>;
}

export function customResourceDefinition(spec: CrdSpec, createdAt: string): KubeObject {
  const singular = spec.singular ?? spec.kind.toLowerCase();
  const names = {
    kind: spec.kind,
    listKind: `${spec.kind}List`,
    plural: spec.plural,
    singular,
    ...(spec.shortNames ? { shortNames: spec.shortNames } : {}),
    ...(spec.categories ? { categories: spec.categories } : {}),
  };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: `${spec.plural}.${spec.group}`,
      creationTimestamp: createdAt,
      ...(spec.labels ? { labels: spec.labels } : {}),
    },
    spec: {
      group: spec.group,
      names,
      scope: spec.scope ?? 'Namespaced',
      versions: [
        {
          name: spec.version,
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          },
          ...(spec.status ? { subresources: { status: {} } } : {}),
          ...(spec.columns ? { additionalPrinterColumns: spec.columns } : {}),
        },
      ],
    },
    status: {
      acceptedNames: names,
      storedVersions: [spec.version],
      conditions: [
        {
          type: 'NamesAccepted',
          status: 'True',
          reason: 'NoConflicts',
          message: 'no conflicts found',
          lastTransitionTime: createdAt,
        },
        {
          type: 'Established',
          status: 'True',
          reason: 'InitialNamesAccepted',
          message: 'the initial names have been accepted',
          lastTransitionTime: createdAt,
        },
      ],
    },
  };
}
