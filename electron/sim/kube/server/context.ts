// Everything a request handler can reach.
import type { ResourceRegistry } from '../api/registry';
import type { Rbac, SimUser } from '../auth/rbac';
import type { UserDirectory } from '../auth/users';
import type { WorkQueue } from '../controllers/work-queue';
import type { ScenarioClock } from '../scenario/clock';
import type { ObjectStore } from '../store/object-store';
import type { PodLogs } from '../store/pod-logs';
import type { WatchHub } from '../store/watch-hub';

export interface SimContext {
  registry: ResourceRegistry;
  store: ObjectStore;
  hub: WatchHub;
  rbac: Rbac;
  users: UserDirectory;
  logs: PodLogs;
  clock: ScenarioClock;
  queue: WorkQueue;
  /** "namespace/service:port" -> "http://127.0.0.1:PORT" */
  proxyTargets: Map<string, string>;
  continueTtlMs: number;
  /** Delete dependents' owners who asked for orphaning (DeleteOptions.propagationPolicy=Orphan). */
  orphaned: Set<string>;
}

export interface RequestUser {
  user: SimUser;
}
