// In real-time mode CronWorkflows fire on their schedules (scenario clock), so a demo left
// running keeps producing pipeline runs.
import { CronExpressionParser } from 'cron-parser';
import { getPath } from '../api/types';
import type { SimRuntime } from '../runtime';
import type { WorkflowRunner } from './workflow-runner';

export function scheduleCronWorkflows(rt: SimRuntime, runner: WorkflowRunner): void {
  const cronType = rt.registry.find('argoproj.io', 'cronworkflows');
  if (!cronType) return;
  const plan = (namespace: string, name: string): void => {
    const entry = rt.store.get(cronType, namespace, name);
    if (!entry || getPath(entry.obj, 'spec.suspend') === true) return;
    const schedule = String(getPath(entry.obj, 'spec.schedule') ?? '');
    const timezone = getPath(entry.obj, 'spec.timezone');
    let next: number;
    try {
      next = CronExpressionParser.parse(schedule, {
        currentDate: rt.clock.now(),
        ...(typeof timezone === 'string' ? { tz: timezone } : {}),
      })
        .next()
        .getTime();
    } catch {
      return;
    }
    rt.clock.at(next, () => {
      try {
        runner.fireCron(namespace, name);
      } catch (error) {
        console.error('[kube-sim] cron workflow failed to fire:', (error as Error).message);
      }
      plan(namespace, name);
    });
  };
  for (const entry of rt.store.list(cronType)) plan(entry.namespace, entry.name);
}
