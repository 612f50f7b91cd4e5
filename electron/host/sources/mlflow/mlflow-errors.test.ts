import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { HttpClient } from '../http-client';
import { SourceError } from '../source-error';
import { MlflowError, readMlflowErrorBody, toMlflowError } from './mlflow-errors';
import { MlflowSource } from './mlflow-source';

// Canned replies, byte for byte what mlflow 3.17.2 sends for each case.
const replies: Record<string, { status: number; type: string; body: string }> = {
  '/missing': {
    status: 404,
    type: 'application/json',
    body: '{"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "Registered Model with name=nope not found", "sqlstate": "KAM00", "error_class": "RESOURCE_NOT_FOUND"}',
  },
  '/duplicate': {
    status: 400,
    type: 'application/json',
    body: '{"error_code": "RESOURCE_ALREADY_EXISTS", "message": "Registered Model (name=m1) already exists."}',
  },
  '/invalid': {
    status: 400,
    type: 'application/json',
    body: '{"error_code": "INVALID_PARAMETER_VALUE", "message": "Version alias name \'v2\' is reserved."}',
  },
  '/unset-alias': {
    status: 400,
    type: 'application/json',
    body: '{"error_code": "INVALID_PARAMETER_VALUE", "message": "Registered model alias champion not found."}',
  },
  '/unauthenticated': {
    status: 401,
    type: 'text/html; charset=utf-8',
    body: 'You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow on how to authenticate.',
  },
  '/forbidden': { status: 403, type: 'text/html; charset=utf-8', body: 'Permission denied' },
  '/no-route': {
    status: 404,
    type: 'text/html; charset=utf-8',
    body: '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n',
  },
  '/conflict': {
    status: 409,
    type: 'application/json',
    body: '{"error_code": "RESOURCE_CONFLICT", "message": "busy"}',
  },
  '/crash': { status: 500, type: 'text/plain', body: 'Internal Server Error' },
  '/gateway': {
    status: 502,
    type: 'text/html',
    body: '<html><head><title>502 Bad Gateway</title></head></html>',
  },
  '/api/2.0/mlflow/registered-models/alias': {
    status: 400,
    type: 'application/json',
    body: '{"error_code": "INVALID_PARAMETER_VALUE", "message": "Registered model alias champion not found."}',
  },
  '/api/2.0/mlflow/registered-models/get': {
    status: 200,
    type: 'application/json',
    body: '{"registered_model": {"name": "m", "creation_timestamp": "1795704330882", "tags": [{"key": "team"}]}}',
  },
  '/api/2.0/mlflow/model-versions/get': {
    status: 200,
    type: 'application/json',
    body: '{"model_version": {"version": "1"}}',
  },
  '/api/2.0/mlflow/runs/get': {
    status: 200,
    type: 'text/html',
    body: '<html><title>Sign in</title></html>',
  },
  '/version': { status: 200, type: 'text/html', body: '<html>proxy login</html>' },
};

let server: Server;
let http: HttpClient;

