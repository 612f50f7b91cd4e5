// Columns of `kubectl get` for the built-in kinds, as the API server's printers define them.
import { getPath, isPlainObject, type KubeObject } from '../api/types';
import { ageOf } from './age';
import { podReady, podRestarts, podStatusReason } from './pod-status';

export interface ColumnDef {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface TableSpec {
  columns: ColumnDef[];
  cells: (obj: KubeObject, now: number) => unknown[];
}

function col(name: string, priority = 0, type = 'string', format = ''): ColumnDef {
  return { name, type, format, description: name, priority };
}

const nameCol = col('Name', 0, 'string', 'name');
const ageCol = col('Age');

function n(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}
function s(value: unknown, fallback = '<none>'): string {
  return value === undefined || value === null || value === '' ? fallback : String(value);
}
function age(o: KubeObject, now: number): string {
  return ageOf(o.metadata.creationTimestamp, now);
}
function containers(o: KubeObject, path: string): { name: string; image: string }[] {
  const list = getPath(o, path);
  return Array.isArray(list) ? (list as { name: string; image: string }[]) : [];
}
function selectorText(o: KubeObject): string {
  const labels = getPath(o, 'spec.selector.matchLabels');
  return isPlainObject(labels)
    ? Object.entries(labels)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(',')
    : '<none>';
}

export const builtinTables: Record<string, TableSpec> = {
  '/pods': {
    columns: [
      nameCol,
      col('Ready'),
      col('Status'),
      col('Restarts'),
      ageCol,
      col('IP', 1),
      col('Node', 1),
      col('Nominated Node', 1),
      col('Readiness Gates', 1),
    ],
    cells: (o, now) => [
      o.metadata.name,
      podReady(o),
      podStatusReason(o),
      podRestarts(o, now),
      age(o, now),
      s(getPath(o, 'status.podIP')),
      s(getPath(o, 'spec.nodeName')),
      '<none>',
      '<none>',
    ],
  },
  '/nodes': {
    columns: [
      nameCol,
      col('Status'),
      col('Roles'),
      ageCol,
      col('Version'),
      col('Internal-IP', 1),
      col('External-IP', 1),
      col('OS-Image', 1),
      col('Kernel-Version', 1),
      col('Container-Runtime', 1),
    ],
    cells: (o, now) => {
      const conditions =
        (getPath(o, 'status.conditions') as { type: string; status: string }[] | undefined) ?? [];
      const ready = conditions.find((c) => c.type === 'Ready');
      let status = ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown';
      if (getPath(o, 'spec.unschedulable') === true) status += ',SchedulingDisabled';
      const roles = Object.keys(o.metadata.labels ?? {})
        .filter((k) => k.startsWith('node-role.kubernetes.io/'))
        .map((k) => k.slice('node-role.kubernetes.io/'.length));
      const addresses =
        (getPath(o, 'status.addresses') as { type: string; address: string }[] | undefined) ?? [];
      const info = (getPath(o, 'status.nodeInfo') as Record<string, string> | undefined) ?? {};
      return [
        o.metadata.name,
        status,
        roles.length ? roles.join(',') : '<none>',
        age(o, now),
        s(info['kubeletVersion'], ''),
        s(addresses.find((a) => a.type === 'InternalIP')?.address),
        s(addresses.find((a) => a.type === 'ExternalIP')?.address),
        s(info['osImage'], '<unknown>'),
        s(info['kernelVersion'], '<unknown>'),
        s(info['containerRuntimeVersion'], '<unknown>'),
      ];
    },
  },
  '/namespaces': {
    columns: [nameCol, col('Status'), ageCol],
    cells: (o, now) => [o.metadata.name, s(getPath(o, 'status.phase'), ''), age(o, now)],
  },
  '/services': {
    columns: [
      nameCol,
      col('Type'),
      col('Cluster-IP'),
      col('External-IP'),
      col('Port(s)'),
      ageCol,
      col('Selector', 1),
    ],
    cells: (o, now) => {
      const ports =
        (getPath(o, 'spec.ports') as
          { port: number; protocol?: string; nodePort?: number }[] | undefined) ?? [];
      const sel = getPath(o, 'spec.selector');
      return [
        o.metadata.name,
        s(getPath(o, 'spec.type'), 'ClusterIP'),
        s(getPath(o, 'spec.clusterIP'), 'None'),
        '<none>',
        ports.length
          ? ports
              .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`)
              .join(',')
          : '<none>',
        age(o, now),
        isPlainObject(sel)
          ? Object.entries(sel)
              .map(([k, v]) => `${k}=${String(v)}`)
              .join(',')
          : '<none>',
      ];
    },
  },
  '/events': {
    columns: [
      col('Last Seen'),
      col('Type'),
      col('Reason'),
      col('Object'),
      col('Subobject', 1),
      col('Source', 1),
      col('Message'),
      col('First Seen', 1),
      col('Count', 1),
      col('Name', 1, 'string', 'name'),
    ],
    cells: (o, now) => {
      const last =
        (o['lastTimestamp'] as string | undefined) ||
        (o['eventTime'] as string | undefined) ||
        o.metadata.creationTimestamp;
      const first =
        (o['firstTimestamp'] as string | undefined) ||
        (o['eventTime'] as string | undefined) ||
        o.metadata.creationTimestamp;
      const kind = String(getPath(o, 'involvedObject.kind') ?? '').toLowerCase();
      return [
        ageOf(last, now),
        s(o['type'], ''),
        s(o['reason'], ''),
        `${kind}/${String(getPath(o, 'involvedObject.name') ?? '')}`,
        s(getPath(o, 'involvedObject.fieldPath'), ''),
        s(getPath(o, 'source.component') ?? o['reportingComponent'], ''),
        s(o['message'], ''),
        ageOf(first, now),
        n(o['count']) || 1,
        o.metadata.name,
      ];
    },
  },
  'apps/deployments': {
    columns: [
      nameCol,
      col('Ready'),
      col('Up-to-date', 0, 'integer'),
      col('Available', 0, 'integer'),
      ageCol,
      col('Containers', 1),
      col('Images', 1),
      col('Selector', 1),
    ],
    cells: (o, now) => {
      const cs = containers(o, 'spec.template.spec.containers');
      return [
        o.metadata.name,
        `${n(getPath(o, 'status.readyReplicas'))}/${n(getPath(o, 'spec.replicas'))}`,
        n(getPath(o, 'status.updatedReplicas')),
        n(getPath(o, 'status.availableReplicas')),
        age(o, now),
        cs.map((c) => c.name).join(','),
        cs.map((c) => c.image).join(','),
        selectorText(o),
      ];
    },
  },
  'apps/replicasets': {
    columns: [
      nameCol,
      col('Desired', 0, 'integer'),
      col('Current', 0, 'integer'),
      col('Ready', 0, 'integer'),
      ageCol,
      col('Containers', 1),
      col('Images', 1),
      col('Selector', 1),
    ],
    cells: (o, now) => {
      const cs = containers(o, 'spec.template.spec.containers');
      return [
        o.metadata.name,
        n(getPath(o, 'spec.replicas')),
        n(getPath(o, 'status.replicas')),
        n(getPath(o, 'status.readyReplicas')),
        age(o, now),
        cs.map((c) => c.name).join(','),
        cs.map((c) => c.image).join(','),
        selectorText(o),
      ];
    },
  },
  'batch/jobs': {
    columns: [
      nameCol,
      col('Status'),
      col('Completions'),
      col('Duration'),
      ageCol,
      col('Containers', 1),
      col('Images', 1),
      col('Selector', 1),
    ],
    cells: (o, now) => {
      const conditions =
        (getPath(o, 'status.conditions') as { type: string; status: string }[] | undefined) ?? [];
      const has = (t: string): boolean =>
        conditions.some((c) => c.type === t && c.status === 'True');
      const status = has('Complete')
        ? 'Complete'
        : has('Failed')
          ? 'Failed'
          : getPath(o, 'spec.suspend') === true
            ? 'Suspended'
            : has('FailureTarget')
              ? 'FailureTarget'
              : 'Running';
      const start = getPath(o, 'status.startTime');
      const end = getPath(o, 'status.completionTime');
      const duration =
        typeof start === 'string'
          ? ageOf(start, typeof end === 'string' ? Date.parse(end) : now)
          : '';
      const cs = containers(o, 'spec.template.spec.containers');
      return [
        o.metadata.name,
        status,
        `${n(getPath(o, 'status.succeeded'))}/${n(getPath(o, 'spec.completions')) || 1}`,
        duration,
        age(o, now),
        cs.map((c) => c.name).join(','),
        cs.map((c) => c.image).join(','),
        selectorText(o),
      ];
    },
  },
  'batch/cronjobs': {
    columns: [
      nameCol,
      col('Schedule'),
      col('Timezone'),
      col('Suspend'),
      col('Active', 0, 'integer'),
      col('Last Schedule'),
      ageCol,
    ],
    cells: (o, now) => [
      o.metadata.name,
      s(getPath(o, 'spec.schedule'), ''),
      s(getPath(o, 'spec.timeZone')),
      String(getPath(o, 'spec.suspend') === true),
      ((getPath(o, 'status.active') as unknown[] | undefined) ?? []).length,
      getPath(o, 'status.lastScheduleTime')
        ? ageOf(getPath(o, 'status.lastScheduleTime'), now)
        : '<none>',
      age(o, now),
    ],
  },
  '/resourcequotas': {
    columns: [nameCol, ageCol, col('Request'), col('Limit')],
    cells: (o, now) => {
      const hard = (getPath(o, 'status.hard') ?? getPath(o, 'spec.hard') ?? {}) as Record<
        string,
        string
      >;
      const used = (getPath(o, 'status.used') ?? {}) as Record<string, string>;
      const fmt = (keys: string[]): string =>
        keys.map((k) => `${k}: ${used[k] ?? '0'}/${hard[k]}`).join(', ');
      const keys = Object.keys(hard);
      return [
        o.metadata.name,
        age(o, now),
        fmt(keys.filter((k) => !k.startsWith('limits.'))),
        fmt(keys.filter((k) => k.startsWith('limits.'))),
      ];
    },
  },
  'apiextensions.k8s.io/customresourcedefinitions': {
    columns: [nameCol, col('Created At', 0, 'date')],
    cells: (o) => [o.metadata.name, o.metadata.creationTimestamp ?? ''],
  },
};

export const defaultTable: TableSpec = {
  columns: [nameCol, ageCol],
  cells: (o, now) => [o.metadata.name, age(o, now)],
};
