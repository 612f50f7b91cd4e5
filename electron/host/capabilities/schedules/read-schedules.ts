// The schedules of every selected cluster, with the runs the pipeline watches hold, as the
// Schedules view and the brief see them.
import type { PipelineRun } from '../../../../shared/contract/pipelines';
import type { ScheduleView } from '../../../../shared/contract/schedules';
import type { KubeClients } from '../../sources/kubernetes';
import type { OpenWorkspace } from '../../workspace/open-workspace';
import type { PipelineWatches } from '../pipelines/pipeline-watches';
import { listAllPages, pageSize, readClusters, type ResourceList } from './cluster-reads';
import { scheduleRow, toSchedule, type ScheduleRow } from './schedule-rows';
import { staleModels } from './stale-models';

const cronJobs: ResourceList = {
  name: 'CronJobs',
  list: (clients: KubeClients) =>
    listAllPages(
      async (next) =>
        (await clients.batch.listCronJobForAllNamespaces({
          limit: pageSize,
          ...(next ? { _continue: next } : {}),
        })) as never,
    ),
};

const cronWorkflows: ResourceList = {
  name: 'CronWorkflows',
  list: (clients: KubeClients) =>
    listAllPages(
      async (next) =>
        (await clients.customObjects.listClusterCustomObject({
          group: 'argoproj.io',
          version: 'v1alpha1',
          plural: 'cronworkflows',
          limit: pageSize,
          ...(next ? { _continue: next } : {}),
        })) as never,
    ),
};

export async function readSchedules(
  workspace: OpenWorkspace,
  watches: PipelineWatches,
  now: () => Date = () => new Date(),
): Promise<ScheduleView & { runs: PipelineRun[] }> {
  const refs = await watches.selectedClusters(workspace);
  // The runs tell the last successful CronWorkflow run; the watches hold them already.
  const [{ reads, clusters }, live] = await Promise.all([
    readClusters(workspace, refs, [cronJobs, cronWorkflows]),
    watches.live(),
  ]);
  const at = now();
  const rows: ScheduleRow[] = [];
  for (const read of reads) {
    const input = { ref: read.ref, runs: live.runs, now: at };
    for (const obj of read.objects.get('CronJobs') ?? []) {
      const row = scheduleRow({ kind: 'CronJob', obj }, input);
      if (row) rows.push(row);
    }
    for (const obj of read.objects.get('CronWorkflows') ?? []) {
      const row = scheduleRow({ kind: 'CronWorkflow', obj }, input);
      if (row) rows.push(row);
    }
  }
  rows.sort(
    (a, b) =>
      a.context.localeCompare(b.context) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  );
  return {
    schedules: rows.map(toSchedule),
    staleModels: staleModels(rows, at),
    clusters,
    runs: live.runs,
  };
}
