// Server-side defaulting on create, limited to what clients and the simulator's controllers read.
import type { KubeObject } from '../api/types';
import { isPlainObject } from '../api/types';

function obj(parent: Record<string, unknown>, key: string): Record<string, unknown> {
  const current = parent[key];
  if (isPlainObject(current)) return current;
  const created: Record<string, unknown> = {};
  parent[key] = created;
  return created;
}

let nextClusterIp = 10;

export function applyCreateDefaults(o: KubeObject): void {
  switch (o.kind) {
    case 'Namespace': {
      o.metadata.labels = { ...o.metadata.labels, 'kubernetes.io/metadata.name': o.metadata.name };
      const spec = obj(o, 'spec');
      spec['finalizers'] ??= ['kubernetes'];
      const status = obj(o, 'status');
      status['phase'] ??= 'Active';
      break;
    }
    case 'Pod': {
      const spec = obj(o, 'spec');
      spec['restartPolicy'] ??= 'Always';
      spec['schedulerName'] ??= 'default-scheduler';
      spec['serviceAccountName'] ??= 'default';
      spec['terminationGracePeriodSeconds'] ??= 30;
      spec['dnsPolicy'] ??= 'ClusterFirst';
      const status = obj(o, 'status');
      status['phase'] ??= 'Pending';
      status['qosClass'] ??= 'BestEffort';
      break;
    }
    case 'Deployment': {
      const spec = obj(o, 'spec');
      spec['replicas'] ??= 1;
      spec['revisionHistoryLimit'] ??= 10;
      spec['progressDeadlineSeconds'] ??= 600;
      spec['strategy'] ??= {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      };
      break;
    }
    case 'Service': {
      const spec = obj(o, 'spec');
      spec['type'] ??= 'ClusterIP';
      if (spec['clusterIP'] === undefined) {
        const n = nextClusterIp++;
        spec['clusterIP'] = `10.96.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
        spec['clusterIPs'] = [spec['clusterIP']];
      }
      break;
    }
    case 'Job': {
      const spec = obj(o, 'spec');
      spec['backoffLimit'] ??= 6;
      spec['completions'] ??= 1;
      spec['parallelism'] ??= 1;
      break;
    }
    case 'CronJob': {
      const spec = obj(o, 'spec');
      spec['concurrencyPolicy'] ??= 'Allow';
      spec['suspend'] ??= false;
      spec['successfulJobsHistoryLimit'] ??= 3;
      spec['failedJobsHistoryLimit'] ??= 1;
      break;
    }
    default:
      break;
  }
}
