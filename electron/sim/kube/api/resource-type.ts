// What the simulator knows about one kind of resource: enough for discovery, routing, RBAC,
// field selectors, tables and the status/scale subresources.
import type { KubeObject } from './types';

export interface Subresource {
  name: string; // "log", "status", "scale", "eviction", "proxy"
  kind: string;
  group?: string;
  version?: string;
  verbs: string[];
}

export interface PrinterColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
  jsonPath: string;
}

export interface ResourceType {
  group: string;
  version: string;
  resource: string;
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  subresources: Subresource[];
  /** With a status subresource, writes to the main resource leave status untouched and the reverse. */
  statusSubresource: boolean;
  /** Field selectors beyond metadata.name / metadata.namespace, as the API server registers them. */
  fields?: Record<string, (obj: KubeObject) => string | undefined>;
  /** From a CRD's additionalPrinterColumns. */
  printerColumns?: PrinterColumn[];
  /** Name of the CustomResourceDefinition serving it, if any. */
  crd?: string;
  /** Strategic merge patch is only defined for built-in types. */
  strategicMerge: boolean;
}

export const allVerbs = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

export function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

export function resourceKey(type: { group: string; resource: string }): string {
  return `${type.group}/${type.resource}`;
}
