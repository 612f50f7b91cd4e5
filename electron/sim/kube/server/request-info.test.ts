import { describe, expect, it } from 'vitest';
import { parseRequestInfo } from './request-info';

const parse = (method: string, path: string) =>
  parseRequestInfo(method, new URL(path, 'https://127.0.0.1'));

describe('request info', () => {
  it('splits resource paths like the API server', () => {
    expect(parse('GET', '/api/v1/namespaces/ml/pods/p1/log?container=main')).toMatchObject({
      isResource: true,
      verb: 'get',
      group: '',
      version: 'v1',
      namespace: 'ml',
      resource: 'pods',
      name: 'p1',
      subresource: 'log',
    });
    expect(parse('GET', '/apis/apps/v1/namespaces/ml/deployments')).toMatchObject({
      verb: 'list',
      group: 'apps',
      resource: 'deployments',
      name: '',
    });
    expect(parse('GET', '/api/v1/pods?watch=1')).toMatchObject({
      verb: 'watch',
      namespace: '',
      resource: 'pods',
    });
    expect(parse('GET', '/api/v1/watch/namespaces/ml/pods')).toMatchObject({
      verb: 'watch',
      namespace: 'ml',
      resource: 'pods',
    });
    expect(parse('DELETE', '/api/v1/namespaces/ml/pods')).toMatchObject({
      verb: 'deletecollection',
    });
    expect(parse('PATCH', '/apis/apps/v1/namespaces/ml/deployments/d/scale')).toMatchObject({
      verb: 'patch',
      subresource: 'scale',
    });
    expect(parse('GET', '/api/v1/namespaces/ml')).toMatchObject({
      resource: 'namespaces',
      name: 'ml',
      namespace: 'ml',
    });
    expect(parse('PUT', '/api/v1/namespaces/ml/status')).toMatchObject({
      resource: 'namespaces',
      name: 'ml',
      subresource: 'status',
      verb: 'update',
    });
    expect(parse('GET', '/api/v1/nodes/n1')).toMatchObject({
      resource: 'nodes',
      name: 'n1',
      verb: 'get',
    });
  });

  it('keeps the proxied path and maps proxy methods to verbs', () => {
    expect(
      parse('POST', '/api/v1/namespaces/monitoring/services/prometheus:9090/proxy/api/v1/query'),
    ).toMatchObject({
      verb: 'create',
      name: 'prometheus:9090',
      subresource: 'proxy',
      rest: 'api/v1/query',
    });
    expect(
      parse('GET', '/api/v1/namespaces/monitoring/services/http:alertmanager:web/proxy/'),
    ).toMatchObject({ verb: 'get', name: 'http:alertmanager:web', rest: '' });
  });

  it('recognises discovery and non-resource paths', () => {
    expect(parse('GET', '/apis')).toMatchObject({ isResource: false, prefix: 'apis' });
    expect(parse('GET', '/apis/argoproj.io/v1alpha1')).toMatchObject({
      isResource: false,
      group: 'argoproj.io',
      version: 'v1alpha1',
    });
    expect(parse('GET', '/api/v1')).toMatchObject({ isResource: false, version: 'v1' });
    expect(parse('GET', '/version')).toMatchObject({ isResource: false, prefix: '' });
  });
});
