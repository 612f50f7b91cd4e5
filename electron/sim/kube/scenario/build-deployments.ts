// Seeds Deployments with their revision history: one ReplicaSet per revision (annotated with
// deployment.kubernetes.io/revision, owned by the Deployment, named NAME-<pod-template-hash>), and
// running pods for the current one, so `kubectl rollout history|undo` and the console's
// "what changed" view have something real to show.
import { randomUUID } from 'node:crypto';
import { getPath, kubeTime, type KubeObject } from '../api/types';
import { podTemplateHash } from '../controllers/deployment-controller';
import { controllerRef } from '../controllers/helpers';
import type { SimRuntime } from '../runtime';
import { buildPod, type ContainerInput, type ContainerOutcome } from './pod-builder';
import type { DeploymentSpec, PodOverride } from './schema';
import { fnv32a, parseDuration } from './time';
import { pickNode } from './placement';

export interface SeedRevision {
  template: Record<string, unknown>;
  createdAt: number;
  annotations?: Record<string, string>;
}

const suffixChars = 'bcdfghjklmnpqrstvwxz2456789';
function stableSuffix(text: string): string {
  let h = fnv32a(text);
  let s = '';
  for (let i = 0; i < 5; i++) {
    s += suffixChars[h % suffixChars.length];
    h = (Math.floor(h / suffixChars.length) ^ fnv32a(`${text}${i}`)) >>> 0;
  }
  return s;
}

function outcomeFor(
  override: PodOverride | undefined,
  startedAt: number,
  now: number,
): ContainerOutcome {
  const lastAt = override?.lastTerminatedAgo
    ? now - parseDuration(override.lastTerminatedAgo)
    : now - 20 * 60_000;
  const last = override?.lastTerminated
    ? {
        reason: override.lastTerminated,
        exitCode: override.lastTerminated === 'OOMKilled' ? 137 : 1,
        at: lastAt,
      }
    : undefined;
  if (override?.waiting) {
    return {
      state: 'waiting',
      reason: override.waiting,
      ...(override.waiting === 'CrashLoopBackOff'
        ? { message: 'back-off 5m0s restarting failed container' }
        : {}),
      ...(override.restarts ? { restarts: override.restarts } : {}),
      ...(last ? { lastTerminated: last } : {}),
    };
  }
  return {
    state: 'running',
    startedAt: last ? last.at + 5000 : startedAt,
    ...(override?.restarts ? { restarts: override.restarts } : {}),
    ...(last ? { lastTerminated: last } : {}),
  };
}

