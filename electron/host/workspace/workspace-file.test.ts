import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadWorkspaceFile, parseWorkspace, WorkspaceFileError } from './workspace-file';

const examplePath = fileURLToPath(new URL('../../../docs/workspace.example.yaml', import.meta.url));

/** Joins lines so that the n-th array element is line n + 1 of the file. */
const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

const head = ['version: 1', 'name: Fraud platform', 'connections:'];

function problemsOf(text: string) {
  try {
    parseWorkspace(text, 'team.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(WorkspaceFileError);
    return error as WorkspaceFileError;
  }
  throw new Error('expected the workspace to be refused');
}

describe('parseWorkspace', () => {
  it('accepts a minimal workspace and fills defaults', () => {
    const ws = parseWorkspace(
      yaml(
        ...head,
        '  - id: mlflow',
        '    name: MLflow',
        '    kind: mlflow',
        '    trackingUri: http://127.0.0.1:5000',
      ),
      'team.yaml',
    );
    expect(ws.connections[0]).toMatchObject({ kind: 'mlflow', auth: { type: 'none' } });
  });

  it('points at a value of the wrong type', () => {
    const error = problemsOf(
      yaml(
        ...head,
        '  - id: mlflow',
        '    name: MLflow',
        '    kind: mlflow',
        '    trackingUri: https://mlflow.example.com',
        '    insecureSkipTlsVerify: "yes"', // line 8
      ),
    );
    expect(error.problems).toEqual([
      {
        path: 'connections[0].insecureSkipTlsVerify',
        line: 8,
        column: 28,
        message: 'expected boolean, received string',
      },
    ]);
    expect(error.message).toBe(
      'team.yaml:8:28: connections[0].insecureSkipTlsVerify: expected boolean, received string',
    );
  });

  it('points at an unknown key', () => {
    const error = problemsOf(
      yaml(
        ...head,
        '  - id: mlflow',
        '    name: MLflow',
        '    kind: mlflow',
        '    trackingUri: https://mlflow.example.com',
        '    trackingUrl: https://typo.example.com', // line 8
        'extra: true', // line 9
      ),
    );
    expect(error.message).toBe(
      [
        'team.yaml:8:5: connections[0].trackingUrl: unknown key "trackingUrl"',
        'team.yaml:9:1: extra: unknown key "extra"',
      ].join('\n'),
    );
  });

  it('points at the mapping that lacks a required field', () => {
    const error = problemsOf(
      yaml(
        ...head,
        '  - id: kube',
        '    name: Clusters',
        '    kind: kubernetes',
        '  - id: mlflow', // line 7
        '    name: MLflow',
        '    kind: mlflow',
      ),
    );
    expect(error.message).toBe(
      'team.yaml:7:5: connections[1].trackingUri: required field is missing',
    );
  });

  it('points at the top of the file when a top-level field is missing', () => {
    const error = problemsOf(yaml('# team workspace', 'version: 1', 'connections: []'));
    expect(error.message).toBe('team.yaml:2:1: name: required field is missing');
  });

  it('points at a bad URL', () => {
    const error = problemsOf(
      yaml(
        ...head,
        '  - id: mlflow',
        '    name: MLflow',
        '    kind: mlflow',
        '    trackingUri: http//mlflow.example.com', // line 7
      ),
    );
    expect(error.problems).toEqual([
      {
        path: 'connections[0].trackingUri',
        line: 7,
        column: 18,
        message: 'not a valid URL (expected e.g. https://host:port)',
      },
    ]);
  });

  it('refuses a URL that is not http(s)', () => {
    const error = problemsOf(
      yaml(
        ...head,
        '  - id: alerts',
        '    name: Alerts',
        '    kind: alertmanager',
        '    url: alertmanager.example.com:9093', // line 7: parses as scheme "alertmanager.example.com"
      ),
    );
    expect(error.message).toBe(
      'team.yaml:7:10: connections[0].url: not a valid URL (expected e.g. https://host:port)',
    );
  });

  it('points at broken indentation', () => {
    const error = problemsOf(
      yaml(
        ...head,
        '  - id: mlflow',
        '    name: MLflow',
        '    auth:',
        '      type: none',
        '     trackingUri: https://mlflow.example.com', // line 8: one space short
      ),
    );
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ line: 8, column: 1 });
    expect(error.message).toMatch(/^team\.yaml:8:1: YAML syntax: /);
  });

  it('names every line of a key glued to the line above', () => {
    const error = problemsOf(
      yaml(...head, '  - id: mlflow', '    name: MLflow', '     kind: mlflow' /* line 6 */),
    );
    expect(error.message).toMatch(/^team\.yaml:5:11: YAML syntax: .*lines 5-6/);
  });

  it('refuses a plaintext secret, an unknown kind and a duplicate id', () => {
    const error = problemsOf(
      yaml(
        ...head,
        '  - id: mlflow',
        '    name: MLflow',
        '    kind: mlflow',
        '    trackingUri: https://mlflow.example.com',
        '    auth:',
        '      type: bearer',
        '      token: s3cr3t-token', // line 10
        '  - id: grafana',
        '    name: Grafana',
        '    kind: grafana', // line 13
      ),
    );
    expect(error.problems.map((p) => [p.line, p.path])).toEqual([
      [10, 'connections[0].auth.token'],
      [13, 'connections[1].kind'],
    ]);
    expect(error.problems[0]!.message).toMatch(/secret reference.*never goes in this file/);
    expect(error.problems[1]!.message).toBe(
      'unknown kind; expected one of kubernetes, mlflow, prometheus, alertmanager',
    );

    const duplicate = problemsOf(
      yaml(
        ...head,
        '  - {id: k, name: A, kind: kubernetes}',
        '  - {id: k, name: B, kind: kubernetes}',
      ),
    );
    expect(duplicate.message).toBe(
      'team.yaml:5:10: connections[1].id: duplicate connection id "k" (also connections.0)',
    );
  });

  it('checks that a service proxy names a kubernetes connection', () => {
    const error = problemsOf(
      yaml(
        ...head,
        '  - {id: mlflow, name: MLflow, kind: mlflow, trackingUri: "http://m"}',
        '  - id: metrics',
        '    name: Metrics',
        '    kind: prometheus',
        '    viaKubernetes: {connection: mlflow, context: prod, namespace: monitoring, service: prometheus, port: 9090}',
      ),
    );
    expect(error.message).toBe(
      'team.yaml:8:33: connections[1].viaKubernetes.connection: "mlflow" is not a kubernetes connection of this workspace',
    );
  });

  it('says so when the file is empty, or holds YAML duplicates', () => {
    expect(problemsOf('# nothing yet\n').message).toBe(
      'team.yaml:1:1: the file is empty: a workspace needs at least version, name and connections',
    );
    expect(problemsOf(yaml('version: 1', 'name: a', 'name: b', 'connections: []')).message).toMatch(
      /^team\.yaml:3:1: YAML syntax: Map keys must be unique/,
    );
  });
});

