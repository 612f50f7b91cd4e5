// Bulk objects for scale tests: tens of thousands of realistic pods (spread over team namespaces
// and nodes, a few crash-looping or OOM-restarted) and Argo workflows in every phase.
// generateScaleObjects builds them (pure and fast); seedScaleObjects puts them in a simulator.
import { randomUUID } from 'node:crypto';
import { kubeTime, type KubeObject } from '../api/types';
import type { SimRuntime } from '../runtime';

export interface ScaleOptions {
  pods: number;
  workflows: number;
  namespaces?: number;
  now?: number;
}

const teams = [
  'fraud-detection',
  'recommendations',
  'search-ranking',
  'feature-store',
  'ml-platform',
  'forecasting',
  'nlp',
  'vision',
  'ads-ranking',
  'risk',
];
const apps = [
  'model-server',
  'feature-api',
  'batch-scorer',
  'embedding-service',
  'trainer',
  'data-loader',
  'drift-monitor',
];

export function generateScaleObjects(opts: ScaleOptions): KubeObject[] {
  const now = opts.now ?? Date.now();
  const nsCount = Math.max(1, Math.min(opts.namespaces ?? 10, 50));
  const namespaces = Array.from(
    { length: nsCount },
    (_, i) =>
      `scale-${teams[i % teams.length]}${i >= teams.length ? `-${Math.floor(i / teams.length)}` : ''}`,
  );
  const out: KubeObject[] = namespaces.map((name) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      creationTimestamp: kubeTime(now - 90 * 86_400_000),
      labels: { 'ml-platform.example/team': name.replace(/^scale-/, '') },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }));
  const nodeCount = Math.max(1, Math.ceil(opts.pods / 100));
  for (let n = 0; n < nodeCount; n++) {
    const gpu = n % 4 === 0;
    out.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: `scale-node-${String(n).padStart(4, '0')}`,
        creationTimestamp: kubeTime(now - 30 * 86_400_000),
        labels: {
          'kubernetes.io/hostname': `scale-node-${String(n).padStart(4, '0')}`,
          'kubernetes.io/os': 'linux',
          'node.kubernetes.io/instance-type': gpu ? 'p4d.24xlarge' : 'm6i.8xlarge',
          ...(gpu
            ? {
                'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB',
                'nvidia.com/gpu.count': '8',
                'nvidia.com/gpu.present': 'true',
              }
            : {}),
        },
      },
      spec: {},
      status: {
        capacity: {
          cpu: gpu ? '96' : '32',
          memory: gpu ? '1176225016Ki' : '131000000Ki',
          pods: '110',
          ...(gpu ? { 'nvidia.com/gpu': '8' } : {}),
        },
        allocatable: {
          cpu: gpu ? '95500m' : '31500m',
          memory: gpu ? '1170000000Ki' : '127000000Ki',
          pods: '110',
          ...(gpu ? { 'nvidia.com/gpu': '8' } : {}),
        },
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            reason: 'KubeletReady',
            message: 'kubelet is posting ready status',
            lastHeartbeatTime: kubeTime(now),
            lastTransitionTime: kubeTime(now - 30 * 86_400_000),
          },
        ],
        addresses: [
          { type: 'InternalIP', address: `10.1.${Math.floor(n / 250)}.${(n % 250) + 2}` },
        ],
        nodeInfo: {
          kubeletVersion: 'v1.30.4',
          osImage: 'Amazon Linux 2',
          containerRuntimeVersion: 'containerd://1.7.22',
          kernelVersion: '5.10.225',
          architecture: 'amd64',
          operatingSystem: 'linux',
        },
      },
    });
  }
  const hourAgo = kubeTime(now - 3_600_000);
  const halfHourAgo = kubeTime(now - 1_800_000);
  for (let i = 0; i < opts.pods; i++) {
    const ns = namespaces[i % nsCount]!;
    const app = apps[i % apps.length]!;
    const hash = (i % 97).toString(36).padStart(2, 'x') + 'c7d9f';
    const name = `${app}-${hash}-${i.toString(36).padStart(5, '0')}`;
    const created = now - ((i * 7919) % (14 * 86_400_000));
    // Formatting dates dominates generation time: a few strings per pod, reused.
    const createdAt = kubeTime(created);
    const readyAt = kubeTime(created + 25_000);
    const kind = i % 50;
    const node = `scale-node-${String(i % nodeCount).padStart(4, '0')}`;
    const main: Record<string, unknown> =
      kind === 7
        ? {
            waiting: {
              reason: 'CrashLoopBackOff',
              message: 'back-off 5m0s restarting failed container',
            },
          }
        : kind === 13
          ? {
              waiting: {
                reason: 'ImagePullBackOff',
                message: `Back-off pulling image "registry.example.com/${app}:v2.0.${i % 10}"`,
              },
            }
          : { running: { startedAt: readyAt } };
    const restarts = kind === 7 ? 12 : kind === 21 ? 2 : 0;
    out.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: ns,
        uid: randomUUID(),
        creationTimestamp: createdAt,
        labels: {
          app,
          'app.kubernetes.io/name': app,
          'pod-template-hash': hash,
          'ml-platform.example/team': ns.replace(/^scale-/, ''),
          tier: i % 3 === 0 ? 'gpu' : 'cpu',
        },
      },
      spec: {
        nodeName: node,
        restartPolicy: 'Always',
        serviceAccountName: 'default',
        containers: [
          {
            name: 'main',
            image: `registry.example.com/${app}:v1.${i % 20}.0`,
            env:
              app === 'model-server'
                ? [
                    {
                      name: 'MODEL_URI',
                      value: `models:/${['fraud-detector', 'churn-model', 'ranking-model'][i % 3]}/${(i % 9) + 1}`,
                    },
                  ]
                : [],
            resources:
              i % 3 === 0
                ? {
                    requests: { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '1' },
                    limits: { memory: '16Gi', 'nvidia.com/gpu': '1' },
                  }
                : { requests: { cpu: '500m', memory: '1Gi' } },
          },
        ],
      },
      status: {
        phase: kind === 13 ? 'Pending' : 'Running',
        hostIP: `10.1.${Math.floor((i % nodeCount) / 250)}.${((i % nodeCount) % 250) + 2}`,
        podIP: `10.${100 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`,
        startTime: createdAt,
        qosClass: 'Burstable',
        conditions: [
          {
            type: 'Ready',
            status: kind === 7 || kind === 13 ? 'False' : 'True',
            lastProbeTime: null,
            lastTransitionTime: readyAt,
          },
          {
            type: 'PodScheduled',
            status: 'True',
            lastProbeTime: null,
            lastTransitionTime: createdAt,
          },
        ],
        containerStatuses: [
          {
            name: 'main',
            image: `registry.example.com/${app}:v1.${i % 20}.0`,
            ready: !(kind === 7 || kind === 13),
            started: !(kind === 7 || kind === 13),
            restartCount: restarts,
            state: main,
            lastState: restarts
              ? {
                  terminated: {
                    exitCode: kind === 21 ? 137 : 1,
                    reason: kind === 21 ? 'OOMKilled' : 'Error',
                    startedAt: hourAgo,
                    finishedAt: halfHourAgo,
                  },
                }
              : {},
          },
        ],
      },
    });
  }
  const phases = ['Succeeded', 'Succeeded', 'Succeeded', 'Failed', 'Running', 'Succeeded', 'Error'];
  for (let w = 0; w < opts.workflows; w++) {
    const ns = namespaces[w % nsCount]!;
    const name = `scale-pipeline-${w.toString(36).padStart(5, '0')}`;
    const phase = phases[w % phases.length]!;
    const started = now - ((w * 104729) % (30 * 86_400_000));
    const startedAt = kubeTime(started);
    const finished = phase === 'Running' ? null : kubeTime(started + 1_800_000);
    const steps = ['extract', 'train', 'evaluate'];
    const nodes: Record<string, unknown> = {
      [name]: {
        id: name,
        name,
        displayName: name,
        type: 'DAG',
        templateName: 'pipeline',
        phase,
        startedAt,
        finishedAt: finished,
        children: [`${name}-1`],
      },
    };
    steps.forEach((s, k) => {
      const failedHere = (phase === 'Failed' || phase === 'Error') && k === 1;
      nodes[`${name}-${k + 1}`] = {
        id: `${name}-${k + 1}`,
        name: `${name}.${s}`,
        displayName: s,
        type: 'Pod',
        templateName: s,
        boundaryID: name,
        phase:
          phase === 'Running' && k === 1
            ? 'Running'
            : failedHere
              ? 'Failed'
              : phase === 'Running' && k === 2
                ? 'Pending'
                : k === 2 && phase !== 'Succeeded'
                  ? 'Omitted'
                  : 'Succeeded',
        ...(failedHere
          ? { message: w % 2 ? 'OOMKilled (exit code 137)' : 'Error (exit code 1)' }
          : {}),
        startedAt: k === 0 ? startedAt : kubeTime(started + k * 600_000),
        finishedAt:
          phase === 'Running' && k >= 1
            ? null
            : k === 2
              ? finished
              : kubeTime(started + (k + 1) * 600_000),
        ...(k < 2 ? { children: [`${name}-${k + 2}`] } : {}),
      };
    });
    out.push({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: {
        name,
        namespace: ns,
        uid: randomUUID(),
        creationTimestamp: startedAt,
        generation: 1,
        labels: {
          'workflows.argoproj.io/phase': phase,
          'workflows.argoproj.io/completed': String(phase !== 'Running'),
          'ml-platform.example/pipeline': ['training', 'feature', 'batch-scoring'][w % 3]!,
        },
      },
      spec: {
        entrypoint: 'pipeline',
        templates: [
          {
            name: 'pipeline',
            dag: {
              tasks: steps.map((s, k) => ({
                name: s,
                template: s,
                ...(k ? { dependencies: [steps[k - 1]] } : {}),
              })),
            },
          },
        ],
      },
      status: {
        phase,
        startedAt,
        finishedAt: finished,
        progress: phase === 'Succeeded' ? '3/3' : '1/3',
        nodes,
        ...(phase === 'Failed'
          ? { message: `child '${name}-2' failed` }
          : phase === 'Error'
            ? { message: 'error in entry template execution' }
            : {}),
      },
    });
  }
  return out;
}

/** Puts generated objects straight into the store (no copies: they are fresh). */
export function seedScaleObjects(rt: SimRuntime, opts: ScaleOptions): void {
  const objects = generateScaleObjects({ ...opts, now: opts.now ?? rt.clock.nowMs() });
  const workflows = rt.registry.find('argoproj.io', 'workflows');
  for (const obj of objects) {
    if (obj.kind === 'Workflow' && !workflows) continue;
    rt.store.create(obj, { keepMetadata: true, noCopy: true });
  }
}
