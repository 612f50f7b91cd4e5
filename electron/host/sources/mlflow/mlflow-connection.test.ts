import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMlflowSimulator, type MlflowSimulator } from '../../../sim/mlflow';
import type { MlflowConnection } from '../../../../shared/model/connection';
import { SourceError } from '../source-error';
import {
  createMlflowSource,
  mlflowConnectionFromEnv,
  testMlflowConnection,
} from './mlflow-connection';

describe('mlflowConnectionFromEnv', () => {
  it('is undefined without MLFLOW_TRACKING_URI', () => {
    expect(mlflowConnectionFromEnv({})).toBeUndefined();
    expect(mlflowConnectionFromEnv({ MLFLOW_TRACKING_URI: '  ' })).toBeUndefined();
  });

  it('reads a token as bearer auth, referring to the variable rather than copying the secret', () => {
    const found = mlflowConnectionFromEnv({
      MLFLOW_TRACKING_URI: 'https://mlflow.example.com/',
      MLFLOW_TRACKING_TOKEN: 's3cret',
    });
    expect(found).toEqual({
      connection: {
        id: 'mlflow-env',
        name: 'MLflow (environment)',
        kind: 'mlflow',
        trackingUri: 'https://mlflow.example.com',
        auth: { type: 'bearer', token: { env: 'MLFLOW_TRACKING_TOKEN' } },
      },
      secretEnv: ['MLFLOW_TRACKING_TOKEN'],
      ignored: [],
    });
    expect(JSON.stringify(found)).not.toContain('s3cret');
  });

  it('prefers username and password like the Python client, and reads the TLS settings', () => {
    const found = mlflowConnectionFromEnv(
      {
        MLFLOW_TRACKING_URI: 'https://mlflow.internal:5000/mlflow',
        MLFLOW_TRACKING_USERNAME: 'ci-bot',
        MLFLOW_TRACKING_PASSWORD: 'pw',
        MLFLOW_TRACKING_TOKEN: 'tok',
        MLFLOW_TRACKING_SERVER_CERT_PATH: '/etc/ssl/corp-ca.pem',
        MLFLOW_TRACKING_INSECURE_TLS: 'true',
        MLFLOW_TRACKING_CLIENT_CERT_PATH: '/etc/ssl/me.pem',
      },
      { id: 'prod-mlflow', name: 'Production MLflow' },
    );
    expect(found?.connection).toEqual({
      id: 'prod-mlflow',
      name: 'Production MLflow',
      kind: 'mlflow',
      trackingUri: 'https://mlflow.internal:5000/mlflow',
      auth: { type: 'basic', username: 'ci-bot', password: { env: 'MLFLOW_TRACKING_PASSWORD' } },
      caFile: '/etc/ssl/corp-ca.pem',
      insecureSkipTlsVerify: true,
    });
    expect(found?.secretEnv).toEqual(['MLFLOW_TRACKING_PASSWORD']);
    expect(found?.ignored).toHaveLength(2);
  });

  it('refuses local stores and databricks URIs', () => {
    for (const uri of ['file:///tmp/mlruns', 'sqlite:///mlflow.db', 'databricks', './mlruns']) {
      expect(() => mlflowConnectionFromEnv({ MLFLOW_TRACKING_URI: uri }), uri).toThrow(SourceError);
    }
  });
});

describe('createMlflowSource', () => {
  let sim: MlflowSimulator;
  const conn = (
    auth: MlflowConnection['auth'],
    extra: Partial<MlflowConnection> = {},
  ): MlflowConnection => ({
    id: 'mlflow-sim',
    name: 'Simulator',
    kind: 'mlflow',
    trackingUri: sim.url,
    auth,
    ...extra,
  });

  beforeAll(async () => {
    sim = await startMlflowSimulator({
      auth: { users: { ana: { password: 'correct-horse', permission: 'READ' } } },
    });
  });
  afterAll(() => sim.stop());

  it('resolves the password through the vault and authenticates with it', async () => {
    const asked: unknown[] = [];
    const source = await createMlflowSource(
      conn({ type: 'basic', username: 'ana', password: { secret: 'mlflow/ana' } }),
      async (ref) => {
        asked.push(ref);
        return 'correct-horse';
      },
    );
    expect(asked).toEqual([{ secret: 'mlflow/ana' }]);
    expect(await testMlflowConnection(source)).toMatchObject({
      status: 'ok',
      serverVersion: 'MLflow 3.17.2',
    });
    await source.close();
  });

  it('reports a READ-only user as forbidden when it tries to move an alias', async () => {
    const source = await createMlflowSource(
      conn({ type: 'basic', username: 'ana', password: { env: 'X' } }),
      async () => 'correct-horse',
    );
    await expect(source.setAlias('fraud-detector', 'champion', '1')).rejects.toMatchObject({
      code: 'forbidden',
      status: 403,
    });
    await source.close();
  });

  it('says when a secret cannot be read or the CA file is missing', async () => {
    await expect(
      createMlflowSource(conn({ type: 'bearer', token: { secret: 'gone' } }), async () => {
        throw new Error('no such secret');
      }),
    ).rejects.toMatchObject({
      code: 'unauthorized',
      message: expect.stringContaining('no such secret'),
    });
    await expect(
      createMlflowSource(conn({ type: 'none' }, { caFile: '/nonexistent/ca.pem' }), async () => ''),
    ).rejects.toMatchObject({
      code: 'tls',
    });
  });
});
