// The kubelet, scheduler and kernel events around one workflow step's pod: scheduling, image
// pulls (and their failures), container start, and the node's OOM kill.
import { fnv32a } from './time';
import type { NodePlacement, RenderedEvent } from './workflow-objects';
import type { StepTimes, WorkflowPlan } from './workflow-plan';

export function podEvents(
  plan: WorkflowPlan,
  t: StepTimes,
  state: string,
  now: number,
  node: NodePlacement,
  pn: string,
): RenderedEvent[] {
  const events: RenderedEvent[] = [];
  // Events are stamped no later than now: those a stuck pod keeps emitting show up at once.
  const push = (e: RenderedEvent): void =>
    void events.push({ ...e, at: Math.min(e.at ?? now, now) });
  const start = t.start ?? now;
  push({
    key: `${pn}/scheduled`,
    target: { pod: pn },
    at: start - 2900,
    reason: 'Scheduled',
    message: `Successfully assigned ${plan.namespace}/${pn} to ${node.name}`,
    component: 'default-scheduler',
  });
  if (t.step.outcome === 'ImagePullBackOff') {
    push({
      key: `${pn}/pulling`,
      target: { pod: pn },
      at: start,
      reason: 'Pulling',
      message: `Pulling image "${t.step.image}"`,
      component: 'kubelet',
      host: node.name,
      fieldPath: 'spec.containers{main}',
    });
    push({
      key: `${pn}/failed-pull`,
      target: { pod: pn },
      at: start + 1500,
      type: 'Warning',
      reason: 'Failed',
      message: `Failed to pull image "${t.step.image}": rpc error: code = NotFound desc = failed to pull and unpack image "${t.step.image}": failed to resolve reference "${t.step.image}": ${t.step.image}: not found`,
      component: 'kubelet',
      host: node.name,
      fieldPath: 'spec.containers{main}',
      count: Math.max(1, Math.floor((now - start) / 300_000)),
    });
    push({
      key: `${pn}/errimagepull`,
      target: { pod: pn },
      at: start + 1600,
      type: 'Warning',
      reason: 'Failed',
      message: 'Error: ErrImagePull',
      component: 'kubelet',
      host: node.name,
      fieldPath: 'spec.containers{main}',
    });
    push({
      key: `${pn}/backoff`,
      target: { pod: pn },
      at: start + 30_000,
      type: 'Warning',
      reason: 'BackOff',
      message: `Back-off pulling image "${t.step.image}"`,
      component: 'kubelet',
      host: node.name,
      fieldPath: 'spec.containers{main}',
      count: Math.max(1, Math.floor((now - start) / 20_000)),
    });
    push({
      key: `${pn}/imagepullbackoff`,
      target: { pod: pn },
      at: start + 30_100,
      type: 'Warning',
      reason: 'Failed',
      message: 'Error: ImagePullBackOff',
      component: 'kubelet',
      host: node.name,
      fieldPath: 'spec.containers{main}',
      count: Math.max(1, Math.floor((now - start) / 20_000)),
    });
  } else if (t.step.outcome !== 'Unschedulable') {
    push({
      key: `${pn}/pulled`,
      target: { pod: pn },
      at: start - 800,
      reason: 'Pulled',
      message: `Container image "${t.step.image}" already present on machine`,
      component: 'kubelet',
      host: node.name,
      fieldPath: 'spec.containers{main}',
    });
    push({
      key: `${pn}/created`,
      target: { pod: pn },
      at: start - 700,
      reason: 'Created',
      message: 'Created container: main',
      component: 'kubelet',
      host: node.name,
      fieldPath: 'spec.containers{main}',
    });
    push({
      key: `${pn}/started`,
      target: { pod: pn },
      at: start - 600,
      reason: 'Started',
      message: 'Started container main',
      component: 'kubelet',
      host: node.name,
      fieldPath: 'spec.containers{main}',
    });
  } else {
    push({
      key: `${pn}/failedscheduling`,
      target: { pod: pn },
      at: start - 2900,
      type: 'Warning',
      reason: 'FailedScheduling',
      message: t.step.message ?? '0/10 nodes are available: insufficient nvidia.com/gpu.',
      component: 'default-scheduler',
    });
  }
  if (state === 'failed' && t.failure === 'OOMKilled' && t.end !== undefined) {
    push({
      key: `${pn}/oom`,
      target: { node: node.name },
      at: t.end - 200,
      type: 'Warning',
      reason: 'OOMKilling',
      message: `Memory cgroup out of memory: Killed process ${1000 + (fnv32a(pn) % 30000)} (python) total-vm:${60 + (fnv32a(pn) % 40)}GB, anon-rss:${30 + (fnv32a(pn) % 20)}GB, file-rss:0kB, shmem-rss:0kB`,
      component: 'kernel-monitor',
      host: node.name,
    });
  }
  return events;
}
