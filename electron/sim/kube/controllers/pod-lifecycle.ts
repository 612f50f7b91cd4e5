// The scheduler and kubelet, reduced to what a console sees: a new pod is bound to a node (GPU
// pods to GPU nodes), waits a moment in ContainerCreating, then runs and turns Ready, or, when a
// startup failure is registered for it, crash-loops. Pods seeded with container statuses are
// left exactly as the scenario wrote them.
import { getPath, isPlainObject, kubeTime, type KubeObject } from '../api/types';
import type { ScenarioClock } from '../scenario/clock';
import type { ObjectStore } from '../store/object-store';
import type { PodLogs } from '../store/pod-logs';
import type { EventRecorder } from './event-recorder';
import type { WorkQueue } from './work-queue';

export interface StartupFailure {
  reason: string;
  message: string;
  exitCode?: number;
  log?: string;
}

export interface PodLifecycleOptions {
  startDelayMs: (pod: KubeObject) => number;
  restartIntervalMs?: number;
}

interface Container {
  name: string;
  image?: string;
  env?: { name: string; value?: string }[];
}

function containers(pod: KubeObject, key = 'containers'): Container[] {
  const list = getPath(pod, `spec.${key}`);
  return Array.isArray(list) ? (list as Container[]) : [];
}

function gpuRequest(pod: KubeObject): number {
  let total = 0;
  for (const c of containers(pod) as (Container & {
    resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
  })[]) {
    total += Number(
      c.resources?.limits?.['nvidia.com/gpu'] ?? c.resources?.requests?.['nvidia.com/gpu'] ?? 0,
    );
  }
  return total;
}