beforeAll(async () => {
  server = createServer((req, res) => {
    const reply = replies[new URL(req.url ?? '/', 'http://x').pathname] ?? {
      status: 404,
      type: 'text/plain',
      body: 'none',
    };
    res.writeHead(reply.status, { 'content-type': reply.type });
    res.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  http = new HttpClient(
    {
      source: 'mlflow-test',
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    },
    readMlflowErrorBody,
  );
});

afterAll(async () => {
  await http.close();
  await new Promise((resolve) => server.close(resolve));
});

async function failureFor(path: string): Promise<MlflowError> {
  const error = toMlflowError(await http.request({ path }).catch((e: unknown) => e));
  expect(error).toBeInstanceOf(MlflowError);
  return error as MlflowError;
}

describe('readMlflowErrorBody', () => {
  it('keeps the error code and message of the JSON envelope', () => {
    expect(readMlflowErrorBody(404, replies['/missing']!.body, 'application/json')).toEqual({
      detail: 'RESOURCE_DOES_NOT_EXIST: Registered Model with name=nope not found',
      vendorCode: 'RESOURCE_DOES_NOT_EXIST',
      code: 'not_found',
    });
  });

  it('reads plain sentences even when sent as text/html, and summarizes real HTML', () => {
    expect(readMlflowErrorBody(403, 'Permission denied', 'text/html; charset=utf-8')).toBe(
      'Permission denied',
    );
    expect(readMlflowErrorBody(404, replies['/no-route']!.body, 'text/html')).toBe(
      'an HTML page ("404 Not Found")',
    );
    expect(readMlflowErrorBody(500, '', 'text/plain')).toBeUndefined();
    expect(readMlflowErrorBody(400, '{"detail": "not mlflow"}', 'application/json')).toBe(
      '{"detail": "not mlflow"}',
    );
  });
});

describe('toMlflowError', () => {
  it.each([
    ['/missing', 'not_found', 404, 'RESOURCE_DOES_NOT_EXIST'],
    ['/duplicate', 'conflict', 400, 'RESOURCE_ALREADY_EXISTS'],
    ['/invalid', 'bad_request', 400, 'INVALID_PARAMETER_VALUE'],
    ['/unauthenticated', 'unauthorized', 401, 'UNAUTHENTICATED'],
    ['/forbidden', 'forbidden', 403, 'PERMISSION_DENIED'],
    ['/no-route', 'not_found', 404, 'ENDPOINT_NOT_FOUND'],
    ['/conflict', 'conflict', 409, 'RESOURCE_CONFLICT'],
    ['/crash', 'upstream', 500, 'INTERNAL_ERROR'],
    ['/gateway', 'upstream', 502, 'INTERNAL_ERROR'],
  ])('%s becomes %s (%i, %s)', async (path, code, status, mlflowCode) => {
    const error = await failureFor(path);
    expect([error.code, error.status, error.mlflowCode, error.source]).toEqual([
      code,
      status,
      mlflowCode,
      'mlflow-test',
    ]);
    expect(error).toBeInstanceOf(SourceError);
  });

  it('puts the server’s own words in the message', async () => {
    expect((await failureFor('/unauthenticated')).message).toContain('You are not authenticated.');
    expect((await failureFor('/forbidden')).message).toBe(
      'mlflow-test (127.0.0.1:' + new URL(http.baseUrl).port + ') answered 403: Permission denied',
    );
  });

  it('leaves network failures and non-HTTP errors alone', () => {
    const unreachable = new SourceError('unreachable', 'down', { source: 'x' });
    expect(toMlflowError(unreachable)).toBe(unreachable);
    const bug = new TypeError('oops');
    expect(toMlflowError(bug)).toBe(bug);
  });
});

describe('MlflowSource replies', () => {
  const source = () => new MlflowSource(http);

  it('turns an unset alias (400 INVALID_PARAMETER_VALUE) into not_found, and undefined for find', async () => {
    const error = (await source()
      .getModelVersionByAlias('m', 'champion')
      .catch((e: unknown) => e)) as MlflowError;
    expect([error.code, error.status, error.mlflowCode]).toEqual([
      'not_found',
      400,
      'INVALID_PARAMETER_VALUE',
    ]);
    expect(error.message).toBe('m@champion is not set on mlflow-test');
    expect(await source().findModelVersionByAlias('m', 'champion')).toBeUndefined();
  });

  it('accepts int64 as strings and fills omitted fields', async () => {
    const model = await source().getRegisteredModel('m');
    expect(model).toEqual({
      name: 'm',
      creation_timestamp: 1795704330882,
      latest_versions: [],
      tags: [{ key: 'team', value: '' }],
      aliases: [],
    });
  });

  it('refuses a reply of the wrong shape or not JSON as bad_response', async () => {
    const shape = (await source()
      .getModelVersion('m', '1')
      .catch((e: unknown) => e)) as SourceError;
    expect(shape.code).toBe('bad_response');
    expect(shape.message).toContain('model_version.name');
    const html = (await source()
      .getRun('r')
      .catch((e: unknown) => e)) as SourceError;
    expect([html.code, html.message]).toEqual([
      'bad_response',
      'mlflow-test answered runs/get with text/html instead of JSON',
    ]);
    const notMlflow = (await source()
      .version()
      .catch((e: unknown) => e)) as SourceError;
    expect(notMlflow.code).toBe('bad_response');
    expect(await source().call(z.object({}), { path: 'registered-models/get' })).toEqual({});
  });
});
