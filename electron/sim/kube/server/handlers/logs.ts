// GET /api/v1/namespaces/NS/pods/NAME/log: container, tailLines, previous, follow, limitBytes,
// sinceSeconds, sinceTime, timestamps, with the kubelet's errors for a missing container choice.
import type { ServerResponse } from 'node:http';
import { KubeError, errors } from '../../api/status';
import { getPath, isPlainObject, type KubeObject } from '../../api/types';
import type { LogLine } from '../../store/pod-logs';
import type { ResourceRequest } from './resources';

function containerNames(pod: KubeObject, key: string): string[] {
  const list = getPath(pod, `spec.${key}`);
  return Array.isArray(list) ? list.filter(isPlainObject).map((c) => String(c['name'])) : [];
}

function chooseContainer(pod: KubeObject, requested: string | null): string {
  const containers = containerNames(pod, 'containers');
  const init = containerNames(pod, 'initContainers');
  const name = pod.metadata.name;
  if (requested) {
    if (containers.includes(requested) || init.includes(requested)) return requested;
    throw errors.badRequest(`container ${requested} is not valid for pod ${name}`);
  }
  // kubectl.kubernetes.io/default-container is honoured by kubectl, not by the API server.
  if (containers.length === 1 && containers[0]) return containers[0];
  throw errors.badRequest(
    `a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]${init.length ? ` or one of the init containers: [${init.join(' ')}]` : ''}`,
  );
}

function containerState(pod: KubeObject, container: string): Record<string, unknown> | undefined {
  for (const key of ['containerStatuses', 'initContainerStatuses']) {
    const list = getPath(pod, `status.${key}`);
    if (!Array.isArray(list)) continue;
    const status = list.find((s) => isPlainObject(s) && s['name'] === container);
    if (isPlainObject(status)) return status;
  }
  return undefined;
}

function formatLine(line: LogLine, timestamps: boolean): string {
  // The kubelet prefixes RFC 3339 timestamps with nanoseconds.
  return timestamps
    ? `${new Date(line.ts).toISOString().replace(/Z$/, '000000Z')} ${line.text}\n`
    : `${line.text}\n`;
}

function writeLimited(res: ServerResponse, text: string, budget: { left: number }): boolean {
  if (budget.left <= 0) return false;
  const buf = Buffer.from(text, 'utf8');
  if (buf.length > budget.left) {
    res.write(buf.subarray(0, budget.left));
    budget.left = 0;
    return false;
  }
  res.write(buf);
  budget.left -= buf.length;
  return true;
}

export function handleLog(r: ResourceRequest): void {
  const { ctx, url, res } = r;
  const pod = ctx.store.mustGet(r.type, r.namespace, r.info.name).obj;
  const container = chooseContainer(pod, url.searchParams.get('container'));
  const previous = url.searchParams.get('previous') === 'true';
  const follow = url.searchParams.get('follow') === 'true' && !previous;
  const timestamps = url.searchParams.get('timestamps') === 'true';
  const status = containerState(pod, container);
  const state = isPlainObject(status?.['state']) ? status['state'] : {};

  if (previous && !ctx.logs.has(r.namespace, r.info.name, container, true)) {
    throw errors.badRequest(
      `previous terminated container "${container}" in pod "${r.info.name}" not found`,
    );
  }
  const waiting = isPlainObject(state['waiting']) ? state['waiting'] : undefined;
  if (!previous && waiting && !ctx.logs.has(r.namespace, r.info.name, container)) {
    const reason = String(waiting['reason'] ?? 'ContainerCreating');
    throw errors.badRequest(
      `container "${container}" in pod "${r.info.name}" is waiting to start: ${reason === 'ContainerCreating' ? 'ContainerCreating' : reason === 'ImagePullBackOff' || reason === 'ErrImagePull' ? 'trying and failing to pull image' : reason}`,
    );
  }

  let lines = ctx.logs.read(r.namespace, r.info.name, container, previous);
  const sinceSeconds = Number(url.searchParams.get('sinceSeconds') ?? '0');
  const sinceTime = url.searchParams.get('sinceTime');
  const since =
    sinceSeconds > 0
      ? ctx.clock.nowMs() - sinceSeconds * 1000
      : sinceTime
        ? Date.parse(sinceTime)
        : NaN;
  if (!Number.isNaN(since)) lines = lines.filter((l) => l.ts >= since);
  const tailText = url.searchParams.get('tailLines');
  if (tailText !== null) {
    const tail = Number(tailText);
    if (!Number.isInteger(tail) || tail < 0)
      throw new KubeError(
        422,
        'Invalid',
        `tailLines: Invalid value: "${tailText}": must be greater than or equal to 0`,
      );
    lines = tail === 0 ? [] : lines.slice(-tail);
  }
  const limitText = url.searchParams.get('limitBytes');
  const budget = { left: limitText !== null ? Math.max(0, Number(limitText)) : Infinity };

  res.writeHead(200, {
    'Content-Type': 'text/plain',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  for (const line of lines) {
    if (!writeLimited(res, formatLine(line, timestamps), budget)) {
      res.end();
      return;
    }
  }
  const running = isPlainObject(state['running']);
  if (!follow || !running) {
    res.end();
    return;
  }
  res.flushHeaders();
  const stop = ctx.logs.follow(
    r.namespace,
    r.info.name,
    container,
    (line) => {
      if (!writeLimited(res, formatLine(line, timestamps), budget)) {
        stop();
        res.end();
      }
    },
    () => {
      stop();
      if (!res.writableEnded) res.end();
    },
  );
  r.req.on('close', stop);
}
