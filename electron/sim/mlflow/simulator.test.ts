import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMlflowSimulator, type MlflowSimulator } from './simulator';

describe('MLflow simulator', () => {
  let sim: MlflowSimulator;
  const editor = { authorization: `Basic ${Buffer.from('eve:eve-password').toString('base64')}` };
  const manager = { authorization: `Basic ${Buffer.from('max:max-password').toString('base64')}` };

  beforeAll(async () => {
    sim = await startMlflowSimulator({
      auth: {
        users: {
          eve: { password: 'eve-password', permission: 'EDIT' },
          max: { password: 'max-password', permission: 'MANAGE' },
        },
      },
    });
  });
  afterAll(() => sim.stop());

  const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    fetch(`${sim.url}/api/2.0/mlflow/${path}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('seeds the demo registry with aliases and returns what it seeded', async () => {
    expect(sim.seeded?.registeredModels.map((m) => [m.name, m.versions.length, m.aliases])).toEqual(
      [
        ['fraud-detector', 4, { champion: '3', challenger: '4' }],
        ['churn-model', 3, { champion: '2', challenger: '3' }],
        ['ranking-model', 3, { champion: '2', challenger: '3' }],
      ],
    );
    const res = await call(
      'GET',
      'registered-models/alias?name=fraud-detector&alias=champion',
      editor,
    );
    expect(
      ((await res.json()) as { model_version: { version: string } }).model_version.version,
    ).toBe('3');
  });

  it('lets EDIT move aliases but only MANAGE delete, like MLflow’s permissions', async () => {
    expect(
      (
        await call('POST', 'registered-models/alias', editor, {
          name: 'churn-model',
          alias: 'canary',
          version: '1',
        })
      ).status,
    ).toBe(200);
    const denied = await call('DELETE', 'model-versions/delete', editor, {
      name: 'churn-model',
      version: '1',
    });
    expect([denied.status, await denied.text()]).toEqual([403, 'Permission denied']);
    expect(
      (
        await call('DELETE', 'model-versions/delete', manager, {
          name: 'churn-model',
          version: '1',
        })
      ).status,
    ).toBe(200);
    const gone = await call('GET', 'registered-models/get?name=churn-model', manager);
    const model = ((await gone.json()) as { registered_model: { aliases: { alias: string }[] } })
      .registered_model;
    // Deleting a version drops the aliases that pointed at it.
    expect(model.aliases.map((a) => a.alias)).toEqual(['challenger', 'champion']);
  });

  it('refuses a non-JSON body, a wrong method and an unknown route as mlflow server does', async () => {
    const form = await fetch(`${sim.url}/api/2.0/mlflow/registered-models/create`, {
      method: 'POST',
      headers: { ...manager, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=x',
    });
    expect(form.status).toBe(400);
    expect(await form.json()).toMatchObject({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: expect.stringContaining('Content-Type'),
    });
    expect((await call('GET', 'registered-models/create', manager)).status).toBe(405);
    const unknown = await call('GET', 'no-such-route', manager);
    expect([unknown.status, unknown.headers.get('content-type')]).toEqual([
      404,
      'text/html; charset=utf-8',
    ]);
  });

  it('serves /health without credentials and refuses /version without them', async () => {
    expect(await (await fetch(`${sim.url}/health`)).text()).toBe('OK');
    const version = await fetch(`${sim.url}/version`);
    expect([version.status, version.headers.get('www-authenticate')]).toEqual([
      401,
      'Basic realm="mlflow"',
    ]);
  });

  it('moves stages for legacy callers, archiving the previous holder', async () => {
    const move = (version: string) =>
      call('POST', 'model-versions/transition-stage', manager, {
        name: 'ranking-model',
        version,
        stage: 'production',
        archive_existing_versions: true,
      });
    expect((await move('1')).status).toBe(200);
    const second = (await (await move('2')).json()) as { model_version: { current_stage: string } };
    expect(second.model_version.current_stage).toBe('Production');
    const first = (await (
      await call('GET', 'model-versions/get?name=ranking-model&version=1', manager)
    ).json()) as {
      model_version: { current_stage: string };
    };
    expect(first.model_version.current_stage).toBe('Archived');
  });
});
