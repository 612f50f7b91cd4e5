// The simulator serving a 20,000-pod list: to @kubernetes/client-node (what the console uses)
// and to `kubectl get pods -A -o json` on the same simulator, as the yardstick users know.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { startKubeSimulator } from '../electron/sim/kube/index';
import { median, type BenchRow } from './stats';

const run = promisify(execFile);

export function kubectlBinary(): string {
  const debian = join('.cache', 'kubernetes-client', 'usr', 'bin', 'kubectl');
  return existsSync(debian) ? debian : 'kubectl';
}

export async function benchKubeList(pods = 20_000, runs = 3): Promise<BenchRow[]> {
  const sim = await startKubeSimulator({ scenario: 'empty', scale: { pods, workflows: 0 } });
  const dir = mkdtempSync(join(tmpdir(), 'console-bench-kube-'));
  try {
    const kubeconfig = join(dir, 'kubeconfig');
    await sim.writeKubeconfig(kubeconfig);
    const kc = new KubeConfig();
    kc.loadFromFile(kubeconfig);
    kc.setCurrentContext('sim-viewer');
    const core = kc.makeApiClient(CoreV1Api);

    const clientTimes: number[] = [];
    const kubectlTimes: number[] = [];
    let listed = 0;
    const kubectl = kubectlBinary();
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      const list = await core.listPodForAllNamespaces();
      clientTimes.push(performance.now() - t);
      listed = list.items.length;
      t = performance.now();
      await run(
        kubectl,
        ['--kubeconfig', kubeconfig, '--context', 'sim-viewer', 'get', 'pods', '-A', '-o', 'json'],
        {
          maxBuffer: 1024 * 1024 * 1024,
        },
      );
      kubectlTimes.push(performance.now() - t);
    }
    if (listed < pods) throw new Error(`listed ${listed} pods, expected at least ${pods}`);
    const client = median(clientTimes);
    const cli = median(kubectlTimes);
    return [
      {
        name: `list ${pods.toLocaleString('en')} pods, @kubernetes/client-node`,
        value: client,
        unit: 'ms',
        note: `median of ${runs}`,
      },
      {
        name: `list ${pods.toLocaleString('en')} pods, kubectl get -A -o json`,
        value: cli,
        unit: 'ms',
        note: `${kubectl}, median of ${runs}`,
      },
      {
        name: 'client-node / kubectl time ratio',
        value: client / cli,
        unit: 'x',
        note: 'below 1: the console lists faster than kubectl',
      },
    ];
  } finally {
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