/** Writes a Deployment, its ReplicaSets (one per revision) and the current revision's pods. */
export function seedDeployment(
  rt: SimRuntime,
  deployment: KubeObject,
  revisions: SeedRevision[],
  opts: { now: number; overrides?: PodOverride[]; log?: string; readyReplicas?: number } = {
    now: Date.now(),
  },
): void {
  const now = opts.now;
  deployment.metadata.uid ??= randomUUID();
  const current = revisions[revisions.length - 1];
  if (!current)
    throw new Error(`deployment ${deployment.metadata.name} needs at least one revision`);
  const desired = Number(getPath(deployment, 'spec.replicas') ?? 1);
  deployment.metadata.annotations = {
    ...deployment.metadata.annotations,
    'deployment.kubernetes.io/revision': String(revisions.length),
  };
  (deployment['spec'] as Record<string, unknown>)['template'] = current.template;
  rt.store.apply(deployment, { keepMetadata: true, noCopy: true });

  revisions.forEach((rev, i) => {
    const hash = podTemplateHash(rev.template);
    const isCurrent = i === revisions.length - 1;
    const template = structuredClone(rev.template);
    const meta = (template['metadata'] ??= {}) as Record<string, unknown>;
    meta['labels'] = {
      ...((meta['labels'] as Record<string, string> | undefined) ?? {}),
      'pod-template-hash': hash,
    };
    const selector = structuredClone(
      (getPath(deployment, 'spec.selector') as Record<string, unknown>) ?? {},
    );
    selector['matchLabels'] = {
      ...((selector['matchLabels'] as Record<string, string> | undefined) ?? {}),
      'pod-template-hash': hash,
    };
    const rsName = `${deployment.metadata.name}-${hash}`;
    const replicas = isCurrent ? desired : 0;
    const rs: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rsName,
        namespace: deployment.metadata.namespace,
        uid: randomUUID(),
        creationTimestamp: kubeTime(rev.createdAt),
        generation: isCurrent ? 1 : 2,
        labels: { ...(meta['labels'] as Record<string, string>) },
        annotations: {
          ...rev.annotations,
          'deployment.kubernetes.io/desired-replicas': String(desired),
          'deployment.kubernetes.io/max-replicas': String(
            desired + Math.max(1, Math.ceil(desired / 4)),
          ),
          'deployment.kubernetes.io/revision': String(i + 1),
        },
        ownerReferences: [controllerRef(deployment)],
      },
      spec: { replicas, selector, template },
      status: { replicas: 0, observedGeneration: isCurrent ? 1 : 2 },
    };
    const rsEntry = rt.store.apply(rs, { keepMetadata: true, noCopy: true });
    if (!isCurrent) return;

    const podSpec = (template['spec'] ?? {}) as {
      containers?: ContainerInput[];
      initContainers?: ContainerInput[];
    };
    let ready = 0;
    for (let p = 0; p < desired; p++) {
      const name = `${rsName}-${stableSuffix(`${rsName}/${p}`)}`;
      const override = opts.overrides?.find((o) => o.index === p);
      const startedAt = rev.createdAt + 25_000 + p * 4000;
      const containers = (podSpec.containers ?? []).map((c, ci) => ({
        ...c,
        env: Object.fromEntries(
          ((c as unknown as { env?: { name: string; value: string }[] }).env ?? []).map((e) => [
            e.name,
            e.value,
          ]),
        ),
        outcome:
          ci === 0
            ? outcomeFor(override, startedAt, now)
            : ({ state: 'running', startedAt } as ContainerOutcome),
      }));
      const gpu = containers.some((c) => Number(c.resources?.limits?.['nvidia.com/gpu'] ?? 0) > 0);
      const node = pickNode(rt, gpu, name);
      const pod = buildPod({
        name,
        namespace: deployment.metadata.namespace ?? 'default',
        createdAt: rev.createdAt + 2000 + p * 4000,
        labels: { ...(meta['labels'] as Record<string, string>) },
        ...(meta['annotations']
          ? { annotations: meta['annotations'] as Record<string, string> }
          : {}),
        owner: controllerRef(rsEntry.obj),
        nodeName: node.name,
        hostIP: node.ip,
        podIP: `10.244.${fnv32a(rsName) % 200}.${(fnv32a(name) % 250) + 2}`,
        ...(podSpec.initContainers
          ? {
              initContainers: podSpec.initContainers.map((c) => ({
                ...c,
                env: undefined,
                outcome: {
                  state: 'completed',
                  startedAt: startedAt - 8000,
                  finishedAt: startedAt - 1000,
                } as ContainerOutcome,
              })),
            }
          : {}),
        containers,
      });
      const podEntry = rt.store.apply(pod, { keepMetadata: true, noCopy: true });
      if (
        getPath(podEntry.obj, 'status.containerStatuses.0.ready') !== false &&
        override?.waiting === undefined
      )
        ready++;
      const main = containers[0]?.name ?? 'main';
      if (override?.lastTerminated) {
        const lastAt = override.lastTerminatedAgo
          ? now - parseDuration(override.lastTerminatedAgo)
          : now - 20 * 60_000;
        rt.logs.append(
          pod.metadata.namespace ?? '',
          name,
          main,
          defaultLog(containers[0]?.env, opts.log).map((text, k) => ({
            ts: startedAt + k * 700,
            text,
          })),
        );
        rt.logs.append(pod.metadata.namespace ?? '', name, main, [
          {
            ts: lastAt - 1000,
            text:
              override.lastTerminated === 'OOMKilled'
                ? 'Killed'
                : 'RuntimeError: CUDA error: an illegal memory access was encountered',
          },
        ]);
        rt.logs.restart(pod.metadata.namespace ?? '', name, main);
      }
      if (override?.waiting !== 'ImagePullBackOff' && override?.waiting !== 'ErrImagePull') {
        const start = override?.lastTerminated
          ? (override.lastTerminatedAgo
              ? now - parseDuration(override.lastTerminatedAgo)
              : now - 20 * 60_000) + 5000
          : startedAt;
        rt.logs.append(
          pod.metadata.namespace ?? '',
          name,
          main,
          defaultLog(containers[0]?.env, opts.log).map((text, k) => ({
            ts: start + k * 700,
            text,
          })),
        );
        for (const sidecar of containers.slice(1))
          rt.logs.append(pod.metadata.namespace ?? '', name, sidecar.name, [
            { ts: startedAt, text: `${sidecar.name} started` },
          ]);
      }
    }
    const rsNext = structuredClone(rsEntry.obj);
    rsNext['status'] = {
      replicas: desired,
      fullyLabeledReplicas: desired,
      readyReplicas: opts.readyReplicas ?? ready,
      availableReplicas: opts.readyReplicas ?? ready,
      observedGeneration: 1,
    };
    rt.store.apply(rsNext, { keepMetadata: true, noCopy: true });
  });
}