export class PodLifecycle {
  private readonly failures = new Map<string, StartupFailure>();
  private roundRobin = 0;
  private podIpCounter = 20;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: ScenarioClock,
    private readonly queue: WorkQueue,
    private readonly events: EventRecorder,
    private readonly logs: PodLogs,
    private readonly options: PodLifecycleOptions,
  ) {
    const pods = store.registry.find('', 'pods')!;
    store.subscribe((event) => {
      if (event.entry.type !== pods || event.type !== 'ADDED') return;
      const pod = event.entry.obj;
      // Only fresh pods: anything seeded with statuses or conditions is left as written.
      if (
        getPath(pod, 'status.phase') !== 'Pending' ||
        getPath(pod, 'status.containerStatuses') !== undefined ||
        getPath(pod, 'status.conditions') !== undefined
      )
        return;
      const { namespace = '', name } = pod.metadata;
      queue.add(`schedule:${namespace}/${name}`, () => this.schedule(namespace, name));
    });
  }

  /** Pods whose name starts with `namePrefix` in `namespace` fail to start this way. */
  registerFailure(namespace: string, namePrefix: string, failure: StartupFailure): void {
    this.failures.set(`${namespace}/${namePrefix}`, failure);
  }

  private failureFor(pod: KubeObject): StartupFailure | undefined {
    const full = `${pod.metadata.namespace}/${pod.metadata.name}`;
    for (const [prefix, failure] of this.failures) if (full.startsWith(prefix)) return failure;
    return undefined;
  }

  private podType() {
    return this.store.registry.find('', 'pods')!;
  }

  private pickNode(pod: KubeObject): KubeObject | undefined {
    const nodes = this.store.list(this.store.registry.find('', 'nodes')!).map((e) => e.obj);
    const gpu = gpuRequest(pod) > 0;
    const fits = nodes.filter((n) => {
      const allocatable = getPath(n, 'status.allocatable');
      const gpus = isPlainObject(allocatable) ? Number(allocatable['nvidia.com/gpu'] ?? 0) : 0;
      return gpu ? gpus > 0 : gpus === 0;
    });
    const pool = fits.length ? fits : nodes;
    if (!pool.length) return undefined;
    return pool[this.roundRobin++ % pool.length];
  }

  private schedule(namespace: string, name: string): void {
    const entry = this.store.get(this.podType(), namespace, name);
    if (!entry || getPath(entry.obj, 'status.containerStatuses') !== undefined) return;
    const pod = structuredClone(entry.obj);
    const spec = pod['spec'] as Record<string, unknown>;
    const node = spec['nodeName'] ? undefined : this.pickNode(pod);
    if (node) spec['nodeName'] = node.metadata.name;
    const nodeName = String(spec['nodeName'] ?? '');
    const now = kubeTime(this.clock.now());
    const hostIp = (
      getPath(node, 'status.addresses') as { type: string; address: string }[] | undefined
    )?.find((a) => a.type === 'InternalIP')?.address;
    pod['status'] = {
      ...(isPlainObject(pod['status']) ? pod['status'] : {}),
      phase: 'Pending',
      ...(hostIp ? { hostIP: hostIp, hostIPs: [{ ip: hostIp }] } : {}),
      startTime: now,
      conditions: [
        { type: 'PodScheduled', status: 'True', lastTransitionTime: now },
        {
          type: 'Initialized',
          status: containers(pod, 'initContainers').length ? 'False' : 'True',
          lastTransitionTime: now,
        },
        {
          type: 'ContainersReady',
          status: 'False',
          reason: 'ContainersNotReady',
          lastTransitionTime: now,
        },
        { type: 'Ready', status: 'False', reason: 'ContainersNotReady', lastTransitionTime: now },
      ],
      containerStatuses: containers(pod).map((c) => ({
        name: c.name,
        image: c.image,
        imageID: '',
        ready: false,
        started: false,
        restartCount: 0,
        state: { waiting: { reason: 'ContainerCreating' } },
      })),
      ...(containers(pod, 'initContainers').length
        ? {
            initContainerStatuses: containers(pod, 'initContainers').map((c) => ({
              name: c.name,
              image: c.image,
              imageID: '',
              ready: false,
              restartCount: 0,
              state: { waiting: { reason: 'PodInitializing' } },
            })),
          }
        : {}),
    };
    pod.metadata.resourceVersion = undefined;
    const updated = this.store.update(pod);
    if (nodeName) {
      this.events.record(updated.obj, {
        reason: 'Scheduled',
        message: `Successfully assigned ${namespace}/${name} to ${nodeName}`,
        component: 'default-scheduler',
      });
    }
    this.clock.schedule(this.options.startDelayMs(updated.obj), () =>
      this.start(namespace, name, nodeName),
    );
  }

  private start(namespace: string, name: string, nodeName: string): void {
    const entry = this.store.get(this.podType(), namespace, name);
    if (!entry) return;
    const pod = structuredClone(entry.obj);
    const failure = this.failureFor(pod);
    const now = kubeTime(this.clock.now());
    const status = pod['status'] as Record<string, unknown>;
    const ip = this.podIpCounter++;
    status['podIP'] = `10.244.${Math.floor(ip / 250) % 250}.${(ip % 250) + 2}`;
    status['podIPs'] = [{ ip: status['podIP'] }];
    status['phase'] = 'Running';
    const ready = !failure;
    status['conditions'] = [
      { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: now },
      { type: 'Initialized', status: 'True', lastTransitionTime: now },
      {
        type: 'Ready',
        status: ready ? 'True' : 'False',
        ...(ready
          ? {}
          : {
              reason: 'ContainersNotReady',
              message: `containers with unready status: [${containers(pod)[0]?.name ?? ''}]`,
            }),
        lastTransitionTime: now,
      },
      { type: 'ContainersReady', status: ready ? 'True' : 'False', lastTransitionTime: now },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: now },
    ];
    if (Array.isArray(status['initContainerStatuses'])) {
      status['initContainerStatuses'] = (
        status['initContainerStatuses'] as Record<string, unknown>[]
      ).map((c) => ({
        ...c,
        ready: true,
        state: {
          terminated: { exitCode: 0, reason: 'Completed', startedAt: now, finishedAt: now },
        },
      }));
    }
    const main = containers(pod)[0]?.name;
    status['containerStatuses'] = containers(pod).map((c) => {
      const failing = failure && c.name === main;
      return {
        name: c.name,
        image: c.image,
        imageID: `${c.image ?? ''}@sha256:${'0'.repeat(64)}`,
        containerID: `containerd://${Math.random().toString(16).slice(2).padEnd(16, '0')}`,
        ready: !failing,
        started: !failing,
        restartCount: failing ? 1 : 0,
        state: failing
          ? {
              waiting: {
                reason: 'CrashLoopBackOff',
                message: `back-off 10s restarting failed container=${c.name} pod=${name}_${namespace}`,
              },
            }
          : { running: { startedAt: now } },
        ...(failing
          ? {
              lastState: {
                terminated: {
                  exitCode: failure.exitCode ?? 1,
                  reason: 'Error',
                  message: failure.message,
                  startedAt: now,
                  finishedAt: now,
                },
              },
            }
          : {}),
      };
    });
    pod.metadata.resourceVersion = undefined;
    const updated = this.store.update(pod);
    for (const c of containers(pod)) {
      this.events.record(updated.obj, {
        reason: 'Pulled',
        message: `Container image "${c.image ?? ''}" already present on machine`,
        component: 'kubelet',
        host: nodeName,
        fieldPath: `spec.containers{${c.name}}`,
      });
      this.events.record(updated.obj, {
        reason: 'Created',
        message: `Created container: ${c.name}`,
        component: 'kubelet',
        host: nodeName,
        fieldPath: `spec.containers{${c.name}}`,
      });
      this.events.record(updated.obj, {
        reason: 'Started',
        message: `Started container ${c.name}`,
        component: 'kubelet',
        host: nodeName,
        fieldPath: `spec.containers{${c.name}}`,
      });
      if (!this.logs.has(namespace, name, c.name))
        this.logs.append(namespace, name, c.name, startupLog(pod, c), this.clock.nowMs());
    }
    if (failure && main) {
      this.logs.append(namespace, name, main, failure.log ?? failure.message, this.clock.nowMs());
      this.logs.restart(namespace, name, main);
      this.logs.append(namespace, name, main, failure.log ?? failure.message, this.clock.nowMs());
      this.events.record(updated.obj, {
        type: 'Warning',
        reason: 'BackOff',
        message: `Back-off restarting failed container ${main} in pod ${name}_${namespace}(${pod.metadata.uid ?? ''})`,
        component: 'kubelet',
        host: nodeName,
        fieldPath: `spec.containers{${main}}`,
      });
      this.clock.schedule(this.options.restartIntervalMs ?? 60_000, () =>
        this.crashAgain(namespace, name, main, nodeName),
      );
    }
  }

  private crashAgain(namespace: string, name: string, container: string, nodeName: string): void {
    const entry = this.store.get(this.podType(), namespace, name);
    if (!entry) return;
    const pod = structuredClone(entry.obj);
    const statuses = getPath(pod, 'status.containerStatuses') as
      Record<string, unknown>[] | undefined;
    const status = statuses?.find((s) => s['name'] === container);
    if (!status || !isPlainObject(status['state']) || !isPlainObject(status['state']['waiting']))
      return;
    status['restartCount'] = Number(status['restartCount'] ?? 0) + 1;
    const last = getPath(status, 'lastState.terminated');
    if (isPlainObject(last)) last['finishedAt'] = kubeTime(this.clock.now());
    pod.metadata.resourceVersion = undefined;
    const updated = this.store.update(pod);
    const failure = this.failureFor(pod);
    this.logs.restart(namespace, name, container);
    this.logs.append(
      namespace,
      name,
      container,
      failure?.log ?? failure?.message ?? 'exit status 1',
      this.clock.nowMs(),
    );
    this.events.record(updated.obj, {
      type: 'Warning',
      reason: 'BackOff',
      message: `Back-off restarting failed container ${container} in pod ${name}_${namespace}(${pod.metadata.uid ?? ''})`,
      component: 'kubelet',
      host: nodeName,
      fieldPath: `spec.containers{${container}}`,
    });
    this.clock.schedule(this.options.restartIntervalMs ?? 60_000, () =>
      this.crashAgain(namespace, name, container, nodeName),
    );
  }
}

/** What a freshly started container prints: model servers announce the model they load. */
function startupLog(pod: KubeObject, c: Container): string {
  const modelUri = c.env?.find((e) => e.name === 'MODEL_URI' || e.name === 'STORAGE_URI')?.value;
  if (c.name === 'queue-proxy')
    return (
      '{"severity":"INFO","message":"Starting queue-proxy","knative.dev/pod":"' +
      pod.metadata.name +
      '"}\n'
    );
  if (modelUri || c.name === 'kserve-container') {
    return [
      `INFO:     Loading model from ${modelUri ?? '/mnt/models'}`,
      'INFO:     Model loaded in 4.82s',
      'INFO:     Started server process [1]',
      'INFO:     Waiting for application startup.',
      'INFO:     Application startup complete.',
      'INFO:     Uvicorn running on http://0.0.0.0:8080 (Press CTRL+C to quit)',
    ].join('\n');
  }
  return `Starting ${c.name} (${c.image ?? 'unknown image'})`;
}
