import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KubeconfigError, loadKubeconfigs } from './kubeconfig';
import { tempDir, type TempDir } from './testing/kubeconfig-files';

const fakeCa = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n';

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

const one = (name: string, server = `https://${name}.example:6443`) => ({
  clusters: [{ name: `${name}-cluster`, server, caPem: fakeCa }],
  users: [{ name: `${name}-user`, token: `${name}-token` }],
  contexts: [{ name, cluster: `${name}-cluster`, user: `${name}-user`, namespace: `${name}-ns` }],
});

describe('which kubeconfigs are read', () => {
  it('merges $KUBECONFIG like kubectl: the first file to define a name wins, and the first current-context', () => {
    const a = tmp.write('a.yaml', {
      ...one('dev'),
      clusters: [{ name: 'shared', server: 'https://from-a:6443' }, ...one('dev').clusters],
      contexts: [
        ...one('dev').contexts,
        { name: 'shared-ctx', cluster: 'shared', user: 'dev-user' },
      ],
    });
    const b = tmp.write('b.yaml', {
      clusters: [{ name: 'shared', server: 'https://from-b:6443' }, ...one('prod').clusters],
      users: [{ name: 'dev-user', token: 'overridden' }, ...one('prod').users],
      contexts: [{ name: 'dev', cluster: 'shared', user: 'dev-user' }, ...one('prod').contexts],
      current: 'prod',
    });
    const c = tmp.write('c.yaml', { ...one('stage'), current: 'stage' });
    const loaded = loadKubeconfigs({
      env: { KUBECONFIG: [a, b, c].join(path.delimiter) },
      homeDir: tmp.dir,
    });

    expect(loaded.errors).toEqual([]);
    expect(loaded.files).toEqual([a, b, c]);
    expect(loaded.currentContext).toBe('prod'); // a sets none, so b's wins over c's
    expect(loaded.contexts.map((x) => x.name)).toEqual(['dev', 'shared-ctx', 'prod', 'stage']);
    const dev = loaded.contexts.find((x) => x.name === 'dev');
    expect(dev).toEqual({
      name: 'dev',
      cluster: 'dev-cluster',
      server: 'https://dev.example:6443',
      user: 'dev-user',
      namespace: 'dev-ns',
      current: false,
      file: a,
    });
    expect(loaded.contexts.find((x) => x.name === 'shared-ctx')?.server).toBe(
      'https://from-a:6443',
    );
    expect(loaded.kubeConfig.getUser('dev-user')?.token).toBe('dev-token');
    expect(loaded.contexts.find((x) => x.name === 'prod')?.current).toBe(true);
  });

  it('skips a $KUBECONFIG entry that does not exist, as kubectl does', () => {
    const a = tmp.write('a.yaml', one('dev'));
    const loaded = loadKubeconfigs({
      env: { KUBECONFIG: `${path.join(tmp.dir, 'nope')}${path.delimiter}${a}` },
    });
    expect(loaded.errors).toEqual([]);
    expect(loaded.contexts.map((x) => x.name)).toEqual(['dev']);
  });

  it('prefers the explicit list over $KUBECONFIG and reports a listed file that is missing', () => {
    const a = tmp.write('a.yaml', one('dev'));
    const b = tmp.write('b.yaml', one('prod'));
    const missing = path.join(tmp.dir, 'missing.yaml');
    const loaded = loadKubeconfigs({ paths: [b, missing], env: { KUBECONFIG: a } });
    expect(loaded.contexts.map((x) => x.name)).toEqual(['prod']);
    expect(loaded.errors).toHaveLength(1);
    expect(loaded.errors[0]).toBeInstanceOf(KubeconfigError);
    expect(loaded.errors[0]?.problem).toBe('unreadable');
    expect(loaded.errors[0]?.message).toContain(missing);
  });

  it('falls back to ~/.kube/config, and expands ~ in explicit paths', () => {
    mkdirSync(path.join(tmp.dir, '.kube'));
    tmp.write('.kube/config', { ...one('home'), current: 'home' });
    expect(loadKubeconfigs({ env: {}, homeDir: tmp.dir }).contexts.map((x) => x.name)).toEqual([
      'home',
    ]);
    expect(
      loadKubeconfigs({ paths: ['~/.kube/config'], env: {}, homeDir: tmp.dir }).currentContext,
    ).toBe('home');
  });

  it('has no contexts and no errors when there is no kubeconfig at all', () => {
    const loaded = loadKubeconfigs({ env: {}, homeDir: tmp.dir });
    expect(loaded.contexts).toEqual([]);
    expect(loaded.errors).toEqual([]);
  });

  it('makes file references relative to the kubeconfig, not the working directory', () => {
    mkdirSync(path.join(tmp.dir, 'certs'));
    tmp.write('certs/ca.pem', fakeCa);
    tmp.write('certs/token', 'from-file');
    const file = tmp.write('a.yaml', {
      clusters: [
        { name: 'c', server: 'https://c:6443', extra: { 'certificate-authority': 'certs/ca.pem' } },
      ],
      users: [
        {
          name: 'u',
          extra: { 'token-file': 'certs/token' },
          exec: { command: './bin/plugin', apiVersion: 'client.authentication.k8s.io/v1' },
        },
      ],
      contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
    });
    const loaded = loadKubeconfigs({ paths: [file] });
    expect(loaded.errors).toEqual([]);
    expect(loaded.kubeConfig.getCluster('c')?.caFile).toBe(path.join(tmp.dir, 'certs/ca.pem'));
    expect(loaded.kubeConfig.getUser('u')?.token).toBe('from-file');
    expect((loaded.kubeConfig.getUser('u')?.exec as { command: string }).command).toBe(
      path.join(tmp.dir, 'bin/plugin'),
    );
  });
});

