import { describe, expect, test } from 'vitest';
import { mlflowView } from '../../../test-support/fixtures';
import {
  buildConnection,
  draftFromView,
  emptyDraft,
  errorsFromIssues,
  type ConnectionDraft,
} from './connection-draft';

const draft = (patch: Partial<ConnectionDraft>): ConnectionDraft => ({ ...emptyDraft(), ...patch });

describe('buildConnection', () => {
  test('puts schema issues on their fields', () => {
    const result = buildConnection(
      draft({ kind: 'mlflow', id: 'Bad Id', name: '', trackingUri: 'nope' }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.id).toBe('lower-case letters, digits and dashes');
    expect(result.errors.name).toBe('Required');
    expect(result.errors.trackingUri).toBeTruthy();
  });

  test('a typed token goes beside the connection, which only refers to the vault', () => {
    const result = buildConnection(
      draft({
        kind: 'mlflow',
        id: 'reg',
        name: 'Registry',
        trackingUri: 'https://mlflow.example.com',
        authType: 'bearer',
        token: 's3cret',
      }),
    );
    expect(result).toEqual({
      ok: true,
      connection: {
        kind: 'mlflow',
        id: 'reg',
        name: 'Registry',
        trackingUri: 'https://mlflow.example.com',
        auth: { type: 'bearer', token: { secret: 'connection/reg/token' } },
      },
      secrets: { token: 's3cret' },
    });
    expect(JSON.stringify(result.ok && result.connection)).not.toContain('s3cret');
  });

  test('a bearer token is required unless one is saved or it comes from the environment', () => {
    const base = {
      kind: 'mlflow' as const,
      id: 'reg',
      name: 'R',
      trackingUri: 'http://x:5000',
      authType: 'bearer' as const,
    };
    expect(buildConnection(draft(base))).toMatchObject({
      ok: false,
      errors: { token: 'Enter the token' },
    });
    expect(
      buildConnection(draft({ ...base, savedSecrets: { token: 'connection/reg/token' } })),
    ).toMatchObject({
      ok: true,
      connection: { auth: { token: { secret: 'connection/reg/token' } } },
    });
    expect(
      buildConnection(draft({ ...base, secretSource: 'env', secretLocation: 'MLFLOW_TOKEN' })),
    ).toMatchObject({
      ok: true,
      connection: { auth: { token: { env: 'MLFLOW_TOKEN' } } },
    });
  });

  test('prometheus through the API server, with headers', () => {
    const result = buildConnection(
      draft({
        kind: 'prometheus',
        id: 'prom',
        name: 'Prom',
        reach: 'kubernetes',
        via: {
          connection: '',
          context: 'prod',
          namespace: 'monitoring',
          service: 'prometheus',
          port: '9090',
          scheme: 'http',
        },
        headers: [
          { key: 'X-Scope-OrgID', value: 'team-a' },
          { key: '', value: '' },
        ],
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      connection: {
        viaKubernetes: {
          context: 'prod',
          namespace: 'monitoring',
          service: 'prometheus',
          port: 9090,
          scheme: 'http',
        },
        headers: { 'X-Scope-OrgID': 'team-a' },
      },
    });
  });

  test('missing proxy fields and nameless headers are field errors', () => {
    const result = buildConnection(
      draft({
        kind: 'alertmanager',
        id: 'am',
        name: 'AM',
        reach: 'kubernetes',
        headers: [{ key: '', value: 'x' }],
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      errors: {
        'via-context': 'Required',
        'via-namespace': 'Required',
        'via-service': 'Required',
        'via-port': 'Required',
        headers: 'Every header needs a name',
      },
    });
  });

  test('kubernetes drops empty rows', () => {
    expect(
      buildConnection(
        draft({ id: 'k', name: 'K', kubeconfigPaths: ['~/.kube/a', ' '], contexts: [] }),
      ),
    ).toEqual({
      ok: true,
      connection: { kind: 'kubernetes', id: 'k', name: 'K', kubeconfigPaths: ['~/.kube/a'] },
    });
  });
});

describe('editing', () => {
  test('a saved connection round-trips through the draft without its secret', () => {
    const d = draftFromView(mlflowView);
    expect(d).toMatchObject({
      authType: 'bearer',
      secretSource: 'vault',
      savedSecrets: { token: 'connection/registry/token' },
      token: '',
    });
    expect(buildConnection(d)).toEqual({ ok: true, connection: mlflowView.connection });
  });
});

describe('errorsFromIssues', () => {
  test("maps the host's dotted paths onto fields", () => {
    const d = draft({ kind: 'mlflow' });
    expect(
      errorsFromIssues(
        [
          { path: 'connection.trackingUri', message: 'an http:// or https:// URL' },
          { path: 'secrets.token', message: 'too short' },
          { path: '(root)', message: 'something else' },
        ],
        d,
      ),
    ).toEqual({
      trackingUri: 'an http:// or https:// URL',
      token: 'too short',
      form: 'something else',
    });
  });
});
