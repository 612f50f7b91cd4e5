// A cluster without Argo Workflows: the console says the CRD is not installed and still shows
// the cluster's Jobs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CallOutput, Envelope } from '../../shared/contract';
import type { Host } from '../../electron/host/index';
import { startKubeSimulator, type KubeSimulator } from '../../electron/sim/kube/index';
import { startHostOnSimulator } from '../services/test-host';

let dataDir: string;
let host: Host;
let sim: KubeSimulator;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'console-no-argo-'));
  const scenario = join(dataDir, 'no-argo.yaml');
  writeFileSync(
    scenario,
    [
      'name: no-argo',
      'crds: []',
      'namespaces: [ml]',
      'jobs:',
      '  - { namespace: ml, name: nightly-report, image: "r:1", startedAgo: 1h, duration: 2m, outcome: Complete }',
      '',
    ].join('\n'),
  );
  sim = await startKubeSimulator({ scenario });
  ({ host } = await startHostOnSimulator(sim, dataDir, ['sim-viewer']));
}, 60_000);

afterAll(async () => {
  await host?.close();
  await sim?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('reports Argo Workflows as not installed and keeps the Jobs', async () => {
  const answer = (await host.dispatcher.invoke(
    'pipelines.runs',
    { from: 'live' },
    { transport: 'test' },
  )) as Envelope<CallOutput<'pipelines.runs'>>;
  if (!answer.ok) throw new Error(answer.error.message);
  const [cluster] = answer.value.value!.clusters;
  expect(cluster).toMatchObject({ context: 'sim-viewer', state: 'live' });
  expect(cluster!.problems).toEqual([
    {
      resource: 'Argo Workflows',
      error: expect.objectContaining({
        code: 'not_found',
        message: expect.stringMatching(/not installed/),
      }),
    },
  ]);
  expect(answer.value.value!.runs.map((r) => [r.kind, r.name, r.status])).toEqual([
    ['Job', 'nightly-report', 'Succeeded'],
  ]);
});
