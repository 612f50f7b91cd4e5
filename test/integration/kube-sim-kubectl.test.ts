// Real kubectl binaries against the simulated API server, unchanged: every binary found runs the
// same checks (get, describe, patch, rollout status/undo/restart, CRDs, auth can-i, 401, 403).
// Binaries: $KUBECTL_BINS (colon-separated), else `kubectl` on PATH plus the Debian kubectl the
// setup script unpacks under .cache/kubernetes-client.
import { execFile, spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubeSimulator, type KubeSimulator } from '../../electron/sim/kube/index';

function onPath(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function kubectlBinaries(): string[] {
  const fromEnv = process.env['KUBECTL_BINS'];
  const candidates = fromEnv
    ? fromEnv.split(':').filter(Boolean)
    : [
        onPath('kubectl'),
        join(process.cwd(), '.cache', 'kubernetes-client', 'usr', 'bin', 'kubectl'),
      ].filter((p): p is string => !!p && existsSync(p));
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const bin of candidates) {
    if (!existsSync(bin)) throw new Error(`KUBECTL_BINS names ${bin}, which does not exist`);
    const real = realpathSync(bin);
    if (seen.has(real)) continue;
    seen.add(real);
    unique.push(bin);
  }
  if (!unique.length) {
    throw new Error(
      'No kubectl found: install kubectl (e.g. `apt-get install kubernetes-client`, or run the setup script that unpacks it into .cache/kubernetes-client), or set KUBECTL_BINS=/path/to/kubectl[:/other/kubectl].',
    );
  }
  return unique;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const binaries = kubectlBinaries();

describe.each(binaries)('kubectl %s against the kube simulator', (bin) => {
  let sim: KubeSimulator;
  let home: string;
  let kubeconfig: string;

  const kubectl = (args: string[], opts: { context?: string; input?: string } = {}): Promise<Run> =>
    new Promise((resolve) => {
      const child = execFile(
        bin,
        ['--kubeconfig', kubeconfig, '--context', opts.context ?? 'sim-viewer', ...args],
        {
          env: { ...process.env, HOME: home, KUBECONFIG: kubeconfig },
          timeout: 60_000,
          maxBuffer: 64 * 1024 * 1024,
        },
        (error, stdout, stderr) =>
          resolve({
            code: error ? Number((error as { code?: number }).code ?? 1) : 0,
            stdout,
            stderr,
          }),
      );
      if (opts.input) child.stdin?.end(opts.input);
    });

  const ok = async (args: string[], context?: string): Promise<string> => {
    const run = await kubectl(args, context ? { context } : {});
    if (run.code !== 0)
      throw new Error(`kubectl ${args.join(' ')} failed (${run.code}): ${run.stderr}`);
    return run.stdout;
  };

  /** Runs `kubectl rollout status` while the scenario clock moves, so pods become ready. */
  const rolloutStatus = async (deployment: string, namespace: string): Promise<Run> => {
    const child = spawn(
      bin,
      [
        '--kubeconfig',
        kubeconfig,
        '--context',
        'sim-viewer',
        '-n',
        namespace,
        'rollout',
        'status',
        deployment,
        '--timeout=60s',
      ],
      {
        env: { ...process.env, HOME: home },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number>((resolve) =>
      child.on('close', (code) => resolve(code ?? 1)),
    );
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 6; i++) {
      await sim.clock.advance(5_000);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { code: await exited, stdout, stderr };
  };

  beforeAll(async () => {
    sim = await startKubeSimulator({ scenario: 'ml-platform' });
    home = await mkdtemp(join(tmpdir(), 'kube-sim-kubectl-'));
    kubeconfig = join(home, 'kubeconfig');
    await sim.writeKubeconfig(kubeconfig);
  });

  afterAll(async () => {
    await sim?.stop();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('gets pods across namespaces as a table and as JSON', async () => {
    const table = await ok(['get', 'pods', '-A']);
    expect(table.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
    expect(table).toMatch(
      /search-ranking\s+ranking-reranker-\S+\s+1\/1\s+Running\s+4 \(\d+m ago\)/,
    );
    expect(table).toMatch(/ml-platform\s+batch-scoring-dispatcher-\S+\s+0\/1\s+CrashLoopBackOff/);
    expect(table).toMatch(
      /feature-store\s+feature-backfill-hourly-\d+-backfill-\d+\s+1\/2\s+ImagePullBackOff/,
    );

    const list = JSON.parse(await ok(['get', 'pods', '--all-namespaces', '-o', 'json'])) as {
      kind: string;
      items: { metadata: { namespace: string } }[];
    };
    expect(list.kind).toBe('List');
    expect(new Set(list.items.map((p) => p.metadata.namespace)).size).toBeGreaterThanOrEqual(6);
    expect(list.items.length).toBe(sim.store.list('v1', 'Pod').length);
  });

  it('gets nodes, deployments and selected pods', async () => {
    const nodes = await ok(['get', 'nodes', '-L', 'nvidia.com/gpu.product']);
    expect(nodes).toMatch(/gpu-h100-02\s+Ready,SchedulingDisabled/);
    expect(nodes).toContain('NVIDIA-A100-SXM4-80GB');
    const deploys = await ok([
      'get',
      'deploy',
      '-n',
      'fraud-detection',
      'fraud-detector-shadow',
      '-o',
      'jsonpath={.spec.template.spec.containers[0].env[0].value}',
    ]);
    expect(deploys).toBe('models:/fraud-detector/4');
    const selected = await ok([
      'get',
      'pods',
      '-n',
      'search-ranking',
      '-l',
      'app in (ranking-reranker)',
      '--field-selector',
      'status.phase=Running',
      '-o',
      'name',
    ]);
    expect(selected.trim().split('\n')).toHaveLength(2);
  });

  it('gets Argo workflows and KServe InferenceServices through their CRDs', async () => {
    const workflows = await ok(['get', 'workflows', '-n', 'search-ranking']);
    expect(workflows.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+AGE/);
    expect(workflows).toMatch(/ranking-model-train-manual-x7k2p\s+Running/);
    expect(workflows).toMatch(/ranking-model-train-\d+\s+Failed/);
    const wide = await ok(['get', 'wf', '-n', 'search-ranking', '-o', 'wide']);
    expect(wide).toContain('Step exceeded its deadline');
    const isvc = await ok(['get', 'isvc', '-A']);
    expect(isvc).toMatch(
      /churn-model\s+http:\/\/churn-model\.recommendations\.example\.com\s+True\s+90\s+10/,
    );
    expect(isvc).toMatch(/ranking-model\s+\S+\s+False/);
    expect(await ok(['get', 'crd'])).toContain('workflows.argoproj.io');
  });

  it('describes a pod with its events and a workflow', async () => {
    const pending = await ok([
      'get',
      'pods',
      '-n',
      'feature-store',
      '--field-selector',
      'status.phase=Pending',
      '-o',
      'name',
    ]);
    const stuck = pending.split('\n').find((p) => p.includes('feature-backfill-hourly'));
    const out = await ok(['describe', '-n', 'feature-store', stuck!.trim()]);
    expect(out).toContain('ImagePullBackOff');
    expect(out).toMatch(
      /Warning\s+Failed\s+.*Failed to pull image "registry\.example\.com\/data\/feature-backfill:1\.9\.1-rc"/,
    );
    const wf = await ok([
      'describe',
      'wf',
      '-n',
      'search-ranking',
      'ranking-model-train-manual-x7k2p',
    ]);
    expect(wf).toContain('WorkflowRunning');
  });

  it('reads logs and previous logs', async () => {
    const pods = await ok([
      'get',
      'pods',
      '-n',
      'recommendations',
      '-l',
      'workflows.argoproj.io/workflow',
      '-o',
      'name',
    ]);
    const validate = pods.split('\n').filter((p) => p.includes('-validate-'));
    // Argo pods have init, wait and main; kubectl >= 1.21 would pick main from the
    // kubectl.kubernetes.io/default-container annotation, older ones need -c.
    const logs = await Promise.all(
      validate.map((p) =>
        ok(['logs', '-n', 'recommendations', p.trim(), '-c', 'main', '--tail', '3']),
      ),
    );
    expect(logs.join('\n')).toContain("upstream export changed 'tenure_months' -> 'tenure_days'");
    const unnamed = await kubectl([
      'logs',
      '-n',
      'recommendations',
      validate[0]!.trim(),
      '-c',
      'nope',
    ]);
    expect(unnamed.stderr).toContain('container nope is not valid for pod');
    const reranker = (
      await ok(['get', 'pods', '-n', 'search-ranking', '-l', 'app=ranking-reranker', '-o', 'name'])
    )
      .trim()
      .split('\n');
    const previous = await Promise.all(
      reranker.map((p) => kubectl(['logs', '-n', 'search-ranking', p, '--previous'])),
    );
    expect(previous.some((r) => r.code === 0 && r.stdout.trim().endsWith('Killed'))).toBe(true);
  });

  it('patches (strategic merge by default), and a CRD with --type merge', async () => {
    const patch =
      '{"spec":{"template":{"spec":{"containers":[{"name":"server","env":[{"name":"MODEL_URI","value":"models:/churn-model/4"}]}]}}}}';
    expect(
      await ok(
        ['patch', '-n', 'recommendations', 'deployment', 'churn-model-api', '-p', patch],
        'sim-operator',
      ),
    ).toContain('patched');
    const env = JSON.parse(
      await ok([
        'get',
        '-n',
        'recommendations',
        'deploy',
        'churn-model-api',
        '-o',
        'jsonpath={.spec.template.spec.containers[0].env}',
      ]),
    ) as { name: string; value: string }[];
    expect(env).toEqual([
      { name: 'MODEL_URI', value: 'models:/churn-model/4' },
      { name: 'MLFLOW_TRACKING_URI', value: 'http://mlflow.ml-platform:5000' },
    ]);
    const wf = await ok(
      [
        'patch',
        '-n',
        'ml-platform',
        'wf',
        'model-validation-9qzt4',
        '--type',
        'merge',
        '-p',
        '{"metadata":{"labels":{"triaged":"true"}}}',
      ],
      'sim-operator',
    );
    expect(wf).toContain('patched');
    const strategicOnCrd = await kubectl(
      [
        'patch',
        '-n',
        'ml-platform',
        'wf',
        'model-validation-9qzt4',
        '-p',
        '{"metadata":{"labels":{"x":"y"}}}',
      ],
      { context: 'sim-operator' },
    );
    expect(strategicOnCrd.code).not.toBe(0);
    expect(strategicOnCrd.stderr).toMatch(/not supported|UnsupportedMediaType|unknown format/);
  });

  it('follows a rollout, undoes it and restarts it', async () => {
    const status = await rolloutStatus('deployment/churn-model-api', 'recommendations');
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('successfully rolled out');

    const history = await ok([
      'rollout',
      'history',
      '-n',
      'recommendations',
      'deployment/churn-model-api',
    ]);
    expect(history).toMatch(/^4\s+/m);

    expect(
      await ok(
        ['rollout', 'undo', '-n', 'recommendations', 'deployment/churn-model-api'],
        'sim-operator',
      ),
    ).toContain('rolled back');
    expect((await rolloutStatus('deployment/churn-model-api', 'recommendations')).code).toBe(0);
    const env = await ok([
      'get',
      '-n',
      'recommendations',
      'deploy',
      'churn-model-api',
      '-o',
      'jsonpath={.spec.template.spec.containers[0].env[0].value}',
    ]);
    expect(env).toBe('models:/churn-model/3');
    // Rolling back revives revision 3 as revision 5, so 3 leaves the history.
    const after = await ok([
      'rollout',
      'history',
      '-n',
      'recommendations',
      'deployment/churn-model-api',
    ]);
    expect(after).toMatch(/^5\s+/m);
    expect(after).not.toMatch(/^3\s+/m);

    expect(
      await ok(
        ['rollout', 'restart', '-n', 'recommendations', 'deployment/churn-model-api'],
        'sim-operator',
      ),
    ).toContain('restarted');
    const restarted = await rolloutStatus('deployment/churn-model-api', 'recommendations');
    expect(restarted.code).toBe(0);
    const annotations = await ok([
      'get',
      '-n',
      'recommendations',
      'deploy',
      'churn-model-api',
      '-o',
      'jsonpath={.spec.template.metadata.annotations}',
    ]);
    expect(annotations).toContain('kubectl.kubernetes.io/restartedAt');
    expect(await ok(['get', 'rs', '-n', 'recommendations', '-l', 'app=churn-model-api'])).toMatch(
      /churn-model-api-\S+\s+3\s+3\s+3/,
    );
  });

  it('answers auth can-i from RBAC', async () => {
    const yes = await kubectl(['auth', 'can-i', 'list', 'pods', '-n', 'recommendations']);
    expect([yes.code, yes.stdout.trim()]).toEqual([0, 'yes']);
    const no = await kubectl(['auth', 'can-i', 'patch', 'deployments', '-n', 'recommendations']);
    expect(no.stdout.trim()).toBe('no');
    const secrets = await kubectl(['auth', 'can-i', 'get', 'secrets', '-n', 'recommendations']);
    expect(secrets.stdout.trim()).toBe('no');
    const operator = await kubectl(
      ['auth', 'can-i', 'patch', 'inferenceservices.serving.kserve.io', '-n', 'recommendations'],
      { context: 'sim-operator' },
    );
    expect(operator.stdout.trim()).toBe('yes');
    const team = await kubectl(['auth', 'can-i', 'list', 'pods', '-n', 'recommendations'], {
      context: 'sim-team',
    });
    expect(team.stdout.trim()).toBe('no');
  });

  it('is refused with a wrong token (401) and outside the team namespaces (403)', async () => {
    const unauthorized = await kubectl([
      'get',
      'pods',
      '-n',
      'fraud-detection',
      '--token',
      'not-a-token',
    ]);
    expect(unauthorized.code).not.toBe(0);
    expect(unauthorized.stderr).toMatch(/Unauthorized|must be logged in/);

    const allowed = await ok(['get', 'pods', '-n', 'fraud-detection'], 'sim-team');
    expect(allowed).toContain('fraud-detector');
    const forbidden = await kubectl(['get', 'pods', '-n', 'recommendations'], {
      context: 'sim-team',
    });
    expect(forbidden.code).not.toBe(0);
    expect(forbidden.stderr).toContain(
      'Error from server (Forbidden): pods is forbidden: User "data-scientist@fraud-detection.example" cannot list resource "pods" in API group "" in the namespace "recommendations"',
    );
    const viewerWrite = await kubectl(['delete', 'pod', '-n', 'fraud-detection', '--all']);
    expect(viewerWrite.stderr).toContain('(Forbidden)');
  });
});
