// The STATUS, READY and RESTARTS cells of `kubectl get pods`, computed as the API server's
// printPod does (pkg/printers/internalversion/printers.go).
import { ageOf } from './age';
import { isPlainObject, type KubeObject } from '../api/types';

interface ContainerState {
  waiting?: { reason?: string };
  running?: { startedAt?: string };
  terminated?: { reason?: string; exitCode?: number; signal?: number; finishedAt?: string };
}
interface ContainerStatus {
  name: string;
  ready?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}

function statuses(pod: KubeObject, key: string): ContainerStatus[] {
  const status = pod['status'];
  if (!isPlainObject(status) || !Array.isArray(status[key])) return [];
  return status[key] as ContainerStatus[];
}

export function podStatusReason(pod: KubeObject): string {
  const status = isPlainObject(pod['status']) ? pod['status'] : {};
  let reason = String(status['reason'] ?? status['phase'] ?? 'Pending');
  const init = statuses(pod, 'initContainerStatuses');
  const spec = isPlainObject(pod['spec']) ? pod['spec'] : {};
  const initCount = Array.isArray(spec['initContainers'])
    ? spec['initContainers'].length
    : init.length;
  let initializing = false;
  for (const [i, c] of init.entries()) {
    const t = c.state?.terminated;
    if (t && t.exitCode === 0) continue;
    if (t) {
      reason = t.reason
        ? `Init:${t.reason}`
        : t.signal
          ? `Init:Signal:${t.signal}`
          : `Init:ExitCode:${t.exitCode ?? 0}`;
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`;
    } else reason = `Init:${i}/${initCount}`;
    initializing = true;
    break;
  }
  if (!initializing) {
    let hasRunning = false;
    for (const c of [...statuses(pod, 'containerStatuses')].reverse()) {
      const s = c.state ?? {};
      if (s.waiting?.reason) reason = s.waiting.reason;
      else if (s.terminated?.reason) reason = s.terminated.reason;
      else if (s.terminated)
        reason = s.terminated.signal
          ? `Signal:${s.terminated.signal}`
          : `ExitCode:${s.terminated.exitCode ?? 0}`;
      else if (s.running && c.ready) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) reason = 'Running';
  }
  if (pod.metadata.deletionTimestamp)
    reason = status['reason'] === 'NodeLost' ? 'Unknown' : 'Terminating';
  return reason;
}

export function podReady(pod: KubeObject): string {
  const cs = statuses(pod, 'containerStatuses');
  const spec = isPlainObject(pod['spec']) ? pod['spec'] : {};
  const total = Array.isArray(spec['containers']) ? spec['containers'].length : cs.length;
  return `${cs.filter((c) => c.ready).length}/${total}`;
}

export function podRestarts(pod: KubeObject, now: number): string {
  let restarts = 0;
  let last = 0;
  for (const c of statuses(pod, 'containerStatuses')) {
    restarts += c.restartCount ?? 0;
    const finished = c.lastState?.terminated?.finishedAt;
    if (finished) last = Math.max(last, Date.parse(finished));
  }
  return restarts > 0 && last > 0
    ? `${restarts} (${ageOf(new Date(last).toISOString(), now)} ago)`
    : String(restarts);
}
