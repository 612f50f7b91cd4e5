// Server-side printing (meta.k8s.io Table), which `kubectl get` asks for in its Accept header.
// Built-ins use their printer columns; CRDs use additionalPrinterColumns, else Name and Age.
import { resourceKey, type ResourceType } from '../api/resource-type';
import type { KubeObject } from '../api/types';
import type { Entry } from '../store/object-store';
import { ageOf } from './age';
import { builtinTables, defaultTable, type ColumnDef, type TableSpec } from './builtin-columns';
import { evaluateJsonPath } from './jsonpath';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

function crdTable(type: ResourceType): TableSpec | undefined {
  if (!type.printerColumns) return undefined;
  const columns: ColumnDef[] = [
    { name: 'Name', type: 'string', format: 'name', description: 'Name', priority: 0 },
    ...type.printerColumns.map((c) => ({
      name: c.name,
      type: c.type,
      format: c.format ?? '',
      description: c.description ?? c.name,
      priority: c.priority ?? 0,
    })),
  ];
  return {
    columns,
    cells: (obj: KubeObject, now: number) => [
      obj.metadata.name,
      ...(type.printerColumns ?? []).map((c) => {
        const values = evaluateJsonPath(obj, c.jsonPath);
        if (values.length === 0) return null;
        if (c.type === 'date') return ageOf(values[0], now);
        if (values.length === 1)
          return typeof values[0] === 'object' ? JSON.stringify(values[0]) : values[0];
        return values.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(',');
      }),
    ],
  };
}

export function tableSpecFor(type: ResourceType): TableSpec {
  return builtinTables[resourceKey(type)] ?? crdTable(type) ?? defaultTable;
}

function rowJson(spec: TableSpec, entry: Entry, now: number, include: IncludeObject): string {
  const cells = JSON.stringify(spec.cells(entry.obj, now));
  if (include === 'None') return `{"cells":${cells}}`;
  if (include === 'Object') return `{"cells":${cells},"object":${entry.json}}`;
  const metadata = { ...entry.obj.metadata };
  delete metadata['managedFields'];
  return `{"cells":${cells},"object":${JSON.stringify({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata })}}`;
}

export function renderTable(
  type: ResourceType,
  entries: Entry[],
  opts: {
    now: number;
    version: 'v1' | 'v1beta1';
    include: IncludeObject;
    resourceVersion?: number;
    continueToken?: string;
    remainingItemCount?: number;
  },
): string {
  const spec = tableSpecFor(type);
  const metadata: Record<string, unknown> = {};
  if (opts.resourceVersion !== undefined)
    metadata['resourceVersion'] = String(opts.resourceVersion);
  if (opts.continueToken) metadata['continue'] = opts.continueToken;
  if (opts.remainingItemCount !== undefined)
    metadata['remainingItemCount'] = opts.remainingItemCount;
  const rows = entries.map((e) => rowJson(spec, e, opts.now, opts.include)).join(',');
  return `{"kind":"Table","apiVersion":"meta.k8s.io/${opts.version}","metadata":${JSON.stringify(metadata)},"columnDefinitions":${JSON.stringify(spec.columns)},"rows":[${rows}]}`;
}
