// A small Job controller for Jobs created through the API (`kubectl create job --from=cronjob/…`,
// the console's "run now"): the Job becomes active at once and completes after a fixed run time on
// the scenario clock, with the conditions and counters the real controller writes. Scenario Jobs
// arrive with their status already rendered and are left alone.
import { getPath, kubeTime, type KubeObject } from '../api/types';
import type { ScenarioClock } from '../scenario/clock';
import type { ObjectStore } from '../store/object-store';
import type { WorkQueue } from './work-queue';

const runMs = 20_000;

export function startJobRunner(store: ObjectStore, clock: ScenarioClock, queue: WorkQueue): void {
  store.subscribe((event) => {
    const { entry } = event;
    if (event.type !== 'ADDED' || entry.type.group !== 'batch' || entry.type.resource !== 'jobs')
      return;
    if (getPath(entry.obj, 'status.startTime')) return;
    const { namespace, name } = entry;
    queue.add(`job-start:${namespace}/${name}`, () => {
      const started = clock.nowMs();
      write(store, entry.obj, { startTime: kubeTime(started), active: 1, ready: 1 });
      clock.at(started + runMs, () => {
        const current = store.get(entry.type, namespace, name);
        if (!current || getPath(current.obj, 'status.completionTime')) return;
        const at = kubeTime(clock.nowMs());
        write(store, current.obj, {
          startTime: kubeTime(started),
          succeeded: 1,
          ready: 0,
          completionTime: at,
          conditions: [
            {
              type: 'SuccessCriteriaMet',
              status: 'True',
              lastProbeTime: at,
              lastTransitionTime: at,
            },
            { type: 'Complete', status: 'True', lastProbeTime: at, lastTransitionTime: at },
          ],
        });
      });
    });
  });
}

function write(store: ObjectStore, obj: KubeObject, status: Record<string, unknown>): void {
  const next = structuredClone(obj);
  next['status'] = status;
  next.metadata.resourceVersion = undefined;
  try {
    store.update(next, { subresource: 'status' });
  } catch {
    // Deleted meanwhile: nothing to run.
  }
}
