// Namespaces, nodes (GPU nodes labelled the way the NVIDIA GPU operator labels them), quotas,
// services and CRDs.
import { kubeTime, type KubeObject } from '../api/types';
import { bundleCrds } from '../crds/bundles';
import type { SimRuntime } from '../runtime';
import type { NodeGroup, QuotaSpec, ScenarioFile, ServiceSpec } from './schema';
import { fnv32a, parseDuration } from './time';

function applyAll(rt: SimRuntime, objects: KubeObject[]): void {
  for (const obj of objects) rt.store.apply(obj, { keepMetadata: true, noCopy: true });
}

export function buildNamespaces(rt: SimRuntime, scenario: ScenarioFile, now: number): void {
  const wanted = [
    { name: 'default', age: '400d' },
    { name: 'kube-system', age: '400d' },
    ...(scenario.namespaces ?? []).map((n) => (typeof n === 'string' ? { name: n } : n)),
  ];
  const seen = new Set<string>();
  for (const ns of wanted) {
    if (seen.has(ns.name)) continue;
    seen.add(ns.name);
    rt.store.apply(
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: ns.name,
          creationTimestamp: kubeTime(
            now - parseDuration('age' in ns ? ns.age : undefined, 120 * 86_400_000),
          ),
          labels: { ...('labels' in ns ? ns.labels : {}) },
        },
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      },
      { keepMetadata: true, noCopy: true },
    );
  }
}

export function buildCrds(rt: SimRuntime, scenario: ScenarioFile, now: number): void {
  for (const bundle of scenario.crds ?? [])
    applyAll(rt, bundleCrds(bundle, kubeTime(now - 200 * 86_400_000)));
}

const families: Record<string, string> = {
  A100: 'ampere',
  H100: 'hopper',
  L4: 'ada-lovelace',
  A10G: 'ampere',
  T4: 'turing',
};

