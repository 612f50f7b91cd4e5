// Scenario timeline steps, run on the scenario clock: a workflow step fails, a pod restarts, a
// cron workflow fires, a log line appears, an object changes.
import { errors } from '../api/status';
import { getPath, groupOf, isPlainObject, kubeTime, type KubeObject } from '../api/types';
import { mergePatch } from '../patch/merge-patch';
import type { SimRuntime } from '../runtime';
import { parseLabelSelector, matchesLabels } from '../selectors/label-selector';
import { recordEventSpec } from './build-extras';
import type { TimelineStep } from './schema';
import { parseDuration } from './time';
import type { WorkflowRunner } from './workflow-runner';

function restartPod(
  rt: SimRuntime,
  namespace: string,
  name: string,
  container: string | undefined,
  reason: 'OOMKilled' | 'Error',
  log?: string,
): void {
  const podType = rt.registry.find('', 'pods')!;
  const entry = rt.store.get(podType, namespace, name);
  if (!entry) return;
  const pod = structuredClone(entry.obj);
  const statuses = getPath(pod, 'status.containerStatuses');
  if (!Array.isArray(statuses)) return;
  const status = (
    container ? statuses.find((s) => isPlainObject(s) && s['name'] === container) : statuses[0]
  ) as Record<string, unknown> | undefined;
  if (!status) return;
  const now = rt.clock.nowMs();
  const running = getPath(status, 'state.running.startedAt');
  status['lastState'] = {
    terminated: {
      exitCode: reason === 'OOMKilled' ? 137 : 1,
      reason,
      startedAt: typeof running === 'string' ? running : kubeTime(now - 600_000),
      finishedAt: kubeTime(now),
    },
  };
  status['restartCount'] = Number(status['restartCount'] ?? 0) + 1;
  status['state'] = { running: { startedAt: kubeTime(now + 1000) } };
  status['ready'] = true;
  pod.metadata.resourceVersion = undefined;
  const updated = rt.store.update(pod);
  const c = String(status['name']);
  if (log) rt.logs.append(namespace, name, c, log, now - 500);
  if (reason === 'OOMKilled') rt.logs.append(namespace, name, c, 'Killed', now);
  rt.logs.restart(namespace, name, c);
  rt.logs.append(
    namespace,
    name,
    c,
    'INFO:     Started server process [1]\nINFO:     Application startup complete.',
    now + 1000,
  );
  const node = String(getPath(pod, 'spec.nodeName') ?? '');
  rt.events.record(updated.obj, {
    type: 'Warning',
    reason: 'BackOff',
    message: `Back-off restarting failed container ${c} in pod ${name}_${namespace}(${pod.metadata.uid ?? ''})`,
    component: 'kubelet',
    host: node,
    fieldPath: `spec.containers{${c}}`,
  });
  rt.events.record(updated.obj, {
    reason: 'Pulled',
    message: `Container image "${String(status['image'] ?? '')}" already present on machine`,
    component: 'kubelet',
    host: node,
    fieldPath: `spec.containers{${c}}`,
  });
  rt.events.record(updated.obj, {
    reason: 'Started',
    message: `Started container ${c}`,
    component: 'kubelet',
    host: node,
    fieldPath: `spec.containers{${c}}`,
  });
}

function typeFor(rt: SimRuntime, apiVersion: string, kind: string) {
  const type = rt.registry.forKind(groupOf(apiVersion), kind);
  if (!type) throw errors.badRequest(`timeline: no resource for ${apiVersion} ${kind}`);
  return type;
}

export function runTimelineStep(rt: SimRuntime, runner: WorkflowRunner, step: TimelineStep): void {
  switch (step.action) {
    case 'failWorkflowStep':
      runner.failStep(step.namespace, step.workflow, step.step, step.reason, {
        ...(step.tail !== undefined ? { tail: step.tail } : {}),
        ...(step.message !== undefined ? { message: step.message } : {}),
      });
      return;
    case 'fireCronWorkflow':
      runner.fireCron(
        step.namespace,
        step.name,
        step.outcomes as Record<string, 'Succeeded'> | undefined,
      );
      return;
    case 'restartPod': {
      const podType = rt.registry.find('', 'pods')!;
      const selector = parseLabelSelector(step.selector);
      const names = step.pod
        ? [step.pod]
        : rt.store
            .list(podType, step.namespace)
            .filter(
              (e) =>
                matchesLabels(selector, e.obj.metadata.labels) &&
                getPath(e.obj, 'status.phase') === 'Running',
            )
            .slice(0, 1)
            .map((e) => e.name);
      for (const name of names)
        restartPod(rt, step.namespace, name, step.container, step.reason ?? 'OOMKilled', step.log);
      return;
    }
    case 'appendLog': {
      const podType = rt.registry.find('', 'pods')!;
      const selector = parseLabelSelector(step.selector);
      const pods = step.pod
        ? [step.pod]
        : rt.store
            .list(podType, step.namespace)
            .filter(
              (e) =>
                matchesLabels(selector, e.obj.metadata.labels) &&
                getPath(e.obj, 'status.phase') === 'Running',
            )
            .map((e) => e.name);
      for (const pod of pods)
        rt.logs.append(step.namespace, pod, step.container, step.text, rt.clock.nowMs());
      return;
    }
    case 'event':
      recordEventSpec(rt, step.event, rt.clock.nowMs());
      return;
    case 'apply':
      rt.store.apply(step.object);
      return;
    case 'patch': {
      const type = typeFor(rt, step.apiVersion, step.kind);
      const entry = rt.store.mustGet(type, step.namespace ?? '', step.name);
      const next = mergePatch(entry.obj, step.patch) as KubeObject;
      next.metadata.resourceVersion = undefined;
      rt.store.update(next);
      return;
    }
    case 'delete': {
      const type = typeFor(rt, step.apiVersion, step.kind);
      if (rt.store.get(type, step.namespace ?? '', step.name))
        rt.store.delete(type, step.namespace ?? '', step.name);
      return;
    }
    case 'failInferenceService':
      rt.inferenceServices.registerFailure(step.namespace, step.name, {
        reason: 'ModelLoadFailed',
        message: step.message,
        ...(step.log ? { log: step.log } : {}),
      });
      return;
  }
}

export function scheduleTimeline(
  rt: SimRuntime,
  runner: WorkflowRunner,
  steps: TimelineStep[],
): void {
  for (const step of steps) {
    const first = parseDuration(step.at);
    const every = step.every ? parseDuration(step.every) : 0;
    const times = step.every ? (step.times ?? Infinity) : 1;
    const run = (n: number): void => {
      rt.clock.schedule(n === 0 ? first : every, () => {
        try {
          runTimelineStep(rt, runner, step);
        } catch (error) {
          console.error(
            `[kube-sim] timeline step ${step.action} at ${step.at} failed:`,
            (error as Error).message,
          );
        }
        if (n + 1 < times) run(n + 1);
      });
    };
    run(0);
  }
}