describe('malformed kubeconfigs', () => {
  it('reports a YAML syntax error with the file and line, and still loads the other files', () => {
    const good = tmp.write('good.yaml', one('dev'));
    const bad = tmp.write(
      'bad.yaml',
      [
        'apiVersion: v1',
        'clusters:',
        '- name: x',
        '  cluster:',
        '    server: https://x',
        '   bad-indent: [',
        'users: []',
        '',
      ].join('\n'),
    );
    const loaded = loadKubeconfigs({ paths: [bad, good] });
    expect(loaded.contexts.map((x) => x.name)).toEqual(['dev']);
    expect(loaded.errors).toHaveLength(1);
    const error = loaded.errors[0] as KubeconfigError;
    expect(error.problem).toBe('yaml');
    expect(error.file).toBe(bad);
    expect(error.line).toBe(6);
    expect(error.message).toMatch(new RegExp(`^${escape(bad)} line 6: YAML syntax error: `));
  });

  it('reports an unterminated flow sequence at the line where YAML notices it', () => {
    const bad = tmp.write('bad.yaml', 'apiVersion: v1\nclusters: [\n  {name: a\nusers: []\n');
    const [error] = loadKubeconfigs({ paths: [bad] }).errors;
    expect(error?.problem).toBe('yaml');
    expect(error?.line).toBeGreaterThanOrEqual(2);
    expect(error?.message).toContain(bad);
  });

  it('reports duplicate keys, which kubectl refuses too', () => {
    const bad = tmp.write('dup.yaml', 'apiVersion: v1\nkind: Config\nkind: Config\n');
    const [error] = loadKubeconfigs({ paths: [bad] }).errors;
    expect(error?.problem).toBe('yaml');
    expect(error?.line).toBe(3);
  });

  it('reports a context whose cluster no file defines, at the context line', () => {
    const file = tmp.write('a.yaml', {
      ...one('dev'),
      contexts: [...one('dev').contexts, { name: 'orphan', cluster: 'nowhere', user: 'dev-user' }],
    });
    const loaded = loadKubeconfigs({ paths: [file] });
    expect(loaded.contexts.map((x) => x.name)).toEqual(['dev']);
    expect(loaded.errors).toHaveLength(1);
    const error = loaded.errors[0] as KubeconfigError;
    expect(error.problem).toBe('missing_cluster');
    expect(error.entry).toBe('orphan');
    expect(error.message).toBe(
      `${file} line ${lineOf(file, '- name: orphan')}: context "orphan" names cluster "nowhere", which no loaded kubeconfig defines`,
    );
  });

  it('finds a context cluster and user defined in another file of the merge', () => {
    const a = tmp.write('a.yaml', { contexts: [{ name: 'split', cluster: 'c', user: 'u' }] });
    const b = tmp.write('b.yaml', {
      clusters: [{ name: 'c', server: 'https://c:6443' }],
      users: [{ name: 'u', token: 't' }],
    });
    const loaded = loadKubeconfigs({ env: { KUBECONFIG: `${a}${path.delimiter}${b}` } });
    expect(loaded.errors).toEqual([]);
    expect(loaded.contexts[0]).toMatchObject({ name: 'split', server: 'https://c:6443', file: a });
  });

  it('reports a context naming an unknown user', () => {
    const file = tmp.write('a.yaml', {
      ...one('dev'),
      contexts: [{ name: 'dev', cluster: 'dev-cluster', user: 'ghost' }],
    });
    const loaded = loadKubeconfigs({ paths: [file] });
    expect(loaded.contexts).toEqual([]);
    expect(loaded.errors[0]?.problem).toBe('unknown_user');
    expect(loaded.errors[0]?.message).toBe(
      `${file} line ${lineOf(file, '- name: dev')}: context "dev" names user "ghost", which no loaded kubeconfig defines`,
    );
  });

  it('reports a context that names no cluster', () => {
    const file = tmp.write(
      'a.yaml',
      'apiVersion: v1\ncontexts:\n- name: bare\n  context:\n    user: u\n',
    );
    const [error] = loadKubeconfigs({ paths: [file] }).errors;
    expect(error?.problem).toBe('missing_cluster');
    expect(error?.message).toBe(`${file} line 3: context "bare" names no cluster`);
  });

  it('reports certificate-authority-data that is not base64, at its line, and the contexts using it', () => {
    const file = tmp.write(
      'a.yaml',
      [
        'apiVersion: v1',
        'clusters:',
        '- name: broken',
        '  cluster:',
        '    server: https://broken:6443',
        '    certificate-authority-data: "not base64 at all!"',
        'users:',
        '- name: u',
        '  user: {token: t}',
        'contexts:',
        '- name: uses-broken',
        '  context: {cluster: broken, user: u}',
        '',
      ].join('\n'),
    );
    const loaded = loadKubeconfigs({ paths: [file] });
    expect(loaded.contexts).toEqual([]);
    expect(loaded.errors.map((e) => e.message)).toEqual([
      `${file} line 6: cluster "broken": certificate-authority-data is not valid base64`,
      `${file} line 11: context "uses-broken" names cluster "broken", which could not be loaded (see its own error)`,
    ]);
    expect(loaded.errors[0]?.problem).toBe('bad_base64');
  });

  it('reports base64 data that is not a PEM certificate', () => {
    const file = tmp.write('a.yaml', {
      clusters: [
        {
          name: 'c',
          server: 'https://c:6443',
          extra: { 'certificate-authority-data': Buffer.from('hello').toString('base64') },
        },
      ],
    });
    const [error] = loadKubeconfigs({ paths: [file] }).errors;
    expect(error?.message).toBe(
      `${file} line ${lineOf(file, 'certificate-authority-data')}: cluster "c": certificate-authority-data does not decode to a PEM CERTIFICATE`,
    );
  });

  it('reports bad client-key-data on a user', () => {
    const file = tmp.write('a.yaml', {
      users: [{ name: 'u', extra: { 'client-key-data': '%%%' } }],
    });
    const [error] = loadKubeconfigs({ paths: [file] }).errors;
    expect(error?.problem).toBe('bad_base64');
    expect(error?.message).toContain('user "u": client-key-data is not valid base64');
  });

  it('reports an unreadable kubeconfig (a folder) and a certificate file that is missing', () => {
    mkdirSync(path.join(tmp.dir, 'folder'));
    const file = tmp.write('a.yaml', {
      clusters: [
        { name: 'c', server: 'https://c:6443', extra: { 'certificate-authority': 'gone.pem' } },
      ],
    });
    const errors = loadKubeconfigs({ paths: [path.join(tmp.dir, 'folder'), file] }).errors;
    expect(errors.map((e) => e.problem)).toEqual(['unreadable', 'unreadable']);
    expect(errors[0]?.message).toMatch(/folder: cannot read the kubeconfig: EISDIR/);
    expect(errors[1]?.message).toContain(
      `cluster "c": certificate-authority ${path.join(tmp.dir, 'gone.pem')} cannot be read (ENOENT)`,
    );
  });

  it('reports entries without a name or server, and a file that is not a kubeconfig', () => {
    const file = tmp.write(
      'a.yaml',
      'clusters:\n- cluster: {server: https://x}\n- name: noserver\n  cluster: {}\n',
    );
    const list = tmp.write('list.yaml', '- just\n- a list\n');
    const loaded = loadKubeconfigs({ paths: [file, list] });
    expect(loaded.errors.map((e) => e.message)).toEqual([
      `${file} line 2: clusters[0] has no name`,
      `${file} line 3: cluster "noserver" has no server URL`,
      `${list} line 1: not a kubeconfig: the top level is not a mapping`,
    ]);
  });

  it('never throws, whatever the file holds', () => {
    for (const text of [
      '',
      '---\n',
      'clusters: 5',
      '{{{{',
      '\u0000\u0001',
      'contexts:\n- 42\n- [a]\n',
    ]) {
      const file = tmp.write('x.yaml', text);
      expect(() => loadKubeconfigs({ paths: [file] })).not.toThrow();
    }
  });
});

function lineOf(file: string, needle: string): number {
  // The whole trimmed line, or a key: `- name: dev` must not match `- name: dev-cluster`.
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.findIndex((l) => l.trim() === needle || l.trim().startsWith(`${needle}:`)) + 1;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
