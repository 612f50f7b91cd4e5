// Assembles the simulator's parts (store, watch hub, RBAC, logs, clock, controllers) without the
// network, so scenario loading and unit tests can use it directly.
import { ResourceRegistry } from './api/registry';
import { Rbac } from './auth/rbac';
import { createUsers, type UserDirectory, type UserRole } from './auth/users';
import { startCrdController } from './controllers/crd-controller';
import { DeploymentController } from './controllers/deployment-controller';
import { EventRecorder } from './controllers/event-recorder';
import { startGarbageCollector } from './controllers/garbage-collector';
import { InferenceServiceController } from './controllers/inference-service-controller';
import { startJobRunner } from './controllers/job-runner';
import { OwnerIndex } from './controllers/owner-index';
import { PodLifecycle } from './controllers/pod-lifecycle';
import { ReplicaSetController } from './controllers/replicaset-controller';
import { WorkQueue } from './controllers/work-queue';
import { ScenarioClock } from './scenario/clock';
import type { SimContext } from './server/context';
import type { WorkflowRunner } from './scenario/workflow-runner';
import { ObjectStore } from './store/object-store';
import { PodLogs } from './store/pod-logs';
import { WatchHub } from './store/watch-hub';

export interface RuntimeOptions {
  now?: Date;
  realtimeClock?: boolean;
  tokens?: Partial<Record<UserRole, string>>;
  teamNamespaces?: string[];
  bookmarkIntervalMs?: number;
  historyLimit?: number;
  continueTtlMs?: number;
  /** How long a new pod takes to start; model servers take longer. */
  podStartMs?: number;
  modelServerStartMs?: number;
}

export interface SimRuntime extends SimContext {
  events: EventRecorder;
  owners: OwnerIndex;
  pods: PodLifecycle;
  inferenceServices: InferenceServiceController;
  users: UserDirectory;
  /** Set once a scenario is loaded: plays Argo workflows on the clock. */
  workflows?: WorkflowRunner;
  /** Waits until controllers have nothing left to do. */
  settle(): Promise<void>;
}

export function createRuntime(options: RuntimeOptions = {}): SimRuntime {
  const clock = new ScenarioClock(options.now ?? new Date(), options.realtimeClock ?? false);
  const registry = new ResourceRegistry();
  const store = new ObjectStore(registry, () => clock.now());
  const hub = new WatchHub(store, {
    ...(options.historyLimit !== undefined ? { historyLimit: options.historyLimit } : {}),
    ...(options.bookmarkIntervalMs !== undefined
      ? { bookmarkIntervalMs: options.bookmarkIntervalMs }
      : {}),
  });
  const queue = new WorkQueue();
  const logs = new PodLogs();
  const users = createUsers({
    ...(options.tokens ? { tokens: options.tokens } : {}),
    ...(options.teamNamespaces ? { teamNamespaces: options.teamNamespaces } : {}),
  });
  const orphaned = new Set<string>();
  startCrdController(store);
  const owners = new OwnerIndex(store);
  const events = new EventRecorder(store, clock);
  startGarbageCollector(store, owners, queue, logs, orphaned);
  startJobRunner(store, clock, queue);
  const podStart = options.podStartMs ?? 3000;
  const modelStart = options.modelServerStartMs ?? 8000;
  const pods = new PodLifecycle(store, clock, queue, events, logs, {
    startDelayMs: (pod) =>
      pod.metadata.labels?.['component'] === 'predictor' ? modelStart : podStart,
  });
  new ReplicaSetController(store, owners, queue, events, clock);
  new DeploymentController(store, owners, queue, events, clock);
  const inferenceServices = new InferenceServiceController(
    store,
    owners,
    queue,
    events,
    clock,
    pods,
  );
  clock.settle = () => queue.settle();
  return {
    registry,
    store,
    hub,
    rbac: new Rbac(registry),
    users,
    logs,
    clock,
    queue,
    proxyTargets: new Map(),
    continueTtlMs: options.continueTtlMs ?? 5 * 60 * 1000,
    orphaned,
    events,
    owners,
    pods,
    inferenceServices,
    settle: () => queue.settle(),
  };
}