function nodeObject(group: NodeGroup, name: string, index: number, now: number): KubeObject {
  const zone = group.zone ?? ['us-east-1a', 'us-east-1b', 'us-east-1c'][index % 3]!;
  const ip = `10.0.${(fnv32a(group.pool) % 200) + 10}.${(fnv32a(name) % 240) + 10}`;
  const created = kubeTime(now - parseDuration(group.age, 60 * 86_400_000) - index * 3_600_000);
  const gpu = group.gpu;
  const ready = !(group.notReady ?? []).includes(name);
  const memoryKi = (text: string): number => {
    const m = /^(\d+)(Gi|Mi)$/.exec(text);
    return m ? Number(m[1]) * (m[2] === 'Gi' ? 1024 * 1024 : 1024) : 0;
  };
  const capacityKi = memoryKi(group.memory);
  const family =
    gpu?.family ??
    Object.entries(families).find(([k]) => gpu?.product.includes(k))?.[1] ??
    'ampere';
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      creationTimestamp: created,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': group.instanceType,
        'topology.kubernetes.io/region': zone.slice(0, -1),
        'topology.kubernetes.io/zone': zone,
        'eks.amazonaws.com/nodegroup': group.pool,
        'ml-platform.example/pool': group.pool,
        ...(gpu
          ? {
              'nvidia.com/gpu.present': 'true',
              'nvidia.com/gpu.product': gpu.product,
              'nvidia.com/gpu.count': String(gpu.count),
              'nvidia.com/gpu.memory': String(gpu.memoryMiB ?? 81920),
              'nvidia.com/gpu.family': family,
              'nvidia.com/cuda.driver.major': '550',
              'nvidia.com/cuda.runtime.major': '12',
              'nvidia.com/mig.capable': String(/A100|H100/.test(gpu.product)),
            }
          : {}),
        ...group.labels,
      },
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      providerID: `aws:///${zone}/i-0${(fnv32a(name) >>> 0).toString(16).padStart(8, '0')}${index}a1b2c3`,
      podCIDR: `10.244.${index + (fnv32a(group.pool) % 50)}.0/24`,
      ...((group.cordoned ?? []).includes(name) ? { unschedulable: true } : {}),
      ...(gpu || (group.cordoned ?? []).includes(name)
        ? {
            taints: [
              ...(gpu ? [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] : []),
              ...((group.cordoned ?? []).includes(name)
                ? [
                    {
                      key: 'node.kubernetes.io/unschedulable',
                      effect: 'NoSchedule',
                      timeAdded: kubeTime(now - 3_600_000),
                    },
                  ]
                : []),
            ],
          }
        : {}),
    },
    status: {
      capacity: {
        cpu: group.cpu,
        memory: `${capacityKi}Ki`,
        pods: '110',
        'ephemeral-storage': '511750Mi',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        ...(gpu ? { 'nvidia.com/gpu': String(gpu.count) } : {}),
      },
      allocatable: {
        cpu: `${Number(group.cpu) * 1000 - 500}m`,
        memory: `${capacityKi - 4 * 1024 * 1024}Ki`,
        pods: '110',
        'ephemeral-storage': '482940982034',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        ...(gpu ? { 'nvidia.com/gpu': String(gpu.count) } : {}),
      },
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
          lastHeartbeatTime: kubeTime(now - 20_000),
          lastTransitionTime: created,
        },
        {
          type: 'DiskPressure',
          status: 'False',
          reason: 'KubeletHasNoDiskPressure',
          message: 'kubelet has no disk pressure',
          lastHeartbeatTime: kubeTime(now - 20_000),
          lastTransitionTime: created,
        },
        {
          type: 'PIDPressure',
          status: 'False',
          reason: 'KubeletHasSufficientPID',
          message: 'kubelet has sufficient PID available',
          lastHeartbeatTime: kubeTime(now - 20_000),
          lastTransitionTime: created,
        },
        ready
          ? {
              type: 'Ready',
              status: 'True',
              reason: 'KubeletReady',
              message: 'kubelet is posting ready status',
              lastHeartbeatTime: kubeTime(now - 20_000),
              lastTransitionTime: created,
            }
          : {
              type: 'Ready',
              status: 'Unknown',
              reason: 'NodeStatusUnknown',
              message: 'Kubelet stopped posting node status.',
              lastHeartbeatTime: kubeTime(now - 900_000),
              lastTransitionTime: kubeTime(now - 840_000),
            },
      ],
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'InternalDNS', address: `ip-${ip.replace(/\./g, '-')}.ec2.internal` },
        { type: 'Hostname', address: name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: (fnv32a(`${name}-m`) >>> 0).toString(16).padStart(32, '0'),
        systemUUID: `ec2${(fnv32a(`${name}-u`) >>> 0).toString(16).padStart(5, '0')}-0000-0000-0000-000000000000`,
        bootID: `${(fnv32a(`${name}-b`) >>> 0).toString(16).padStart(8, '0')}-1111-2222-3333-444444444444`,
        kernelVersion: '5.10.225-213.878.amzn2.x86_64',
        osImage: 'Amazon Linux 2',
        containerRuntimeVersion: 'containerd://1.7.22',
        kubeletVersion: 'v1.30.4-eks-a737599',
        kubeProxyVersion: 'v1.30.4-eks-a737599',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

export function buildNodes(rt: SimRuntime, scenario: ScenarioFile, now: number): void {
  for (const group of scenario.nodes ?? [])
    group.names.forEach((name, i) =>
      rt.store.apply(nodeObject(group, name, i, now), { keepMetadata: true, noCopy: true }),
    );
}

export function buildQuotas(rt: SimRuntime, quotas: QuotaSpec[], now: number): void {
  for (const q of quotas) {
    rt.store.apply(
      {
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: {
          name: q.name,
          namespace: q.namespace,
          creationTimestamp: kubeTime(now - parseDuration(q.age, 90 * 86_400_000)),
        },
        spec: { hard: q.hard },
        status: { hard: q.hard, used: q.used },
      },
      { keepMetadata: true, noCopy: true },
    );
  }
}

export function buildServices(rt: SimRuntime, services: ServiceSpec[], now: number): void {
  for (const s of services) {
    rt.store.apply(
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: {
          name: s.name,
          namespace: s.namespace,
          creationTimestamp: kubeTime(now - parseDuration(s.age, 90 * 86_400_000)),
          labels: s.labels ?? { 'app.kubernetes.io/name': s.name },
        },
        spec: {
          type: 'ClusterIP',
          selector: s.selector ?? { 'app.kubernetes.io/name': s.name },
          ports: s.ports.map((p) => ({
            name: p.name ?? `port-${p.port}`,
            port: p.port,
            targetPort: p.targetPort ?? p.port,
            protocol: 'TCP',
          })),
          sessionAffinity: 'None',
        },
        status: { loadBalancer: {} },
      },
      { keepMetadata: true, noCopy: true },
    );
  }
}
