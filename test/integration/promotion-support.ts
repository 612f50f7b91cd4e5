// What the promotion saga tests share: a real MLflow (seeded with MLflow's own Python client), the
// kube simulator, fault proxies in front of both, a console host on a data dir that survives
// restarts, and read-backs of the state with MLflow's Python client and kubectl.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type {
  CallInput,
  CallName,
  CallOutput,
  ContractError,
  Envelope,
} from '../../shared/contract';
import type { Host } from '../../electron/host/index';
import { startKubeSimulator, type KubeSimulator } from '../../electron/sim/kube/index';
import { startFaultProxy, type FaultProxy } from '../services/fault-proxy';
import { startMlflow, type MlflowServer } from '../services/mlflow';
import { startHostOnFile } from '../services/test-host';

const python = join(process.cwd(), '.venv-mlflow', 'bin', 'python');

export function kubectlBinary(): string {
  const candidates = [
    process.env['KUBECTL_BINS']?.split(':')[0],
    '/usr/bin/kubectl',
    join(process.cwd(), '.cache', 'kubernetes-client', 'usr', 'bin', 'kubectl'),
  ];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('No kubectl found: install kubernetes-client or set KUBECTL_BINS');
  return found;
}

function run(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { env, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${bin} ${args.join(' ')}: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

export interface PromotionWorld {
  mlflow: MlflowServer;
  sim: KubeSimulator;
  registryFaults: FaultProxy;
  clusterFaults: FaultProxy;
  dir: string;
  workspaceFile: string;
  simKubeconfig: string;
  /** MLflow's own Python client against the real server. */
  py(script: string): Promise<string>;
  kubectl(args: string[]): Promise<string>;
  stop(): Promise<void>;
}

export async function startWorld(model: string): Promise<PromotionWorld> {
  const [mlflow, sim] = await Promise.all([
    startMlflow(),
    startKubeSimulator({
      scenario: 'ml-platform',
      realtimeClock: true,
      podStartMs: 200,
      modelServerStartMs: 400,
    }),
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'console-promotion-'));
  const registryFaults = await startFaultProxy(mlflow.url);
  const clusterFaults = await startFaultProxy(sim.url);
  const simKubeconfig = join(dir, 'sim.kubeconfig');
  await sim.writeKubeconfig(simKubeconfig);
  // The console reaches the cluster through the fault proxy (plain HTTP on loopback).
  const config = parse(sim.kubeconfig()) as {
    clusters: { cluster: Record<string, unknown> }[];
    'current-context': string;
  };
  for (const c of config.clusters) {
    c.cluster['server'] = clusterFaults.url;
    delete c.cluster['certificate-authority-data'];
    c.cluster['insecure-skip-tls-verify'] = true;
  }
  config['current-context'] = 'sim-operator';
  const consoleKubeconfig = join(dir, 'console.kubeconfig');
  await writeFile(consoleKubeconfig, stringify(config), { mode: 0o600 });
  const workspaceFile = join(dir, 'team.yaml');
  await writeFile(
    workspaceFile,
    [
      'version: 1',
      'name: Promotion test',
      'connections:',
      `  - { id: cluster, name: Cluster, kind: kubernetes, kubeconfigPaths: ["${consoleKubeconfig}"] }`,
      `  - { id: registry, name: Registry, kind: mlflow, trackingUri: "${registryFaults.url}" }`,
      'overrides:',
      '  approvals: { default: { required: 0, twoPersonRule: false } }',
      '  gates: { default: [] }',
      '',
    ].join('\n'),
  );
  const py = (script: string) =>
    run(python, ['-c', script], { ...process.env, MLFLOW_TRACKING_URI: mlflow.url });
  const kubectl = (args: string[]) =>
    run(kubectlBinary(), ['--kubeconfig', simKubeconfig, '--context', 'sim-viewer', ...args], {
      ...process.env,
      HOME: dir,
    });
  await py(
    [
      'from mlflow import MlflowClient',
      'c = MlflowClient()',
      `c.create_registered_model("${model}")`,
      `for v in range(1, 5): c.create_model_version("${model}", f"s3://models/${model}/{v}")`,
      `c.set_registered_model_alias("${model}", "champion", "3")`,
    ].join('\n'),
  );
  return {
    mlflow,
    sim,
    registryFaults,
    clusterFaults,
    dir,
    workspaceFile,
    simKubeconfig,
    py,
    kubectl,
    stop: async () => {
      await Promise.allSettled([registryFaults.stop(), clusterFaults.stop()]);
      await Promise.allSettled([sim.stop(), mlflow.stop()]);
    },
  };
}

export async function openHost(world: PromotionWorld, dataDir: string): Promise<Host> {
  const host = await startHostOnFile(dataDir, world.workspaceFile, {
    env: { ...process.env, CONSOLE_ROLLOUT_TIMEOUT_MS: '30000', CONSOLE_ROLLOUT_POLL_MS: '150' },
  });
  await host.ready;
  return host;
}

export function caller(host: () => Host) {
  const invoke = async <N extends CallName>(name: N, input: CallInput<N>) =>
    (await host().dispatcher.invoke(name, input, { transport: 'test' })) as Envelope<CallOutput<N>>;
  return {
    invoke,
    call: async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> => {
      const envelope = await invoke(name, input);
      if (!envelope.ok) {
        throw new Error(`${name}: ${envelope.error.code}: ${envelope.error.message}`);
      }
      return envelope.value;
    },
    failure: async <N extends CallName>(name: N, input: CallInput<N>): Promise<ContractError> => {
      const envelope = await invoke(name, input);
      if (envelope.ok) throw new Error(`${name} answered instead of failing`);
      return envelope.error;
    },
  };
}

/** The registered model as MLflow's own Python client reads it. */
async function pythonRegistry(world: PromotionWorld, model: string) {
  return JSON.parse(
    await world.py(
      [
        'import json',
        'from mlflow import MlflowClient',
        `m = MlflowClient().get_registered_model("${model}")`,
        'print(json.dumps({"aliases": dict(m.aliases), "tags": dict(m.tags)}))',
      ].join('\n'),
    ),
  ) as { aliases: Record<string, string>; tags: Record<string, string> };
}

/** The champion as MLflow's REST API answers it (the fast path for the fault cases). */
async function restRegistry(world: PromotionWorld, model: string) {
  const res = await fetch(
    `${world.mlflow.url}/api/2.0/mlflow/registered-models/get?name=${encodeURIComponent(model)}`,
  );
  const body = (await res.json()) as {
    registered_model: {
      aliases?: { alias: string; version: string }[];
      tags?: { key: string; value: string }[];
    };
  };
  const m = body.registered_model;
  return {
    aliases: Object.fromEntries((m.aliases ?? []).map((a) => [a.alias, a.version])),
    tags: Object.fromEntries((m.tags ?? []).map((t) => [t.key, t.value])),
  };
}

/** The state as MLflow's Python client (or, fast, its REST API) and kubectl see it. */
export async function readBack(world: PromotionWorld, model: string, viaPython = true) {
  const registry = viaPython
    ? await pythonRegistry(world, model)
    : await restRegistry(world, model);
  const isvc = (
    await world.kubectl([
      'get',
      'inferenceservice',
      model,
      '-n',
      'fraud-detection',
      '-o',
      'jsonpath={.spec.predictor.model.storageUri}',
    ])
  ).trim();
  const deployment = (
    await world.kubectl([
      'get',
      'deployment',
      `${model}-shadow`,
      '-n',
      'fraud-detection',
      '-o',
      'jsonpath={.spec.template.spec.containers[0].env[?(@.name=="MODEL_URI")].value}',
    ])
  ).trim();
  const version = (uri: string) => /\/(\d+)$/.exec(uri)?.[1] ?? uri;
  return {
    champion: registry.aliases['champion'] ?? null,
    tags: registry.tags,
    isvc: version(isvc),
    deployment: version(deployment),
  };
}
