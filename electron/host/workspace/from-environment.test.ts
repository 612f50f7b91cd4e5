import { describe, expect, it } from 'vitest';
import { workspaceFromEnvironment } from './from-environment';

const home = '/home/ada';
const noFiles = { home, exists: () => false, pathDelimiter: ':' };

describe('workspaceFromEnvironment', () => {
  it('is empty when the environment says nothing', () => {
    const ws = workspaceFromEnvironment({}, noFiles);
    expect(ws).toMatchObject({ version: 1, name: 'local', connections: [] });
  });

  it('uses ~/.kube/config when it exists', () => {
    const ws = workspaceFromEnvironment(
      {},
      { home, exists: (p) => p === '/home/ada/.kube/config' },
    );
    expect(ws.connections).toEqual([
      {
        id: 'kubernetes',
        name: 'Kubernetes',
        kind: 'kubernetes',
        kubeconfigPaths: ['/home/ada/.kube/config'],
      },
    ]);
  });

  it('prefers KUBECONFIG, split like kubectl does', () => {
    const ws = workspaceFromEnvironment({ KUBECONFIG: '/a/config::/b/config' }, noFiles);
    expect(ws.connections[0]).toMatchObject({ kubeconfigPaths: ['/a/config', '/b/config'] });
  });

  it('adds MLflow with the token as an environment reference, never its value', () => {
    const ws = workspaceFromEnvironment(
      {
        MLFLOW_TRACKING_URI: 'https://mlflow.example.com',
        MLFLOW_TRACKING_TOKEN: 'tok-123',
        MLFLOW_TRACKING_SERVER_CERT_PATH: '/etc/ca.pem',
      },
      noFiles,
    );
    expect(ws.connections).toEqual([
      {
        id: 'mlflow',
        name: 'MLflow',
        kind: 'mlflow',
        trackingUri: 'https://mlflow.example.com',
        auth: { type: 'bearer', token: { env: 'MLFLOW_TRACKING_TOKEN' } },
        caFile: '/etc/ca.pem',
      },
    ]);
    expect(JSON.stringify(ws)).not.toContain('tok-123');
  });

  it('uses basic auth from MLflow user name and password', () => {
    const ws = workspaceFromEnvironment(
      {
        MLFLOW_TRACKING_URI: 'http://127.0.0.1:5000',
        MLFLOW_TRACKING_USERNAME: 'ada',
        MLFLOW_TRACKING_PASSWORD: 'pw',
        MLFLOW_TRACKING_INSECURE_TLS: 'true',
      },
      noFiles,
    );
    expect(ws.connections[0]).toMatchObject({
      auth: { type: 'basic', username: 'ada', password: { env: 'MLFLOW_TRACKING_PASSWORD' } },
      insecureSkipTlsVerify: true,
    });
  });

  it('leaves out a tracking URI the console cannot talk to, and says why', () => {
    const ws = workspaceFromEnvironment({ MLFLOW_TRACKING_URI: 'file:./mlruns' }, noFiles);
    expect(ws.connections).toEqual([]);
    expect(ws.description).toContain('MLFLOW_TRACKING_URI (file:./mlruns) is not an http(s) URL');
  });

  it('adds Prometheus and Alertmanager by URL', () => {
    const ws = workspaceFromEnvironment(
      {
        CONSOLE_PROMETHEUS_URL: 'http://127.0.0.1:9090',
        CONSOLE_ALERTMANAGER_URL: 'http://127.0.0.1:9093',
      },
      noFiles,
    );
    expect(ws.connections).toEqual([
      {
        id: 'prometheus',
        name: 'Prometheus',
        kind: 'prometheus',
        url: 'http://127.0.0.1:9090',
        auth: { type: 'none' },
      },
      {
        id: 'alertmanager',
        name: 'Alertmanager',
        kind: 'alertmanager',
        url: 'http://127.0.0.1:9093',
        auth: { type: 'none' },
      },
    ]);
  });
});
