import { ApiException, FetchError } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../source-error';
import { CredentialSetupError, kubeStatusDetail, statusMessage, toKubeSourceError } from './errors';

const target = { source: 'kube', context: 'prod', server: 'https://api.prod.example:6443' };

describe('toKubeSourceError', () => {
  it('5xx from the API server is upstream, with the Status message', () => {
    const body = JSON.stringify({
      kind: 'Status',
      message: 'etcdserver: request timed out',
      code: 500,
    });
    const error = toKubeSourceError(
      new ApiException(500, 'Unknown API Status Code!', body, {}),
      target,
    );
    expect(error).toMatchObject({ code: 'upstream', status: 500, source: 'kube' });
    expect(error.message).toBe(
      'context "prod" (api.prod.example:6443) answered 500: etcdserver: request timed out',
    );
  });

  it("a proxy's HTML error page is summarised, not dumped", () => {
    const html = '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';
    const error = toKubeSourceError(
      new ApiException(502, 'x', html, { 'content-type': 'text/html' }),
      target,
    );
    expect(error.message).toBe(
      'context "prod" (api.prod.example:6443) answered 502: an HTML page ("502 Bad Gateway")',
    );
  });

  it("403's Status message is available without the context prefix", () => {
    const body = JSON.stringify({
      kind: 'Status',
      message:
        'pods is forbidden: User "x" cannot list resource "pods" in API group "" in the namespace "y"',
    });
    const error = toKubeSourceError(new ApiException(403, 'x', body, {}), target);
    expect(error.code).toBe('forbidden');
    expect(kubeStatusDetail(error)).toBe(
      'pods is forbidden: User "x" cannot list resource "pods" in API group "" in the namespace "y"',
    );
  });

  it('an aborted request is a timeout; a garbled answer is a bad response', () => {
    const aborted = Object.assign(new Error('The user aborted a request.'), {
      name: 'AbortError',
      type: 'aborted',
    });
    expect(toKubeSourceError(aborted, target).code).toBe('timeout');
    expect(
      toKubeSourceError(new FetchError('invalid json response body', 'invalid-json'), target).code,
    ).toBe('bad_response');
  });

  it('DNS failures are unreachable', () => {
    const dns = new FetchError(
      'request to https://x failed, reason: getaddrinfo ENOTFOUND x',
      'system',
      {
        code: 'ENOTFOUND',
        errno: 'ENOTFOUND',
      } as never,
    );
    const error = toKubeSourceError(dns, target);
    expect(error.code).toBe('unreachable');
  });

  it('an unreadable certificate file named by the kubeconfig is reported as such', () => {
    const cause = Object.assign(new Error('ENOENT: no such file'), {
      code: 'ENOENT',
      syscall: 'open',
      path: '/etc/ca.pem',
    });
    const error = toKubeSourceError(new CredentialSetupError(cause), target);
    expect(error).toMatchObject({ code: 'unavailable' });
    expect(error.message).toContain('cannot read /etc/ca.pem (ENOENT)');
  });

  it('an exec plugin printing garbage is named', () => {
    const error = toKubeSourceError(new CredentialSetupError(new SyntaxError('Unexpected token')), {
      ...target,
      execCommand: 'aws',
    });
    expect(error.code).toBe('unauthorized');
    expect(error.message).toContain(
      'the credential plugin "aws" printed something that is not an ExecCredential',
    );
  });

  it('passes SourceErrors through and calls anything else internal', () => {
    const mine = new SourceError('conflict', 'x');
    expect(toKubeSourceError(mine, target)).toBe(mine);
    expect(toKubeSourceError(new TypeError('undefined is not a function'), target).code).toBe(
      'internal',
    );
  });
});

describe('statusMessage', () => {
  it('reads a Status object, a JSON string, or plain text', () => {
    expect(statusMessage({ message: 'gone' }, '')).toBe('gone');
    expect(statusMessage('{"message":"nope"}', 'application/json')).toBe('nope');
    expect(statusMessage('plain words', 'text/plain')).toBe('plain words');
    expect(statusMessage(undefined, '')).toBe('');
  });
});