describe('loadWorkspaceFile', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('validates the documented example', async () => {
    const ws = await loadWorkspaceFile(examplePath);
    expect(ws.name).toBe('Fraud detection platform');
    expect(ws.connections.map((c) => c.kind)).toEqual([
      'kubernetes',
      'mlflow',
      'prometheus',
      'alertmanager',
    ]);
    const [kube, mlflow, metrics, alerts] = ws.connections;
    expect(kube).toMatchObject({ contexts: ['gpu-staging', 'gpu-prod'] });
    expect(mlflow).toMatchObject({
      auth: { type: 'bearer', token: { env: 'MLFLOW_TRACKING_TOKEN' } },
    });
    expect(metrics).toMatchObject({
      viaKubernetes: { connection: 'gpu-clusters', context: 'gpu-prod' },
      headers: { 'X-Scope-OrgID': 'fraud-ml' },
    });
    expect(alerts).toMatchObject({ url: 'https://alertmanager.fraud.example.com' });
    expect(Object.keys(ws.overrides?.signals ?? {})).toHaveLength(2);
  });

  it('makes relative and ~/ paths absolute', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'workspace-'));
    made.push(dir);
    const file = join(dir, 'team.yaml');
    writeFileSync(
      file,
      yaml(
        ...head,
        '  - {id: k, name: K, kind: kubernetes, kubeconfigPaths: [kube/config, /etc/kube.conf]}',
        '  - id: m',
        '    name: M',
        '    kind: mlflow',
        '    trackingUri: https://m.example.com',
        '    caFile: certs/ca.pem',
        '    auth: {type: bearer, token: {file: ~/tokens/mlflow}}',
      ),
    );
    const ws = await loadWorkspaceFile(file);
    expect(ws.connections[0]).toMatchObject({
      kubeconfigPaths: [join(dir, 'kube/config'), '/etc/kube.conf'],
    });
    expect(ws.connections[1]).toMatchObject({ caFile: join(dir, 'certs/ca.pem') });
    const token = (ws.connections[1] as { auth: { token: { file: string } } }).auth.token.file;
    expect(token.endsWith('/tokens/mlflow') && !token.startsWith('~')).toBe(true);
  });

  it('names the file it cannot read', async () => {
    await expect(loadWorkspaceFile('/nonexistent/team.yaml')).rejects.toThrow(
      'Cannot read workspace file /nonexistent/team.yaml: no such file',
    );
  });
});