function defaultLog(env: Record<string, string> | undefined, log: string | undefined): string[] {
  if (log) return log.split('\n').filter((l) => l !== '');
  const uri = env?.['MODEL_URI'] ?? env?.['STORAGE_URI'];
  return [
    'INFO:     Started server process [1]',
    'INFO:     Waiting for application startup.',
    ...(uri
      ? [
          `INFO:     Resolving ${uri} against the MLflow registry`,
          `INFO:     Loading model from ${uri}`,
          'INFO:     Model loaded in 6.41s',
        ]
      : []),
    'INFO:     Application startup complete.',
    'INFO:     Uvicorn running on http://0.0.0.0:8080 (Press CTRL+C to quit)',
  ];
}

function podTemplate(
  spec: DeploymentSpec,
  image: string,
  env: Record<string, string> | undefined,
): Record<string, unknown> {
  const labels = { app: spec.name, ...spec.labels };
  return {
    metadata: { labels },
    spec: {
      containers: [
        {
          name: spec.container ?? 'server',
          image,
          ...(spec.command ? { command: spec.command } : {}),
          ...(spec.args ? { args: spec.args } : {}),
          ...(env ? { env: Object.entries(env).map(([name, value]) => ({ name, value })) } : {}),
          ports: [{ name: 'http', containerPort: spec.port ?? 8080, protocol: 'TCP' }],
          resources: spec.resources ?? {
            requests: { cpu: '500m', memory: '1Gi' },
            limits: { memory: '2Gi' },
          },
          readinessProbe: {
            httpGet: { path: '/health/ready', port: spec.port ?? 8080 },
            periodSeconds: 10,
          },
        },
      ],
      serviceAccountName: 'model-server',
    },
  };
}

export function buildDeployments(rt: SimRuntime, specs: DeploymentSpec[], now: number): void {
  for (const spec of specs) {
    const history = spec.history ?? [];
    const revisions: SeedRevision[] = [];
    // Older revisions, oldest first; each may change the image or env relative to the current spec.
    for (const h of history) {
      revisions.push({
        template: podTemplate(
          spec,
          h.image ?? spec.image,
          h.env ? { ...spec.env, ...h.env } : spec.env,
        ),
        createdAt: now - parseDuration(h.age),
        ...(h.changeCause ? { annotations: { 'kubernetes.io/change-cause': h.changeCause } } : {}),
      });
    }
    const createdAt = now - parseDuration(spec.age, 30 * 86_400_000);
    const lastHistory = history.length
      ? parseDuration(history[history.length - 1]!.age)
      : undefined;
    const currentAt = spec.rolledOutAgo
      ? now - parseDuration(spec.rolledOutAgo)
      : lastHistory !== undefined
        ? now - lastHistory / 2
        : createdAt;
    revisions.push({
      template: podTemplate(spec, spec.image, spec.env),
      createdAt: currentAt,
      ...(spec.changeCause
        ? { annotations: { 'kubernetes.io/change-cause': spec.changeCause } }
        : {}),
    });
    const firstAt = history.length ? now - parseDuration(history[0]!.age) : createdAt;
    seedDeployment(
      rt,
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {
          name: spec.name,
          namespace: spec.namespace,
          creationTimestamp: kubeTime(Math.min(firstAt, createdAt)),
          generation: revisions.length,
          labels: { app: spec.name, ...spec.labels },
          annotations: spec.changeCause ? { 'kubernetes.io/change-cause': spec.changeCause } : {},
        },
        spec: {
          replicas: spec.replicas,
          selector: { matchLabels: { app: spec.name } },
          template: {},
          strategy: {
            type: 'RollingUpdate',
            rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
          },
          revisionHistoryLimit: 10,
          progressDeadlineSeconds: 600,
        },
      },
      revisions,
      {
        now,
        ...(spec.pods ? { overrides: spec.pods } : {}),
        ...(spec.log ? { log: spec.log } : {}),
      },
    );
  }
}
